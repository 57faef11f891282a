package io.switchboard.chat.ui.internal.jobs;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;

import io.switchboard.core.Progress;

import io.switchboard.chat.ui.ChatUi;
import io.switchboard.ui.jobs.UiJob;

/**
 * One call to the chat service off the UI thread (a shared database server answers slower than Derby); the
 * result comes back to the UI thread through {@link #done(Object)} or {@link #failed}. Quick, frequent work, so
 * it is a system job: no progress dialog for each message.
 *
 * @param <T> what the work produces
 */
public abstract class ChatJob<T> extends UiJob<T> {

    private static final String PLUGIN_ID = "io.switchboard.chat.ui";

    protected ChatJob(String name, Display display) {
        super(name, display, PLUGIN_ID, ChatUi.JOB_FAMILY);
        setUser(false);
        setSystem(true);
    }

    /** Runs {@code work} off the UI thread, then {@code done} or {@code failed} on it. */
    public static <T> ChatJob<T> schedule(String name, Display display, Callable<T> work, Consumer<T> done,
            Consumer<Exception> failed) {
        ChatJob<T> job = new ChatJob<>(name, display) {
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
