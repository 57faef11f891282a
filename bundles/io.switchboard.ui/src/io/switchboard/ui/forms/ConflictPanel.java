package io.switchboard.ui.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

/**
 * What an editor shows when a save finds that someone else saved the record first, so that a save never
 * overwrites a colleague's change unseen: the fields that differ, the agent's version beside the stored one
 * (marking what the colleague changed), and the two ways out, taking the stored version or saving over it on
 * purpose. Hidden while there is no conflict.
 *
 * @param <T> the record the editor edits
 */
public final class ConflictPanel<T> {

    /** The panel's texts, from the editor's own messages. */
    public record Texts(String field, String yours, String stored, String changedByOthers, String reload,
            String reloadTooltip, String overwrite, String overwriteTooltip) {
    }

    /** One field that differs between the agent's version and the stored one. */
    public record Difference(String field, String loaded, String yours, String stored) {

        /** Someone else changed this field since the agent loaded the record. */
        public boolean changedByOthers() {
            return !Objects.equals(loaded, stored);
        }
    }

    private static final RGB BACKGROUND = new RGB(255, 248, 225);
    private static final int FIELD_WIDTH = 130;
    private static final int MESSAGE_WIDTH = 600;
    private static final int TABLE_HEIGHT = 120;

    private final Function<T, Map<String, String>> snapshot;
    private final Consumer<T> reload;
    private final Predicate<T> overwrite;
    private final Composite panel;
    private final Label message;
    private final TableViewer differences;
    /** Field by field as loaded, to tell what others changed from what the agent changed. */
    private Map<String, String> loaded = Map.of();
    private T stored;

    /**
     * @param valueWidth the width of the columns of the agent's and the stored values
     * @param snapshot a record field by field as the agent reads it, keyed by the field's caption
     * @param reload shows the stored version in the editor, dropping the agent's changes
     * @param overwrite saves the agent's version over the given stored one; answers whether that worked
     */
    public ConflictPanel(Composite parent, EditorForm form, Texts texts, int valueWidth,
            Function<T, Map<String, String>> snapshot, Consumer<T> reload, Predicate<T> overwrite) {
        this.snapshot = snapshot;
        this.reload = reload;
        this.overwrite = overwrite;
        panel = new Composite(parent, SWT.BORDER);
        panel.setBackground(form.color(BACKGROUND));
        panel.setBackgroundMode(SWT.INHERIT_FORCE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(12, 10).spacing(8, 8).applyTo(panel);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(panel);
        panel.setVisible(false);

        message = new Label(panel, SWT.WRAP);
        message.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(MESSAGE_WIDTH, SWT.DEFAULT).applyTo(message);

        differences = new TableViewer(panel, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        Table table = differences.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(MESSAGE_WIDTH, TABLE_HEIGHT).applyTo(table);
        differences.setContentProvider(ArrayContentProvider.getInstance());
        FormTables.Columns<Difference> columns = FormTables.columns(differences, Difference.class);
        columns.add(texts.field(), FIELD_WIDTH, Difference::field);
        columns.add(texts.yours(), valueWidth, Difference::yours);
        columns.add(texts.stored(), valueWidth,
                d -> d.changedByOthers() ? d.stored() + "   \u2190 " + texts.changedByOthers() : d.stored());

        Label spacer = new Label(panel, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(spacer);
        Button reloadButton = new Button(panel, SWT.PUSH);
        reloadButton.setText(texts.reload());
        reloadButton.setToolTipText(texts.reloadTooltip());
        reloadButton.addListener(SWT.Selection, e -> reloadStored());
        Button overwriteButton = new Button(panel, SWT.PUSH);
        overwriteButton.setText(texts.overwrite());
        overwriteButton.setToolTipText(texts.overwriteTooltip());
        overwriteButton.addListener(SWT.Selection, e -> overwrite());
    }

    /** The editor shows {@code record} as stored now: any conflict is over, and edits count from here. */
    public void loaded(T record) {
        loaded = snapshot.apply(record);
        stored = null;
        if (panel.getVisible()) {
            setShown(false);
        }
    }

    /** A save of {@code yours} found {@code storedNow} saved by someone else first. */
    public void show(T yours, T storedNow, String text) {
        stored = storedNow;
        differences.setInput(differences(loaded, snapshot.apply(yours), snapshot.apply(storedNow)));
        message.setText(text);
        setShown(true);
    }

    private void setShown(boolean shown) {
        panel.setVisible(shown);
        ((GridData) panel.getLayoutData()).exclude = !shown;
        panel.getParent().layout(true, true);
    }

    /** Fields whose value differs between the agent's version and the stored one. */
    static List<Difference> differences(Map<String, String> loaded, Map<String, String> yours,
            Map<String, String> stored) {
        List<Difference> differences = new ArrayList<>();
        for (String field : yours.keySet()) {
            String mine = yours.get(field);
            String theirs = stored.getOrDefault(field, "");
            if (!Objects.equals(mine, theirs)) {
                differences.add(new Difference(field, loaded.getOrDefault(field, ""), mine, theirs));
            }
        }
        return differences;
    }

    /** Drops the agent's changes for the stored version. */
    public void reloadStored() {
        if (stored != null) {
            reload.accept(stored);
        }
    }

    /** Saves the agent's version over the stored one, having seen what that replaces. */
    public boolean overwrite() {
        if (stored == null) {
            return false;
        }
        T replaced = stored;
        stored = null;
        return overwrite.test(replaced);
    }

    public boolean hasConflict() {
        return stored != null;
    }

    public Control control() {
        return panel;
    }

    public Table table() {
        return differences.getTable();
    }
}
