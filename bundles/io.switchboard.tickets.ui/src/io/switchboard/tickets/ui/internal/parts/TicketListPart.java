package io.switchboard.tickets.ui.internal.parts;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

import io.switchboard.app.forms.DateTexts;
import io.switchboard.app.paging.VirtualRows;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketQuery.Sort;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.ui.internal.Messages;
import io.switchboard.tickets.ui.internal.TicketEditors;
import io.switchboard.tickets.ui.internal.TicketSelection;

/**
 * Every ticket in one virtual table that asks for rows as they scroll into view; pages come from the store off
 * the UI thread and only a few are kept, as in the customer list. Filters (status, category, assignee), the
 * search box and the sort start a new generation of queries; answers of an older generation are dropped.
 */
public class TicketListPart {

    /** Active while the table has the focus, so Delete deletes tickets there but still edits the search text. */
    public static final String TABLE_CONTEXT = "io.switchboard.tickets.ui.context.list";

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 12;
    static final int SEARCH_DELAY_MS = 150;
    static final int EVENT_DELAY_MS = 300;

    private static final Sort[] COLUMN_SORTS = { Sort.SUBJECT, null, Sort.STATUS, Sort.PRIORITY, null, null,
            Sort.UPDATED };
    /** Status filter entries after "all statuses": the active ones together, then each status. */
    private static final int FILTER_ALL = 0;
    private static final int FILTER_ACTIVE = 1;

