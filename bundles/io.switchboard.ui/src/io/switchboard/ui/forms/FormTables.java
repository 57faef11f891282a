package io.switchboard.ui.forms;

import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;

/** The tabs of an editor and the tables on them: a list of rows with a column per property. */
public final class FormTables {

    private FormTables() {
    }

    /** A new tab whose page lays its children out one under the other. */
    public static Composite page(CTabFolder folder, String title) {
        CTabItem item = new CTabItem(folder, SWT.NONE);
        item.setText(title);
        Composite page = new Composite(folder, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(page);
        item.setControl(page);
        return page;
    }

    /** A table of the rows of a list given as the viewer's input, taking at least the room hinted. */
    public static TableViewer table(Composite parent, int widthHint, int heightHint) {
        TableViewer viewer = new TableViewer(parent,
                SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(widthHint, heightHint).applyTo(viewer.getTable());
        return viewer;
    }

    /** A column showing {@code text} of each row; nothing where that is {@code null}. */
    public static TableViewerColumn column(TableViewer viewer, String header, int width,
            Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(header);
        column.getColumn().setWidth(width);
        column.setLabelProvider(cellTexts(text));
        return column;
    }

    /** Adds columns to a table whose rows are all {@code rowType}s. */
    public static <R> Columns<R> columns(TableViewer viewer, Class<R> rowType) {
        return (header, width, text) -> column(viewer, header, width, row -> text.apply(rowType.cast(row)));
    }

    /** @param <R> a row */
    public interface Columns<R> {
        /** A column showing {@code text} of each row; nothing where that is {@code null}. */
        TableViewerColumn add(String header, int width, Function<? super R, String> text);
    }

    /** Labels a column's cells, of a table or a tree, with {@code text} of each row; nothing where that is null. */
    public static ColumnLabelProvider cellTexts(Function<Object, String> text) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String value = text.apply(element);
                return value == null ? "" : value;
            }
        };
    }
}
