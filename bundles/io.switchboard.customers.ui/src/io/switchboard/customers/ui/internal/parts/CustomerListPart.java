package io.switchboard.customers.ui.internal.parts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerQuery.Sort;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.ui.internal.CustomerEditors;
import io.switchboard.customers.ui.internal.CustomerSelection;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.ui.forms.DateTexts;
import io.switchboard.ui.forms.FieldTexts;
import io.switchboard.ui.lists.FilterCombos;
import io.switchboard.ui.lists.ListTexts;
import io.switchboard.ui.lists.SearchableList;
import io.switchboard.ui.lists.ShowsSearchableList;
import io.switchboard.ui.paging.VirtualRows;

/**
 * Every customer in one table that stays quick with a million of them (see {@link SearchableList}), narrowed by
 * the search box and a country, with the progress of imports and exports above it.
 */
public class CustomerListPart implements ShowsSearchableList<CustomerSummary, Sort, CustomerQuery> {

    /** Active while the table has the focus, so Delete deletes customers there but still edits the search text. */
    public static final String TABLE_CONTEXT = "io.switchboard.customers.ui.context.list";

    /** A store busy with an import or a merge may fail a read now and answer a moment later. */
    static final int MAX_RETRIES = 3;

    private static final List<Sort> COLUMN_SORTS = Arrays.asList(Sort.NAME, Sort.COMPANY, null, null, Sort.COUNTRY,
            Sort.CITY, Sort.UPDATED);

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
    @Inject
    IEventBroker broker;

    private SearchableList<CustomerSummary, Sort, CustomerQuery> list;
    private Combo country;
    private JobProgressControl progress;

    @PostConstruct
    void create(Composite parent) {
        ListTexts texts = new ListTexts(Messages.List_searchHint, Messages.List_loading, Messages.List_notSortable,
                Messages.List_failed, Messages.List_empty, Messages.List_oneCustomer, Messages.List_customers,
                Messages.List_noMatches, Messages.List_oneMatch, Messages.List_matches);
        list = new SearchableList<>(parent, texts, 360, CustomerQuery.ALL.page(0, SearchableList.PAGE_SIZE),
                new SearchableList.Queries<>(CustomerQuery::withText, CustomerQuery::sortedBy,
                        query -> query.text() != null || query.country() != null, this::rows),
                "Customer list loader", this::reload, MAX_RETRIES);
        list.showFailuresWith(new SearchableList.FailureTexts(Messages.List_failedHint, Messages.List_retry,
                Messages.List_unavailable, Messages.List_recovered), this::status);

        country = FilterCombos.create(list.filters(), 200, Messages.List_allCountries);
        country.addListener(SWT.Selection,
                e -> list.requery(query -> query.withCountry(FilterCombos.selectedValue(country))));
        progress = new JobProgressControl(list.filters());

        String[] titles = { Messages.Column_name, Messages.Column_company, Messages.Column_email,
                Messages.Column_phone, Messages.Column_country, Messages.Column_city, Messages.Column_updated };
        int[] widths = { 200, 190, 250, 150, 120, 130, 140 };
        list.createTable(titles, widths, COLUMN_SORTS, 0, true,
                new SearchableList.Rows<>(this::cells, this::publishSelection, this::open), contextService,
                TABLE_CONTEXT);
        loadCountries();
    }

    private VirtualRows.Source<CustomerSummary> rows(CustomerQuery query) {
        return VirtualRows.Source.of(() -> repository.count(query),
                (offset, limit) -> repository.list(query.page(offset, limit)));
    }

    private String[] cells(CustomerSummary customer) {
        return new String[] { FieldTexts.orEmpty(customer.name()), FieldTexts.orEmpty(customer.company()),
                FieldTexts.orEmpty(customer.email()), FieldTexts.orEmpty(customer.phone()),
                FieldTexts.orEmpty(customer.country()), FieldTexts.orEmpty(customer.city()),
                DateTexts.shortDateTime(customer.updatedAt()) };
    }

    private void reload() {
        list.refresh();
        loadCountries();
    }

    private void loadCountries() {
        Display display = country.getDisplay();
        list.loader().execute(() -> {
            try {
                List<String> countries = repository.countries();
                display.asyncExec(() -> FilterCombos.showChoices(country, Messages.List_allCountries, countries));
            } catch (RuntimeException e) {
                // The list itself reports a store that does not answer; uncaught, this would print a stack trace.
            }
        });
    }

    private void publishSelection(List<CustomerSummary> selected) {
        selectionService.setSelection(new CustomerSelection(selected));
    }

    private void open(List<CustomerSummary> selected) {
        for (CustomerSummary customer : selected) {
            CustomerEditors.open(customer.id(), customer.name(), partService, modelService, application);
        }
    }

    @Inject
    @Optional
    void customerChanged(@UIEventTopic(SwitchboardTopics.CUSTOMER_ALL) Event event) {
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
    public SearchableList<CustomerSummary, Sort, CustomerQuery> list() {
        return list;
    }

    // For tests and for commands that act on what the list shows.

    public Combo countryFilter() {
        return country;
    }

    public JobProgressControl progressControl() {
        return progress;
    }

    /** What the progress above the list shows: empty while no import, export or scan runs. */
    public String progressText() {
        return progress.text();
    }

    public int cachedPages() {
        return list.rows().cachedPages();
    }
}
