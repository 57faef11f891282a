package io.switchboard.tickets.ui.internal.jobs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import io.switchboard.core.Progress;
import io.switchboard.tickets.ui.TicketsUi;

/**
 * Long ticket and classifier work (training, evaluation, retraining) off the UI thread. The result goes back to
 * the UI thread through {@link #done(Object)} or {@link #failed}.
 *
 * @param <T> what the work produces
 */
public abstract class TicketJob<T> extends Job {

    private static final String PLUGIN_ID = "io.switchboard.tickets.ui";

    private final Display display;
    private volatile MonitorProgress progress;

    protected TicketJob(String name, Display display) {
        super(name);
        this.display = display;
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
            return new Status(IStatus.WARNING, PLUGIN_ID, e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    private void ui(Runnable runnable) {
        if (!display.isDisposed()) {
            display.asyncExec(runnable);
        }
    }

    /** What the work reported last, or {@code null} before it started. */
    public MonitorProgress progress() {
        return progress;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == TicketsUi.JOB_FAMILY;
    }
}
