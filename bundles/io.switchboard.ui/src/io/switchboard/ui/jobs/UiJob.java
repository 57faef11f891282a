package io.switchboard.ui.jobs;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import io.switchboard.core.Progress;
import io.switchboard.core.jobs.MonitorProgress;

/**
 * Long work off the UI thread, shared by the capability UIs. Its progress is kept in a {@link MonitorProgress}
 * for the status bar; the result goes back to the UI thread through {@link #done(Object)}, {@link #canceled()}
 * or {@link #failed}. A failure is reported by {@link #failed} and ends the job with a warning status, so the
 * platform does not add a second, generic report.
 *
 * @param <T> what the work produces
 */
public abstract class UiJob<T> extends Job {

    private final String pluginId;
    private final Object family;
    private final Display display;
    private volatile MonitorProgress progress;

    /**
     * @param pluginId the symbolic name of the bundle the job belongs to, for its status
     * @param family the job family ({@link #belongsTo(Object)}) under which the capability finds its jobs
     */
    protected UiJob(String name, Display display, String pluginId, Object family) {
        super(name);
        this.display = display;
        this.pluginId = pluginId;
        this.family = family;
        setUser(true);
    }

    /** Runs off the UI thread; checks {@code progress.isCanceled()} between steps. */
    protected abstract T work(Progress progress) throws Exception;

    /** On the UI thread once the work has finished. */
    protected abstract void done(T result);

    /** On the UI thread when the work was canceled; nothing by default. */
    protected void canceled() {
    }

    /** On the UI thread when the work failed. */
    protected abstract void failed(Exception error);

    @Override
    protected final IStatus run(IProgressMonitor monitor) {
        MonitorProgress p = new MonitorProgress(monitor);
        progress = p;
        try {
            T result = work(p);
            if (monitor.isCanceled()) {
                ui(this::canceled);
                return Status.CANCEL_STATUS;
            }
            ui(() -> done(result));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            ui(this::canceled);
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            ui(() -> failed(e));
            // Reported to the agent by failed(); an error status would only add a second, generic report.
            return new Status(IStatus.WARNING, pluginId, e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    private void ui(Runnable runnable) {
        if (!display.isDisposed()) {
            display.asyncExec(runnable);
        }
    }

    /**
     * A short, frequent call to a service off the UI thread, as a system job (no progress dialog for each one), with
     * its outcome handed back on the UI thread: {@code done} with the result, or {@code failed}. Not yet scheduled,
     * so the caller can set a rule first; {@link #background} schedules it at once. The capability UIs (chat, mail)
     * run their service calls through these two.
     *
     * @param pluginId the symbolic name of the bundle the job belongs to, for its status
     * @param family   the job family ({@link #belongsTo(Object)}) under which the capability finds its jobs
     */
    public static <T> UiJob<T> of(String name, Display display, String pluginId, Object family, Callable<T> work,
            Consumer<T> done, Consumer<Exception> failed) {
        UiJob<T> job = new UiJob<>(name, display, pluginId, family) {
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
        job.setUser(false);
        job.setSystem(true);
        return job;
    }

    /** {@link #of} scheduled at once. */
    public static <T> UiJob<T> background(String name, Display display, String pluginId, Object family,
            Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        UiJob<T> job = of(name, display, pluginId, family, work, done, failed);
        job.schedule();
        return job;
    }

    /** What the work reported last, or {@code null} before it started. */
    public MonitorProgress progress() {
        return progress;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == this.family;
    }
}
