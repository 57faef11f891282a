package io.switchboard.app.testing;

import java.util.Set;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Modal dialogs in UI tests. */
public final class Dialogs {

    /** What a test checks or does in an open dialog. */
    @FunctionalInterface
    public interface DialogCheck {
        void check(Shell shell, Object dialog) throws Exception;
    }

    private Dialogs() {
    }

    /**
     * Handles a modal dialog that the trigger opens, from a timer, since a modal dialog runs its own event loop:
     * directly from a command, or later from a job's result. The dialog is closed whatever the check finds.
     */
    public static void withDialog(RunningWorkbench w, Class<?> type, DialogCheck check, Runnable trigger) {
        Display display = w.shell().getDisplay();
        Set<Shell> before = Set.of(display.getShells());
        Throwable[] failure = new Throwable[1];
        boolean[] seen = new boolean[1];
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Shell shell = dialogShell(display, type, before);
            if (shell == null) {
                display.timerExec(100, poll[0]);
                return;
            }
            try {
                check.check(shell, shell.getData());
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                seen[0] = true;
                if (!shell.isDisposed()) {
                    ((Window) shell.getData()).close();
                }
            }
        };
        display.timerExec(300, poll[0]);
        try {
            trigger.run();
            w.waitUntil("a " + type.getSimpleName() + " opens", () -> seen[0]);
        } finally {
            display.timerExec(-1, poll[0]);
        }
        if (failure[0] != null) {
            throw new AssertionError("dialog check failed", failure[0]);
        }
    }

    /** The newest visible shell of a dialog of the type that was not open before the trigger ran. */
    private static Shell dialogShell(Display display, Class<?> type, Set<Shell> before) {
        Shell found = null;
        for (Shell shell : display.getShells()) {
            if (!before.contains(shell) && !shell.isDisposed() && shell.isVisible()
                    && type.isInstance(shell.getData())) {
                found = shell;
            }
        }
        return found;
    }
}
