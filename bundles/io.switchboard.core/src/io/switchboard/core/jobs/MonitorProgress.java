package io.switchboard.core.jobs;

import org.eclipse.core.runtime.IProgressMonitor;

import io.switchboard.core.Progress;

/**
 * Core's {@link Progress} on top of a job's monitor. Services report totals, the monitor wants increments, and
 * a total of {@code -1} or beyond {@code int} range must still give a moving bar; the latest state is also kept
 * for the status bar's progress display, which reads it from the UI thread.
 *
 * <p>The one adapter for the workbench's jobs and the headless services' own jobs (the classifier's scheduled
 * retraining), so it lives in core beside {@link Progress}: {@link IProgressMonitor} comes from
 * {@code org.eclipse.equinox.common}, which has no UI and ships with the headless core feature anyway.
 */
public class MonitorProgress implements Progress {

    /** Monitor ticks for a known total; services count rows or bytes, which may exceed {@code int}. */
    private static final int TICKS = 1000;

    private final IProgressMonitor monitor;
    private volatile String task = "";
    private volatile long total = -1;
    private volatile long done;
    private int ticksReported;

    public MonitorProgress(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void begin(String newTask, long totalWork) {
        task = newTask == null ? "" : newTask;
        total = totalWork;
        done = 0;
        ticksReported = 0;
        monitor.beginTask(task, totalWork > 0 ? TICKS : IProgressMonitor.UNKNOWN);
    }

    @Override
    public void worked(long newDone) {
        done = newDone;
        if (total > 0) {
            int ticks = (int) Math.min(TICKS, newDone * TICKS / total);
            if (ticks > ticksReported) {
                monitor.worked(ticks - ticksReported);
                ticksReported = ticks;
            }
        } else {
            monitor.worked(1);
        }
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }

    public String task() {
        return task;
    }

    public long total() {
        return total;
    }

    public long done() {
        return done;
    }

    /** Share of the work done from 0 to 1, or {@code -1} while the total is unknown. */
    public double fraction() {
        long t = total;
        return t > 0 ? Math.min(1.0, (double) done / t) : -1;
    }
}
