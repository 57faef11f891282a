package io.switchboard.app.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;

/**
 * Cut, copy, paste and select-all for whichever text field has the focus, so the Edit menu and its keys work in
 * every form without each part writing its own handlers.
 */
public abstract class TextEditHandler {

    @CanExecute
    boolean canExecute() {
        Control focus = Display.getCurrent().getFocusControl();
        return focus instanceof Text || focus instanceof StyledText || focus instanceof Combo;
    }

    @Execute
    void execute() {
        Control focus = Display.getCurrent().getFocusControl();
        if (focus instanceof Text text) {
            apply(text);
        } else if (focus instanceof StyledText styled) {
            apply(styled);
        } else if (focus instanceof Combo combo) {
            apply(combo);
        }
    }

    abstract void apply(Text text);

    abstract void apply(StyledText text);

    abstract void apply(Combo combo);

    public static class Cut extends TextEditHandler {
        @Override void apply(Text text) { text.cut(); }
        @Override void apply(StyledText text) { text.cut(); }
        @Override void apply(Combo combo) { combo.cut(); }
    }

    public static class Copy extends TextEditHandler {
        @Override void apply(Text text) { text.copy(); }
        @Override void apply(StyledText text) { text.copy(); }
        @Override void apply(Combo combo) { combo.copy(); }
    }

    public static class Paste extends TextEditHandler {
        @Override void apply(Text text) { text.paste(); }
        @Override void apply(StyledText text) { text.paste(); }
        @Override void apply(Combo combo) { combo.paste(); }
    }

    public static class SelectAll extends TextEditHandler {
        @Override void apply(Text text) { text.selectAll(); }
        @Override void apply(StyledText text) { text.selectAll(); }
        @Override void apply(Combo combo) { combo.setSelection(new Point(0, combo.getText().length())); }
    }
}
