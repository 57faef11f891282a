package io.switchboard.ui.lists;

import org.eclipse.swt.widgets.Display;

/**
 * Runs an action on the UI thread once a burst of triggers is over: each trigger puts the run off again, so
 * typing a word or an import announcing every row costs one run, not one per key or row.
 */
public final class Debounce {

    private final Display display;
    private final Runnable action;

    public Debounce(Display display, Runnable action) {
        this.display = display;
        this.action = action;
    }

    /** Runs the action {@code delayMs} from now, unless triggered again before. */
    public void trigger(int delayMs) {
        if (!display.isDisposed()) {
            display.timerExec(delayMs, action);
        }
    }

    /** Runs the action now instead of when it is due. */
    public void runNow() {
        display.timerExec(-1, action);
        action.run();
    }
}
