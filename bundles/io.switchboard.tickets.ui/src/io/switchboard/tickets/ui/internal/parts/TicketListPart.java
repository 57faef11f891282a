package io.switchboard.tickets.ui.internal.parts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.event.Event;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketQuery.Sort;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.ui.internal.Messages;
import io.switchboard.tickets.ui.internal.TicketEditors;
import io.switchboard.tickets.ui.internal.TicketSelection;
import io.switchboard.ui.forms.DateTexts;
import io.switchboard.ui.forms.FieldTexts;
import io.switchboard.ui.lists.FilterCombos;
import io.switchboard.ui.lists.ListTexts;
import io.switchboard.ui.lists.SearchableList;
import io.switchboard.ui.lists.ShowsSearchableList;
import io.switchboard.ui.paging.VirtualRows;

/**
 * Every ticket in one virtual table, as in the customer list (see {@link SearchableList}), newest change first,
 * narrowed by the search box (subject and message) and by status, category and assignee.
 */
public class TicketListPart implements ShowsSearchableList<TicketSummary, Sort, TicketQuery> {

    /** Active while the table has the focus, so Delete deletes tickets there but still edits the search text. */
    public static final String TABLE_CONTEXT = "io.switchboard.tickets.ui.context.list";

    private static final List<Sort> COLUMN_SORTS = Arrays.asList(Sort.SUBJECT, null, Sort.STATUS, Sort.PRIORITY, null,
            null, Sort.UPDATED);
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
    @Inject
    IEventBroker broker;

    private SearchableList<TicketSummary, Sort, TicketQuery> list;
    private Combo status;
    private Combo category;
    private Combo assignee;

    @PostConstruct
    void create(Composite parent) {
        ListTexts texts = new ListTexts(Messages.List_searchHint, Messages.List_loading, Messages.List_notSortable,
                Messages.List_failed, Messages.List_empty, Messages.List_oneTicket, Messages.List_tickets,
                Messages.List_noMatches, Messages.List_oneMatch, Messages.List_matches);
        TicketQuery newestFirst = TicketQuery.ALL.sortedBy(Sort.UPDATED, false).page(0, SearchableList.PAGE_SIZE);
        list = new SearchableList<>(parent, texts, 320, newestFirst,
                new SearchableList.Queries<>(TicketQuery::withText, TicketQuery::sortedBy, TicketListPart::isFiltered,
                        this::rows),
                "Ticket list loader", this::reload, 0);
        list.showFailuresWith(new SearchableList.FailureTexts(Messages.List_failedHint, Messages.List_retry,
                Messages.List_unavailable, Messages.List_recovered), this::status);

        status = FilterCombos.create(list.filters(), 150);
        List<String> statusItems = new ArrayList<>();
        statusItems.add(Messages.List_allStatuses);
        statusItems.add(Messages.List_activeStatuses);
        statusItems.addAll(Arrays.asList(Labels.STATUSES.texts()));
        status.setItems(statusItems.toArray(String[]::new));
        status.select(FILTER_ALL);
        status.addListener(SWT.Selection,
                e -> list.requery(query -> query.withStatuses(statuses(status.getSelectionIndex()))));

        category = FilterCombos.create(list.filters(), 190, Messages.List_allCategories);
        category.addListener(SWT.Selection,
                e -> list.requery(query -> query.withCategory(FilterCombos.selectedValue(category))));
        assignee = FilterCombos.create(list.filters(), 150, Messages.List_allAssignees);
        assignee.addListener(SWT.Selection,
                e -> list.requery(query -> query.withAssignee(FilterCombos.selectedValue(assignee))));

        String[] titles = { Messages.Column_subject, Messages.Column_customer, Messages.Column_status,
                Messages.Column_priority, Messages.Column_category, Messages.Column_assignee, Messages.Column_updated };
        int[] widths = { 340, 170, 90, 90, 190, 120, 140 };
        list.createTable(titles, widths, COLUMN_SORTS, 6, false,
                new SearchableList.Rows<>(TicketListPart::cells, this::publishSelection, this::open), contextService,
                TABLE_CONTEXT);
        loadFilters();
    }

    private static boolean isFiltered(TicketQuery query) {
        return query.text() != null || !query.statuses().isEmpty() || query.category() != null
                || query.assignee() != null;
    }

    private VirtualRows.Source<TicketSummary> rows(TicketQuery query) {
        return VirtualRows.Source.of(() -> repository.count(query),
                (offset, limit) -> repository.list(query.page(offset, limit)));
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

    private static String[] cells(TicketSummary ticket) {
        return new String[] { FieldTexts.orEmpty(ticket.subject()), FieldTexts.orEmpty(ticket.customerName()),
                Labels.STATUSES.text(ticket.status()), Labels.PRIORITIES.text(ticket.priority()),
                FieldTexts.orEmpty(ticket.category()), FieldTexts.orEmpty(ticket.assignee()),
                DateTexts.shortDateTime(ticket.updatedAt()) };
    }

    private void reload() {
        list.refresh();
        loadFilters();
    }

    private void loadFilters() {
        Display display = category.getDisplay();
        list.loader().execute(() -> {
            try {
                List<String> categories = repository.categories();
                List<String> assignees = repository.assignees();
                display.asyncExec(() -> {
                    FilterCombos.showChoices(category, Messages.List_allCategories, categories);
                    FilterCombos.showChoices(assignee, Messages.List_allAssignees, assignees);
                });
            } catch (RuntimeException e) {
                // the list itself reports a store that does not answer
            }
        });
    }

    private void publishSelection(List<TicketSummary> selected) {
        selectionService.setSelection(new TicketSelection(selected));
    }

    private void open(List<TicketSummary> selected) {
        for (TicketSummary ticket : selected) {
            TicketEditors.open(ticket.id(), ticket.subject(), partService, modelService, application);
        }
    }

    @Inject
    @Optional
    void ticketChanged(@UIEventTopic(SwitchboardTopics.TICKET_ALL) Event event) {
        if (list != null) {
            list.reloadSoon();
        }
    }

    private void status(SearchableList.StatusText text) {
        broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, text.text(),
                SwitchboardTopics.PROPERTY_STICKY, text.sticky()));
    }

    @Focus
    void focus() {
        list.focus();
    }

    @Override
    public SearchableList<TicketSummary, Sort, TicketQuery> list() {
        return list;
    }

    // For tests and commands.

    public Combo statusFilter() {
        return status;
    }

    public Combo categoryFilter() {
        return category;
    }

    public Combo assigneeFilter() {
        return assignee;
    }
}
