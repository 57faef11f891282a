package io.switchboard.customers.ui.internal.parts;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;

import io.switchboard.app.paging.VirtualRows;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerQuery.Sort;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.ui.internal.CustomerEditors;
import io.switchboard.customers.ui.internal.CustomerSelection;
import io.switchboard.customers.ui.internal.Messages;

/**
 * Every customer in one table that stays quick with a million of them: the table is virtual and asks for rows
 * as they scroll into view, pages come from the store off the UI thread, and only a few pages are kept.
 * Searching and filtering start a new generation of queries; answers of an older generation are dropped, so
 * a slow answer to "ma" never overwrites the answer to "mar".
 */
public class CustomerListPart {

    /** Active while the table has the focus, so Delete deletes customers there but still edits the search text. */
    public static final String TABLE_CONTEXT = "io.switchboard.customers.ui.context.list";

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 12;
    static final int SEARCH_DELAY_MS = 150;
    /** Imports announce every row; one refresh per burst is enough. */
    static final int EVENT_DELAY_MS = 300;
    static final int RETRY_DELAY_MS = 1000;
    static final int MAX_RETRIES = 3;

    private static final Sort[] COLUMN_SORTS = { Sort.NAME, Sort.COMPANY, null, null, Sort.COUNTRY, Sort.CITY,
            Sort.UPDATED };
    private static final DateTimeFormatter UPDATED_FORMAT = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    @Inject
    CustomerRepository repository;
    @Inject
    ESelectionService selectionService;
    @Inject
    EContextService contextService;
    @Inject
    EPartService partService;
    @Inject
    EModelService modelService;
    @Inject
    MApplication application;

    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "Customer list loader");
        thread.setDaemon(true);
        return thread;
    });

    private Display display;
    private Text search;
    private Combo country;
    private Label matches;
    private JobProgressControl progress;
    private Table table;
    private VirtualRows<CustomerSummary> rows;

    private CustomerQuery query = CustomerQuery.ALL.page(0, PAGE_SIZE);
    private int retries;
    private final Runnable searchNow = this::applySearch;
    private final Runnable refreshAfterChanges = () -> {
        refresh();
        loadCountries();
    };

    @PostConstruct
    void create(Composite parent) {
        display = parent.getDisplay();
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(10, 10).spacing(8, 8).applyTo(body);

        Composite filters = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(10, 0).applyTo(filters);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);

        search = new Text(filters, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage(Messages.List_searchHint);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(360, SWT.DEFAULT).applyTo(search);
        search.addListener(SWT.Modify, e -> {
            display.timerExec(-1, searchNow);
            display.timerExec(SEARCH_DELAY_MS, searchNow);
        });
        search.addListener(SWT.DefaultSelection, e -> {
            display.timerExec(-1, searchNow);
            applySearch();
        });
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

        country = new Combo(filters, SWT.READ_ONLY | SWT.DROP_DOWN);
        country.setItems(Messages.List_allCountries);
        country.select(0);
        country.setVisibleItemCount(20);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(200, SWT.DEFAULT).applyTo(country);
        country.addListener(SWT.Selection, e -> {
            query = query.withCountry(country.getSelectionIndex() <= 0 ? null : country.getText());
            refresh();
        });

        progress = new JobProgressControl(filters);

        matches = new Label(filters, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(matches);

        table = new Table(body, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        String[] titles = { Messages.Column_name, Messages.Column_company, Messages.Column_email,
                Messages.Column_phone, Messages.Column_country, Messages.Column_city, Messages.Column_updated };
        int[] widths = { 200, 190, 250, 150, 120, 130, 140 };
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
            column.setMoveable(true);
            Sort sort = COLUMN_SORTS[i];
            if (sort != null) {
                column.addListener(SWT.Selection, e -> sortBy(column, sort));
            } else {
                column.setToolTipText(Messages.List_notSortable);
            }
        }
        table.setSortColumn(table.getColumn(0));
        table.setSortDirection(SWT.UP);

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
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        table.addListener(SWT.FocusIn, e -> contextService.activateContext(TABLE_CONTEXT));
        table.addListener(SWT.FocusOut, e -> contextService.deactivateContext(TABLE_CONTEXT));

        refresh();
        loadCountries();
    }

    private void fill(TableItem item, int row) {
        CustomerSummary customer = rows.fetch(row);
        if (customer == null) {
            item.setText(0, Messages.List_loading);
            return;
        }
        item.setData(customer);
        item.setText(new String[] { text(customer.name()), text(customer.company()), text(customer.email()),
                text(customer.phone()), text(customer.country()), text(customer.city()),
                customer.updatedAt() == null ? "" : UPDATED_FORMAT.format(customer.updatedAt()) });
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private void applySearch() {
        if (search.isDisposed()) {
            return;
        }
        CustomerQuery next = query.withText(search.getText());
        if (!next.equals(query) || !rows.showsLatest()) {
            query = next;
            refresh();
        }
    }

    private void sortBy(TableColumn column, Sort sort) {
        boolean ascending = table.getSortColumn() != column || table.getSortDirection() != SWT.UP;
        table.setSortColumn(column);
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        query = query.sortedBy(sort, ascending);
        refresh();
    }

    /** Starts a new generation: counts the matches and loads the first page off the UI thread. */
    public void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        CustomerQuery current = query;
        rows.refresh(new VirtualRows.Source<>() {
            @Override
            public long count() {
                return repository.count(current);
            }

            @Override
            public List<CustomerSummary> page(int offset, int limit) {
                return repository.list(current.page(offset, limit));
            }
        });
    }

    private void showCount(long count) {
        retries = 0;
        matches.setToolTipText(null);
        matches.setText(matchesText(count));
        matches.getParent().layout();
        publishSelection();
    }

    private void showFailure(RuntimeException e) {
        matches.setText(NLS.bind(Messages.List_failed, e.getMessage()));
        matches.setToolTipText(e.toString());
        matches.getParent().layout();
        // A store busy with an import or a merge may fail a read now and answer a moment later.
        if (retries++ < MAX_RETRIES) {
            display.timerExec(RETRY_DELAY_MS, refreshAfterChanges);
        }
    }

    private String matchesText(long count) {
        String number = NumberFormat.getIntegerInstance().format(count);
        boolean filtered = query.text() != null || query.country() != null;
        if (count == 0) {
            return filtered ? Messages.List_noMatches : Messages.List_empty;
        }
        if (count == 1) {
            return filtered ? Messages.List_oneMatch : Messages.List_oneCustomer;
        }
        return NLS.bind(filtered ? Messages.List_matches : Messages.List_customers, number);
    }

    private void loadCountries() {
        loader.execute(() -> {
            List<String> countries = repository.countries();
            display.asyncExec(() -> showCountries(countries));
        });
    }

    private void showCountries(List<String> countries) {
        if (country.isDisposed()) {
            return;
        }
        String selected = country.getSelectionIndex() > 0 ? country.getText() : null;
        List<String> items = new ArrayList<>();
        items.add(Messages.List_allCountries);
        items.addAll(countries);
        if (selected != null && !countries.contains(selected)) {
            items.add(selected);
        }
        country.setItems(items.toArray(String[]::new));
        country.select(selected == null ? 0 : items.indexOf(selected));
    }

    private List<CustomerSummary> selected() {
        return rows.selected();
    }

    private void publishSelection() {
        selectionService.setSelection(new CustomerSelection(selected()));
    }

    private void openSelected() {
        for (CustomerSummary customer : selected()) {
            CustomerEditors.open(customer.id(), customer.name(), partService, modelService, application);
        }
    }

    @Inject
    @Optional
    void customerChanged(@UIEventTopic(SwitchboardTopics.CUSTOMER_ALL) Event event) {
        if (table == null || table.isDisposed()) {
            return;
        }
        display.timerExec(-1, refreshAfterChanges);
        display.timerExec(EVENT_DELAY_MS, refreshAfterChanges);
    }

    @Focus
    void focus() {
        if (table.getItemCount() > 0) {
            table.setFocus();
        } else {
            search.setFocus();
        }
    }

    @PreDestroy
    void dispose() {
        loader.shutdownNow();
    }

    // For tests and for commands that act on what the list shows.

    public Table table() {
        return table;
    }

    public Text searchBox() {
        return search;
    }

    public Combo countryFilter() {
        return country;
    }

    public Label matchesLabel() {
        return matches;
    }

    public JobProgressControl progressControl() {
        return progress;
    }

    /** What the progress above the list shows: empty while no import, export or scan runs. */
    public String progressText() {
        return progress.text();
    }

    public CustomerQuery query() {
        return query;
    }

    /** True when what the table shows answers the current query. */
    public boolean isSettled() {
        return rows.isSettled();
    }

    public long matchCount() {
        return rows.count();
    }

    /** The customer on a row if its page is loaded. */
    public CustomerSummary row(int index) {
        return rows.loaded(index);
    }

    public int cachedPages() {
        return rows.cachedPages();
    }
}