    @Inject
    TicketRepository repository;
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
        Thread thread = new Thread(r, "Ticket list loader");
        thread.setDaemon(true);
        return thread;
    });

    private Display display;
    private Text search;
    private Combo status;
    private Combo category;
    private Combo assignee;
    private Label matches;
    private Table table;
    private VirtualRows<TicketSummary> rows;

    private TicketQuery query = TicketQuery.ALL.sortedBy(Sort.UPDATED, false).page(0, PAGE_SIZE);
    private final Runnable searchNow = this::applySearch;
    private final Runnable refreshAfterChanges = () -> {
        refresh();
        loadFilters();
    };

    @PostConstruct
    void create(Composite parent) {
        display = parent.getDisplay();
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(10, 10).spacing(8, 8).applyTo(body);

        Composite filters = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).spacing(10, 0).applyTo(filters);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);

        search = new Text(filters, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage(Messages.List_searchHint);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(320, SWT.DEFAULT).applyTo(search);
        search.addListener(SWT.Modify, e -> {
            display.timerExec(-1, searchNow);
            display.timerExec(SEARCH_DELAY_MS, searchNow);
        });
        search.addListener(SWT.DefaultSelection, e -> {
            display.timerExec(-1, searchNow);
            applySearch();
        });
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

        status = combo(filters, 150);
        List<String> statusItems = new ArrayList<>();
        statusItems.add(Messages.List_allStatuses);
        statusItems.add(Messages.List_activeStatuses);
        statusItems.addAll(Arrays.asList(Labels.STATUSES.texts()));
        status.setItems(statusItems.toArray(String[]::new));
        status.select(FILTER_ALL);
        status.addListener(SWT.Selection, e -> {
            query = query.withStatuses(statuses(status.getSelectionIndex()));
            refresh();
        });

        category = combo(filters, 190);
        category.setItems(Messages.List_allCategories);
        category.select(0);
        category.addListener(SWT.Selection, e -> {
            query = query.withCategory(category.getSelectionIndex() <= 0 ? null : category.getText());
            refresh();
        });

        assignee = combo(filters, 150);
        assignee.setItems(Messages.List_allAssignees);
        assignee.select(0);
        assignee.addListener(SWT.Selection, e -> {
            query = query.withAssignee(assignee.getSelectionIndex() <= 0 ? null : assignee.getText());
            refresh();
        });

        matches = new Label(filters, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(matches);

        table = new Table(body, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        String[] titles = { Messages.Column_subject, Messages.Column_customer, Messages.Column_status,
                Messages.Column_priority, Messages.Column_category, Messages.Column_assignee, Messages.Column_updated };
        int[] widths = { 340, 170, 90, 90, 190, 120, 140 };
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
        table.setSortColumn(table.getColumn(6));
        table.setSortDirection(SWT.DOWN);

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
        loadFilters();
    }

    private static Combo combo(Composite parent, int width) {
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setVisibleItemCount(20);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(width, SWT.DEFAULT).applyTo(combo);
        return combo;
    }

    private static Set<TicketStatus> statuses(int index) {
        if (index == FILTER_ALL || index < 0) {
            return Set.of();
        }
        if (index == FILTER_ACTIVE) {
            Set<TicketStatus> active = EnumSet.noneOf(TicketStatus.class);
            for (TicketStatus s : Labels.STATUSES.values()) {
                if (s.isActive()) {
                    active.add(s);
                }
            }
            return active;
        }
        return EnumSet.of(Labels.STATUSES.values().get(index - 2));
    }

    private void fill(TableItem item, int row) {
        TicketSummary ticket = rows.fetch(row);
        if (ticket == null) {
            item.setText(0, Messages.List_loading);
            return;
        }
        item.setData(ticket);
        item.setText(new String[] { text(ticket.subject()), text(ticket.customerName()), Labels.STATUSES.text(ticket.status()),
                Labels.PRIORITIES.text(ticket.priority()), text(ticket.category()), text(ticket.assignee()),
                DateTexts.shortDateTime(ticket.updatedAt()) });
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private void applySearch() {
        if (search.isDisposed()) {
            return;
        }
        TicketQuery next = query.withText(search.getText());
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
        TicketQuery current = query;
        rows.refresh(new VirtualRows.Source<>() {
            @Override
            public long count() {
                return repository.count(current);
            }

            @Override
            public List<TicketSummary> page(int offset, int limit) {
                return repository.list(current.page(offset, limit));
            }
        });
    }

    private void showCount(long count) {
        matches.setToolTipText(null);
        matches.setText(matchesText(count));
        matches.getParent().layout(true);
        publishSelection();
    }

    private void showFailure(RuntimeException e) {
        matches.setText(NLS.bind(Messages.List_failed, e.getMessage()));
        matches.setToolTipText(e.toString());
        matches.getParent().layout();
    }

    private String matchesText(long count) {
        String number = NumberFormat.getIntegerInstance().format(count);
        boolean filtered = query.text() != null || !query.statuses().isEmpty() || query.category() != null
                || query.assignee() != null;
        if (count == 0) {
            return filtered ? Messages.List_noMatches : Messages.List_empty;
        }
        if (count == 1) {
            return filtered ? Messages.List_oneMatch : Messages.List_oneTicket;
        }
        return NLS.bind(filtered ? Messages.List_matches : Messages.List_tickets, number);
    }

    private void loadFilters() {
        loader.execute(() -> {
            try {
                List<String> categories = repository.categories();
                List<String> assignees = repository.assignees();
                display.asyncExec(() -> {
                    showChoices(category, Messages.List_allCategories, categories);
                    showChoices(assignee, Messages.List_allAssignees, assignees);
                });
            } catch (RuntimeException e) {
                // the list itself reports a store that does not answer
            }
        });
    }

    private static void showChoices(Combo combo, String all, List<String> values) {
        if (combo.isDisposed()) {
            return;
        }
        String selected = combo.getSelectionIndex() > 0 ? combo.getText() : null;
        List<String> items = new ArrayList<>();
        items.add(all);
        items.addAll(values);
        if (selected != null && !values.contains(selected)) {
            items.add(selected);
        }
        combo.setItems(items.toArray(String[]::new));
        combo.select(selected == null ? 0 : items.indexOf(selected));
    }

    private List<TicketSummary> selected() {
        return rows.selected();
    }

    private void publishSelection() {
        selectionService.setSelection(new TicketSelection(selected()));
    }

    private void openSelected() {
        for (TicketSummary ticket : selected()) {
            TicketEditors.open(ticket.id(), ticket.subject(), partService, modelService, application);
        }
    }

    @Inject
    @Optional
    void ticketChanged(@UIEventTopic(SwitchboardTopics.TICKET_ALL) Event event) {
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

    // For tests and commands.

    public Table table() {
        return table;
    }

    public Text searchBox() {
        return search;
    }

    public Combo statusFilter() {
        return status;
    }

    public Combo categoryFilter() {
        return category;
    }

    public Combo assigneeFilter() {
        return assignee;
    }

    public Label matchesLabel() {
        return matches;
    }

    public TicketQuery query() {
        return query;
    }

    /** True when what the table shows answers the current query. */
    public boolean isSettled() {
        return rows.isSettled();
    }

    public long matchCount() {
        return rows.count();
    }

    public TicketSummary row(int index) {
        return rows.loaded(index);
    }
}
