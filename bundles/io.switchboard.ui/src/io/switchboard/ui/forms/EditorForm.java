package io.switchboard.ui.forms;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The pieces an editor's form is built from, so that the customer and the ticket editor look and behave alike:
 * the form is a grid of three columns, a caption, the field, and a message column where the field's problem
 * shows. Every field reports an edit to the editor, which marks itself dirty and checks the form.
 */
public final class EditorForm {

    private static final RGB ERROR = new RGB(196, 30, 30);
    private static final int FIELD_WIDTH = 220;

    /** Freed with the editor's composite. */
    private final LocalResourceManager resources;
    private final int messageWidth;
    private final Runnable edited;

    /**
     * @param messageWidth how wide the column of problems next to the fields is
     * @param edited what an edit of any field does
     */
    public EditorForm(Composite parent, int messageWidth, Runnable edited) {
        this.resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        this.messageWidth = messageWidth;
        this.edited = edited;
    }

    public ResourceManager resources() {
        return resources;
    }

    public Color color(RGB rgb) {
        return resources.create(ColorDescriptor.createFrom(rgb));
    }

    public Color errorColor() {
        return color(ERROR);
    }

    /** A heading over the three columns. */
    public void section(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 2).applyTo(label);
    }

    public void caption(Composite parent, String text) {
        Label caption = new Label(parent, SWT.NONE);
        caption.setText(text);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(caption);
    }

    /** Lays out a field in the middle column, taking the room the form has. */
    public void fieldCell(Control field) {
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(FIELD_WIDTH, SWT.DEFAULT)
                .applyTo(field);
    }

    /** A caption and a bordered text field. */
    public Text text(Composite parent, String label, int style) {
        caption(parent, label);
        Text text = new Text(parent, SWT.BORDER | style);
        fieldCell(text);
        text.addListener(SWT.Modify, e -> edited.run());
        return text;
    }

    /** A caption and a read-only combo offering {@code items}. */
    public Combo choice(Composite parent, String label, String[] items) {
        caption(parent, label);
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setItems(items);
        fieldCell(combo);
        combo.addListener(SWT.Selection, e -> edited.run());
        return combo;
    }

    /** The message column's label for a field's problem; see {@link #showProblem}. */
    public Label problemLabel(Composite parent) {
        Label label = new Label(parent, SWT.NONE);
        label.setForeground(errorColor());
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(messageWidth, SWT.DEFAULT).applyTo(label);
        return label;
    }

    /** Fills the message column of a field that has no checks. */
    public void spacer(Composite parent) {
        GridDataFactory.fillDefaults().hint(messageWidth, SWT.DEFAULT).applyTo(new Label(parent, SWT.NONE));
    }

    /**
     * Shows a field's problem, or clears it, and collects it: the form may be saved only when none was collected.
     */
    public static void showProblem(Label label, String problem, List<String> problems) {
        label.setText(problem == null ? "" : problem);
        label.setToolTipText(problem);
        if (problem != null) {
            problems.add(problem);
        }
    }
}
