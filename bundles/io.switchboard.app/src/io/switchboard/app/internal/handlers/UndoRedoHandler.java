package io.switchboard.app.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

import io.switchboard.app.internal.addons.TextUndoAddon;

/** Edit &gt; Undo and Redo for the text field that has the focus (see {@link TextUndoAddon}). */
public abstract class UndoRedoHandler {

    static Control focus() {
        Display display = Display.getCurrent();
        return display == null ? null : display.getFocusControl();
    }

    public static class Undo extends UndoRedoHandler {
        @CanExecute
        boolean canExecute() {
            return TextUndoAddon.canUndo(focus());
        }

        @Execute
        void execute() {
            TextUndoAddon.undo(focus());
        }
    }

    public static class Redo extends UndoRedoHandler {
        @CanExecute
        boolean canExecute() {
            return TextUndoAddon.canRedo(focus());
        }

        @Execute
        void execute() {
            TextUndoAddon.redo(focus());
        }
    }
}
