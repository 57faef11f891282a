package io.switchboard.ui.forms;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The top of an editor: what it edits in large type, a line about its state below, the editor's buttons on the
 * right, and under all of them, only while there is one, why the last save did not work.
 */
public final class EditorHeader {

    /** A button on the right of the header; {@code widthHint} may be {@code SWT.DEFAULT}. */
    public record Action(String text, String tooltip, int widthHint, Runnable run) {
    }

    private static final int TITLE_HEIGHT = 16;

    private final Composite header;
    private final Label title;
    private final Label subtitle;
    private final Label problem;
    private final List<Button> buttons = new ArrayList<>();

    public EditorHeader(Composite parent, EditorForm form, Action... actions) {
        int columns = 1 + actions.length;
        header = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(columns).spacing(12, 2).applyTo(header);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(header);

        title = new Label(header, SWT.NONE);
        title.setFont(form.resources()
                .create(FontDescriptor.createFrom(JFaceResources.getHeaderFont()).setHeight(TITLE_HEIGHT)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);

        for (Action action : actions) {
            Button button = new Button(header, SWT.PUSH);
            button.setText(action.text());
            button.setToolTipText(action.tooltip());
            GridDataFactory.fillDefaults().span(1, 2).align(SWT.END, SWT.CENTER).hint(action.widthHint(), SWT.DEFAULT)
                    .applyTo(button);
            button.addListener(SWT.Selection, e -> action.run().run());
            buttons.add(button);
        }

        subtitle = new Label(header, SWT.NONE);
        subtitle.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(subtitle);

        problem = new Label(header, SWT.WRAP);
        problem.setForeground(form.errorColor());
        GridDataFactory.fillDefaults().span(columns, 1).grab(true, false).exclude(true).applyTo(problem);
        problem.setVisible(false);
    }

    /** The button made for the {@code index}th action. */
    public Button button(int index) {
        return buttons.get(index);
    }

    public void show(String titleText, String subtitleText) {
        title.setText(titleText);
        subtitle.setText(subtitleText);
        header.layout(true);
    }

    /** Shows why the last save did not work, or with {@code null} takes that away again. */
    public void showProblem(String message) {
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
        ((GridData) problem.getLayoutData()).exclude = message == null;
        header.getParent().layout(true, true);
    }
}
