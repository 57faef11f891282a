package io.switchboard.app.internal.addons;

import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Text;

/**
 * Undo and redo for every text field of the workbench (Edit &gt; Undo, Ctrl+Z; Edit &gt; Redo, Ctrl+Y or
 * Ctrl+Shift+Z): each field keeps its own history of what the agent typed, so the forms need no code of their own.
 * One filter on the display sees every change: a Verify event tells the text before the change, the Modify after
 * it. Only changes made while the field has the focus count as the agent's; a form filling its fields from the
 * store is not something to undo.
 */
public class TextUndoAddon {

    private Listener filter;

    @PostConstruct
    void install() {
        Display display = Display.getCurrent();
        if (display == null) {
            return;
        }
        filter = this::handle;
        display.addFilter(SWT.Verify, filter);
        display.addFilter(SWT.Modify, filter);
    }

    @PreDestroy
    void uninstall() {
        Display display = Display.getCurrent();
        if (display != null && filter != null) {
            display.removeFilter(SWT.Verify, filter);
            display.removeFilter(SWT.Modify, filter);
        }
    }

    private void handle(Event event) {
        if (!(event.widget instanceof Control control) || !isText(control) || control.isDisposed()) {
            return;
        }
        History history = History.of(control, true);
        if (history.restoring) {
            return;
        }
        if (event.type == SWT.Verify) {
            history.before = control.isFocusControl() ? text(control) : null;
        } else if (history.before != null) {
            history.changed(history.before, text(control));
            history.before = null;
        }
    }

    static boolean isText(Control control) {
        return control instanceof Text text && (text.getStyle() & SWT.READ_ONLY) == 0 && text.getEditable()
                || control instanceof StyledText styled && styled.getEditable()
                || control instanceof Combo combo && (combo.getStyle() & SWT.READ_ONLY) == 0;
    }

    static String text(Control control) {
        if (control instanceof Text text) {
            return text.getText();
        }
        if (control instanceof StyledText styled) {
            return styled.getText();
        }
        return ((Combo) control).getText();
    }

    /** Whether the focused field has something to undo. */
    public static boolean canUndo(Control control) {
        History history = control == null || !isText(control) ? null : History.of(control, false);
        return history != null && !history.undo.isEmpty();
    }

    /** Whether the focused field has something to redo. */
    public static boolean canRedo(Control control) {
        History history = control == null || !isText(control) ? null : History.of(control, false);
        return history != null && !history.redo.isEmpty();
    }

    /** Takes back the field's last change; its Modify listeners run as for typing (the editor becomes dirty). */
    public static void undo(Control control) {
        History history = History.of(control, false);
        if (history != null && !history.undo.isEmpty()) {
            history.redo.push(text(control));
            history.restore(control, history.undo.pop());
        }
    }

    public static void redo(Control control) {
        History history = History.of(control, false);
        if (history != null && !history.redo.isEmpty()) {
            history.undo.push(text(control));
            history.restore(control, history.redo.pop());
        }
    }

    /** One field's history: the texts before each change, newest first. */
    static final class History {

        static final String KEY = History.class.getName();
        /** Typing within this time of the previous change is one step to undo, as a word typed is. */
        static final int COALESCE_MS = 700;
        static final int LIMIT = 200;

        final Deque<String> undo = new ArrayDeque<>();
        final Deque<String> redo = new ArrayDeque<>();
        String before;
        boolean restoring;
        private long lastChange;

        static History of(Control control, boolean create) {
            Object data = control.getData(KEY);
            if (data instanceof History history) {
                return history;
            }
            if (!create) {
                return null;
            }
            History history = new History();
            control.setData(KEY, history);
            return history;
        }

        void changed(String previous, String now) {
            if (previous.equals(now)) {
                return;
            }
            long time = System.currentTimeMillis();
            if (undo.isEmpty() || time - lastChange > COALESCE_MS) {
                undo.push(previous);
                if (undo.size() > LIMIT) {
                    undo.removeLast();
                }
            }
            lastChange = time;
            redo.clear();
        }

        void restore(Control control, String text) {
            restoring = true;
            try {
                if (control instanceof Text field) {
                    field.setText(text);
                    field.setSelection(text.length());
                } else if (control instanceof StyledText styled) {
                    styled.setText(text);
                    styled.setCaretOffset(text.length());
                } else if (control instanceof Combo combo) {
                    combo.setText(text);
                }
            } finally {
                restoring = false;
                // The next change starts a step of its own.
                lastChange = 0;
            }
        }
    }
}
