package io.switchboard.ui.lists;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

/**
 * The drop-downs above a list that narrow it to one value (a country, a category): the first entry means all,
 * and the choices are the values the store has.
 */
public final class FilterCombos {

    private static final int VISIBLE_ITEMS = 20;

    private FilterCombos() {
    }

    public static Combo create(Composite parent, int width) {
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setVisibleItemCount(VISIBLE_ITEMS);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(width, SWT.DEFAULT).applyTo(combo);
        return combo;
    }

    /** A filter offering only {@code all} until the store's values are in. */
    public static Combo create(Composite parent, int width, String all) {
        Combo combo = create(parent, width);
        combo.setItems(all);
        combo.select(0);
        return combo;
    }

    /** The value filtered by, {@code null} for all. */
    public static String selectedValue(Combo combo) {
        return combo.getSelectionIndex() <= 0 ? null : combo.getText();
    }

    /**
     * Offers {@code values} after {@code all}, keeping the value selected even when the store has it no more, so
     * the filter never changes under the agent.
     */
    public static void showChoices(Combo combo, String all, List<String> values) {
        if (combo.isDisposed()) {
            return;
        }
        String selected = selectedValue(combo);
        List<String> items = new ArrayList<>();
        items.add(all);
        items.addAll(values);
        if (selected != null && !values.contains(selected)) {
            items.add(selected);
        }
        combo.setItems(items.toArray(String[]::new));
        combo.select(selected == null ? 0 : items.indexOf(selected));
    }
}
