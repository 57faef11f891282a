package io.switchboard.mail.ui.internal.jobs;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;

import io.switchboard.core.Progress;

import io.switchboard.mail.ui.MailUi;
import io.switchboard.ui.jobs.UiJob;

/**
 * One call to a mail service off the UI thread; the
 * result comes back to the UI thread through {@link #done(Object)} or {@link #failed}. Quick, frequent work, so
 * it is a system job: no progress dialog for each call.
 *
 * @param <T> what the work produces
 */
public abstract class MailJob<T> extends UiJob<T> {

    private static final String PLUGIN_ID = "io.switchboard.mail.ui";

    protected MailJob(String name, Display display) {
        super(name, display, PLUGIN_ID, MailUi.JOB_FAMILY);
        setUser(false);
        setSystem(true);
    }

    /** Runs {@code work} off the UI thread, then {@code done} or {@code failed} on it. */
    public static <T> MailJob<T> schedule(String name, Display display, Callable<T> work, Consumer<T> done,
            Consumer<Exception> failed) {
        MailJob<T> job = new MailJob<>(name, display) {
            @Override
            protected T work(Progress progress) throws Exception {
                return work.call();
            }

            @Override
            protected void done(T result) {
                done.accept(result);
            }

            @Override
            protected void failed(Exception error) {
                failed.accept(error);
            }
        };
        job.schedule();
        return job;
    }
}
