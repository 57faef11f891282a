package io.switchboard.ui.lists;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.switchboard.ui.paging.VirtualRows;

/**
 * A list part's frame, the same for customers and tickets: a search box that searches as the agent types, the
 * part's own filters beside it, the count of matches, and a virtual table that stays quick with a million rows
 * ({@link VirtualRows}). The list keeps the part's current query; the part says how a search, a sort and the store
 * answer it, and changes it for its filters with {@link #requery}.
 *
 * <p>
 * Built in two steps, because the part's filters sit between the search box and the count: the constructor makes
 * the search box, the part adds its filters to {@link #filters()}, then {@link #createTable} makes the rest.
 *
 * @param <T> a row
 * @param <S> how the store sorts
 * @param <Q> the query
 */
public final class SearchableList<T, S, Q> {

    /** How the part's query answers the search box, the column headers and the store. */
    public record Queries<Q, S, T>(BiFunction<Q, String, Q> withText, Sorting<Q, S> sortedBy,
            Predicate<Q> isFiltered, Function<Q, VirtualRows.Source<T>> rows) {
    }

    /** The query sorted by a column, which the agent clicked. */
    public interface Sorting<Q, S> {
        Q sortedBy(Q query, S sort, boolean ascending);
    }

    /** What the rows mean to the part. */
    public record Rows<T>(Function<T, String[]> cells, Consumer<List<T>> selected, Consumer<List<T>> open) {
    }

    /**
     * What the list says when the store does not answer (say, another Switchboard process holds the data folder),
     * in the part's words: {@code hint} what the agent can do, {@code retry} the button that asks again,
     * {@code unavailable} the status line while it lasts, {@code recovered} the status line once it answers again.
     */
    public record FailureTexts(String hint, String retry, String unavailable, String recovered) {
    }

    /** How many rows the store answers at once. */
    public static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 12;
    static final int SEARCH_DELAY_MS = 150;
    /** Imports announce every row; one refresh per burst is enough. */
    static final int CHANGES_DELAY_MS = 300;
    static final int RETRY_DELAY_MS = 1000;
    private static final int SPACING = 10;

    private final ListTexts texts;
    private final Queries<Q, S, T> queries;
    private final Display display;
    private final ExecutorService loader;
    private final Composite body;
    private final Composite filters;
    private final Text search;
    private final Debounce searchSoon;
    private final Debounce reloadSoon;
    private final int maxRetries;
    private Label matches;
    private Table table;
    private VirtualRows<T> rows;
    private Rows<T> meaning;
    private Q query;
    private int retries;
    private Composite failurePanel;
    private Label failureMessage;
    private Button retryButton;
    private FailureTexts failureTexts;
    private Consumer<StatusText> status;
    private boolean failing;

    /** A message for the workbench's status line; {@code sticky} while the state lasts. */
    public record StatusText(String text, boolean sticky) {
    }

