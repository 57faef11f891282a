package io.switchboard.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import io.switchboard.core.Progress;

/**
 * The command line's progress for long work (imports, exports, training): one line on standard error, redrawn in
 * place, and only when a person is watching a terminal. Standard output must stay clean for scripts, and
 * standard error for scripts and tests that read it, and a log file should not fill with carriage returns.
 * Messages (rejected rows) go through {@link #message} so they do not end up glued to a half-drawn progress line;
 * {@link #clear} removes the line before the result is printed.
 */
public final class TerminalProgress implements Progress {

    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final PrintStream err;
    private final boolean visible;
    private String task = "";
    private long total = -1;
    private long lastDraw;
    private int drawnWidth;

    private TerminalProgress(PrintStream err, boolean visible) {
        this.err = err;
        this.visible = visible;
    }

    /**
     * Visible only when the process has a terminal and the command writes to the process's own standard error
     * (in tests and embedded runs it writes elsewhere, and must stay quiet and deterministic).
     */
    public static TerminalProgress of(CommandContext context) {
        return on(context.err(), System.console() != null && context.err() == System.err);
    }

    /** Progress on {@code err}, drawn only when {@code terminal}. */
    public static TerminalProgress on(PrintStream err, boolean terminal) {
        return new TerminalProgress(err, terminal);
    }

    @Override
    public void begin(String taskName, long totalWork) {
        task = taskName == null ? "" : taskName;
        total = totalWork;
        lastDraw = 0;
    }

    @Override
    public void worked(long done) {
        if (!visible) {
            return;
        }
        long now = System.nanoTime();
        if (lastDraw != 0 && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = total > 0 ? task + ": " + Math.min(100, done * 100 / total) + "%" : task + ": " + done;
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = line.length();
    }

    @Override
    public boolean isCanceled() {
        // Ctrl-C ends the process; the services leave whole rows behind, so there is nothing to cancel politely.
        return false;
    }

    /** Prints a line of its own on standard error. */
    public void message(String line) {
        clear();
        err.println(line);
    }

    /** Removes the progress line, e.g. before the result is printed. */
    public void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
            lastDraw = 0;
        }
    }
}
