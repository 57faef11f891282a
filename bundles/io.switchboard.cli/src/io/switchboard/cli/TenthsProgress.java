package io.switchboard.cli;

import java.io.PrintStream;

import io.switchboard.core.Progress;

/**
 * Progress for long computations (training, evaluation): a line {@code task: 30 %} on standard error at every
 * tenth of the work. Plain lines, not redrawn in place, so they read the same in a terminal and in a log.
 * Tasks without a known amount of work show nothing.
 */
public final class TenthsProgress implements Progress {

    private final PrintStream err;
    private String task;
    private long total;
    private long shown = -1;

    private TenthsProgress(PrintStream err) {
        this.err = err;
    }

    /** Progress printed on {@code err}, usually the command's {@link CommandContext#err()}. */
    public static Progress on(PrintStream err) {
        return new TenthsProgress(err);
    }

    @Override
    public void begin(String name, long totalWork) {
        task = name;
        total = totalWork;
        shown = -1;
    }

    @Override
    public void worked(long done) {
        if (total > 0) {
            long tenth = done * 10 / total;
            if (tenth != shown) {
                shown = tenth;
                err.println(task + ": " + tenth * 10 + " %");
            }
        }
    }

    @Override
    public boolean isCanceled() {
        // Ctrl-C ends the process; there is nothing to cancel politely.
        return false;
    }
}