    /**
     * @param loaderName the name of the thread that asks the store
     * @param reload runs the query again and reloads what the filters offer: the store changed, or failed
     * @param maxRetries how often a failed answer is asked for again a second later, 0 for never
     */
    public SearchableList(Composite parent, ListTexts texts, int searchWidth, Q query, Queries<Q, S, T> queries,
            String loaderName, Runnable reload, int maxRetries) {
        this.texts = texts;
        this.queries = queries;
        this.query = query;
        this.maxRetries = maxRetries;
        display = parent.getDisplay();
        loader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, loaderName);
            thread.setDaemon(true);
            return thread;
        });
        searchSoon = new Debounce(display, this::applySearch);
        reloadSoon = new Debounce(display, reload);

        body = new Composite(parent, SWT.NONE);
        body.addListener(SWT.Dispose, e -> loader.shutdownNow());
        GridLayoutFactory.fillDefaults().margins(10, 10).spacing(8, 8).applyTo(body);
        filters = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);

        search = new Text(filters, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage(texts.searchHint());
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(searchWidth, SWT.DEFAULT).applyTo(search);
        search.addListener(SWT.Modify, e -> searchSoon.trigger(SEARCH_DELAY_MS));
        search.addListener(SWT.DefaultSelection, e -> searchSoon.runNow());
        // Down from the search box goes to the results, as in a mail client.
        search.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN && table.getItemCount() > 0) {
                table.setFocus();
                if (table.getSelectionCount() == 0) {
                    table.select(0);
                    publishSelection();
                }
                e.doit = false;
            }
        });
    }

    /** Where the part puts its filters, after the search box. */
    public Composite filters() {
        return filters;
    }

    /**
     * Makes the count and the table, and shows the first answer.
     *
     * @param sorts for each column, how the store sorts by it; {@code null} where it cannot
     * @param sortColumn the column the initial query sorts by
     * @param tableContext the context active while the table has the focus
     */
    public void createTable(String[] titles, int[] widths, List<S> sorts, int sortColumn, boolean ascending,
            Rows<T> rowMeaning, EContextService contextService, String tableContext) {
        meaning = rowMeaning;
        GridLayoutFactory.fillDefaults().numColumns(filters.getChildren().length + 1).spacing(SPACING, 0)
                .applyTo(filters);
        matches = new Label(filters, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(matches);
        createFailurePanel();

        table = new Table(body, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
            column.setMoveable(true);
            S sort = sorts.get(i);
            if (sort != null) {
                column.addListener(SWT.Selection, e -> sortBy(column, sort));
            } else {
                column.setToolTipText(texts.notSortable());
            }
        }
        table.setSortColumn(table.getColumn(sortColumn));
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);

        rows = new VirtualRows<>(table, loader, PAGE_SIZE, MAX_PAGES, new VirtualRows.Listener() {
            @Override
            public void shown(long count) {
                showCount(count);
            }

            @Override
            public void failed(RuntimeException e) {
                showFailure(e);
            }
        });
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
        table.addListener(SWT.Selection, e -> publishSelection());
        // Double-click and Enter both arrive as default selection.
        table.addListener(SWT.DefaultSelection, e -> meaning.open().accept(rows.selected()));
        table.addListener(SWT.FocusIn, e -> contextService.activateContext(tableContext));
        table.addListener(SWT.FocusOut, e -> contextService.deactivateContext(tableContext));
        refresh();
    }

    private void fill(TableItem item, int row) {
        T value = rows.fetch(row);
        if (value == null) {
            item.setText(0, texts.loading());
            return;
        }
        item.setData(value);
        item.setText(meaning.cells().apply(value));
    }

    private void applySearch() {
        if (search.isDisposed()) {
            return;
        }
        Q next = queries.withText().apply(query, search.getText());
        if (!next.equals(query) || !rows.showsLatest()) {
            query = next;
            refresh();
        }
    }

    private void sortBy(TableColumn column, S sort) {
        boolean ascending = table.getSortColumn() != column || table.getSortDirection() != SWT.UP;
        table.setSortColumn(column);
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        query = queries.sortedBy().sortedBy(query, sort, ascending);
        refresh();
    }

    /** Changes the query (a filter changed) and shows its answer. */
    public void requery(UnaryOperator<Q> change) {
        query = change.apply(query);
        refresh();
    }

    /** Starts a new generation: counts the matches and loads the first page off the UI thread. */
    public void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        rows.refresh(queries.rows().apply(query));
    }

    /** The store changed: shows it once the burst of changes is over. */
    public void reloadSoon() {
        if (table != null && !table.isDisposed()) {
            reloadSoon.trigger(CHANGES_DELAY_MS);
        }
    }

    private void showCount(long count) {
        retries = 0;
        hideFailurePanel();
        if (failing) {
            failing = false;
            status.accept(new StatusText(failureTexts.recovered(), false));
        }
        matches.setToolTipText(null);
        matches.setText(texts.count(count, queries.isFiltered().test(query)));
        // GTK keeps a label's allocation from its old text while its bounds stay the same (the count was cut off).
        matches.setSize(0, matches.getSize().y);
        matches.getParent().layout();
        publishSelection();
    }

    /**
     * Shows a store that does not answer in a panel above the table, wrapped, with what to do and a Retry button,
     * and in the status line, instead of a line squeezed beside the filters.
     */
    public void showFailuresWith(FailureTexts failureTexts, Consumer<StatusText> status) {
        this.failureTexts = failureTexts;
        this.status = status;
    }

    private void createFailurePanel() {
        failurePanel = new Composite(body, SWT.BORDER);
        GridLayoutFactory.swtDefaults().margins(12, 10).spacing(8, 8).applyTo(failurePanel);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(failurePanel);
        failurePanel.setVisible(false);
        failureMessage = new Label(failurePanel, SWT.WRAP);
        // A width hint, so the label wraps to the part's width instead of asking for one long line.
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(failureMessage);
        failurePanel.addListener(SWT.Resize, e -> {
            // Wrap at the panel's own width, however wide the part is.
            int width = failurePanel.getClientArea().width - 24;
            GridData data = (GridData) failureMessage.getLayoutData();
            if (width > 0 && data.widthHint != width) {
                data.widthHint = width;
                body.layout(true, true);
            }
        });
        retryButton = new Button(failurePanel, SWT.PUSH);
        retryButton.addListener(SWT.Selection, e -> {
            retries = 0;
            reloadSoon.runNow();
        });
    }

    private void showFailurePanel(String message) {
        failureMessage.setText(message + "\n\n" + failureTexts.hint());
        retryButton.setText(failureTexts.retry());
        ((GridData) failurePanel.getLayoutData()).exclude = false;
        failurePanel.setVisible(true);
        body.layout(true, true);
    }

    private void hideFailurePanel() {
        if (failurePanel != null && failurePanel.isVisible()) {
            ((GridData) failurePanel.getLayoutData()).exclude = true;
            failurePanel.setVisible(false);
            body.layout(true, true);
        }
    }

    private void showFailure(RuntimeException e) {
        if (failureTexts != null) {
            matches.setText("");
            matches.setToolTipText(null);
            showFailurePanel(NLS.bind(texts.failed(), e.getMessage()));
            if (!failing) {
                status.accept(new StatusText(failureTexts.unavailable(), true));
            }
            failing = true;
        } else {
            matches.setText(NLS.bind(texts.failed(), e.getMessage()));
            matches.setToolTipText(e.toString());
        }
        matches.getParent().layout();
        // A store busy with an import or a merge may fail a read now and answer a moment later.
        if (retries++ < maxRetries) {
            reloadSoon.trigger(RETRY_DELAY_MS);
        }
    }

    private void publishSelection() {
        meaning.selected().accept(rows.selected());
    }

    /** The rows selected whose pages are loaded, in table order. */
    public List<T> selected() {
        return rows.selected();
    }

    /** Runs store work off the UI thread, on the thread that loads the rows. */
    public Executor loader() {
        return loader;
    }

    public void focus() {
        if (table.getItemCount() > 0) {
            table.setFocus();
        } else {
            search.setFocus();
        }
    }

    public Table table() {
        return table;
    }

    public Text searchBox() {
        return search;
    }

    public Label matchesLabel() {
        return matches;
    }

    /** The panel that says the store does not answer; hidden while it does. */
    public Composite failurePanel() {
        return failurePanel;
    }

    public Label failureMessage() {
        return failureMessage;
    }

    public Q query() {
        return query;
    }

    /** The rows behind the table, for what tests and commands ask of them. */
    public VirtualRows<T> rows() {
        return rows;
    }
}
