package io.switchboard.app.testing;

import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Finding and using SWT controls in UI tests. */
public final class Widgets {

    private Widgets() {
    }

    /** The control and every control below it that is of the type, depth first, parents before children. */
    public static <T extends Control> Stream<T> all(Control control, Class<T> type) {
        Stream<T> own = type.isInstance(control) ? Stream.of(type.cast(control)) : Stream.empty();
        if (control instanceof Composite composite) {
            return Stream.concat(own, Stream.of(composite.getChildren()).flatMap(child -> all(child, type)));
        }
        return own;
    }

    /** The first control of the type in {@link #all}, or {@code null}. */
    public static <T extends Control> T find(Control control, Class<T> type) {
        return all(control, type).findFirst().orElse(null);
    }

    /** The texts of the labels in and below the control, depth first. */
    public static Stream<String> labelTexts(Control control) {
        return all(control, Label.class).map(Label::getText);
    }

    /** The first visible button whose text, mnemonic marks aside, is the label (which may have them too). */
    public static Button findButton(Control control, String label) {
        String wanted = label.replace("&", "");
        return all(control, Button.class).filter(b -> b.isVisible() && wanted.equals(b.getText().replace("&", "")))
                .findFirst().orElse(null);
    }

    /** Presses the button as a click would; fails when there is none or it is disabled. */
    public static void press(Shell shell, String label) {
        Button button = findButton(shell, label);
        if (button == null) {
            throw new AssertionError("no button " + label);
        }
        if (!button.isEnabled()) {
            throw new AssertionError(label + " is disabled");
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Lets the shell paint what the test just changed before a screenshot. */
    public static void settle(Shell shell) {
        long end = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < end) {
            if (!shell.getDisplay().readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
