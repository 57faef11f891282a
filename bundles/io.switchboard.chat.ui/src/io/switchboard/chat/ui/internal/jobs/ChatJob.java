package io.switchboard.chat.ui.internal.jobs;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;

import io.switchboard.chat.ui.ChatUi;
import io.switchboard.ui.jobs.UiJob;

/**
 * Calls to the chat service (a shared database server answers slower than Derby) off the UI thread, as {@link UiJob#of system jobs} of this bundle's family; the result comes
 * back on the UI thread.
 */
public final class ChatJob {

    private static final String PLUGIN_ID = "io.switchboard.chat.ui";

    private ChatJob() {
    }

    /** An unscheduled job: runs {@code work} off the UI thread, then {@code done} or {@code failed} on it. */
    public static <T> UiJob<T> of(String name, Display display, Callable<T> work, Consumer<T> done,
            Consumer<Exception> failed) {
        return UiJob.of(name, display, PLUGIN_ID, ChatUi.JOB_FAMILY, work, done, failed);
    }

    /** {@link #of} scheduled at once. */
    public static <T> UiJob<T> schedule(String name, Display display, Callable<T> work, Consumer<T> done,
            Consumer<Exception> failed) {
        return UiJob.background(name, display, PLUGIN_ID, ChatUi.JOB_FAMILY, work, done, failed);
    }
}
