package io.switchboard.customers.ui.internal.parts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.CheckboxCellEditor;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.Need;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.customers.Transaction;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.ui.forms.ConflictActions;
import io.switchboard.ui.forms.ConflictPanel;
import io.switchboard.ui.forms.DateTexts;
import io.switchboard.ui.forms.EditorEvents;
import io.switchboard.ui.forms.EditorForm;
import io.switchboard.ui.forms.EditorHeader;
import io.switchboard.ui.forms.FieldTexts;
import io.switchboard.ui.forms.FormTables;
import io.switchboard.ui.forms.RecordEditing;

/**
 * One customer, editable: details with checks as the agent types, contact points, needs, custom fields, and
 * read-only purchases and timeline. A save never overwrites someone else's change: when the store reports the
 * customer stale, the editor shows both versions side by side and the agent reloads or overwrites on purpose.
 */
public class CustomerEditorPart implements ConflictActions<Customer> {

    static final int TIMELINE_PAGE = 200;

    @Inject
    CustomerRepository repository;
    @Inject
    InteractionLog interactionLog;
    @Inject
    MPart part;
    @Inject
    EPartService partService;
    @Inject
    IEventBroker broker;

    private EditorForm form;
    private Composite body;
    private EditorHeader header;
    private RecordEditing editing;
    private Button saveButton;
    private ConflictPanel<Customer> conflict;

    private Text name;
    private Text company;
    private Text email;
    private Text phone;
    private Text country;
    private Text city;
    private Text language;
    private Text tags;
    private Label nameError;
    private Label emailError;
    private Label phoneError;

    private CTabFolder tabs;
    private TableViewer contacts;
    private Label contactsError;
    private TableViewer transactions;
    private TableViewer needs;
    private TableViewer fields;
    private Label fieldsError;
    private TableViewer timeline;
    private Label timelineCount;

    /** The customer being edited; the form writes into it on save. */
    private Customer customer;
    /** Custom fields as editable rows; a map cannot hold a row whose key the agent is still typing. */
    private final List<String[]> fieldRows = new ArrayList<>();
    private long timelineTotal;
    private boolean filling;
    private boolean deleted;

    @PostConstruct
    void create(Composite parent) {
        form = new EditorForm(parent, 190, this::changed);
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(14, 12).spacing(0, 10).applyTo(body);

        header = new EditorHeader(body, form, new EditorHeader.Action(Messages.Editor_save,
                Messages.Editor_saveTooltip, 110, () -> partService.savePart(part, false)));
        saveButton = header.button(0);
        editing = new RecordEditing(part, partService, broker, header, CustomersUi.STATE_CUSTOMER_ID);
        conflict = new ConflictPanel<>(body, form, new ConflictPanel.Texts(Messages.Conflict_field,
                Messages.Conflict_yours, Messages.Conflict_stored, Messages.Conflict_changedByOthers,
                Messages.Conflict_reload, Messages.Conflict_reloadTooltip, Messages.Conflict_overwrite,
                Messages.Conflict_overwriteTooltip), 300, Snapshot::of, this::load, this::saveOver);

        SashForm sash = new SashForm(body, SWT.HORIZONTAL | SWT.SMOOTH);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createDetails(sash);
        createTabs(sash);
        sash.setWeights(42, 58);

        var id = editing.recordId();
        Customer initial = id.flatMap(repository::find).orElseGet(Customer::new);
        deleted = id.isPresent() && initial.getId() == null;
        load(initial);
    }

    private void createDetails(Composite parent) {
        Composite details = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(0, 4).spacing(8, 8).applyTo(details);

        form.section(details, Messages.Editor_details);
        name = form.text(details, Messages.Field_nameRequired, SWT.SINGLE);
        nameError = form.problemLabel(details);
        company = form.text(details, Messages.Field_company, SWT.SINGLE);
        form.spacer(details);
        email = form.text(details, Messages.Field_email, SWT.SINGLE);
        emailError = form.problemLabel(details);
        phone = form.text(details, Messages.Field_phone, SWT.SINGLE);
        phoneError = form.problemLabel(details);
        country = form.text(details, Messages.Field_country, SWT.SINGLE);
        form.spacer(details);
        city = form.text(details, Messages.Field_city, SWT.SINGLE);
        form.spacer(details);
        language = form.text(details, Messages.Field_language, SWT.SINGLE);
        language.setMessage(Messages.Editor_languageHint);
        form.spacer(details);
        tags = form.text(details, Messages.Field_tags, SWT.SINGLE);
        tags.setMessage(Messages.Editor_tagsHint);
        form.spacer(details);

        email.addListener(SWT.Modify, e -> primaryChanged(ContactKind.EMAIL, email.getText()));
        phone.addListener(SWT.Modify, e -> primaryChanged(null, phone.getText()));
    }

    private void createTabs(Composite parent) {
        tabs = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
        tabs.setTabHeight(26);

        Composite contactsPage = FormTables.page(tabs, Messages.Editor_contacts);
        contacts = FormTables.table(contactsPage, 400, 160);
        column(contacts, Messages.Column_kind, 110, p -> Labels.KINDS.text(((ContactPoint) p).getKind()),
                new ComboBoxCellEditor(contacts.getTable(), Labels.KINDS.texts(), SWT.READ_ONLY),
                p -> Labels.KINDS.indexOf(((ContactPoint) p).getKind()),
                (p, v) -> ((ContactPoint) p).setKind(Labels.KINDS.selected((Integer) v)));
        column(contacts, Messages.Column_value, 230, p -> ((ContactPoint) p).getValue(),
                new TextCellEditor(contacts.getTable()), p -> FieldTexts.orEmpty(((ContactPoint) p).getValue()),
                (p, v) -> ((ContactPoint) p).setValue(((String) v).trim()));
        column(contacts, Messages.Column_label, 120, p -> ((ContactPoint) p).getLabel(),
                new TextCellEditor(contacts.getTable()), p -> FieldTexts.orEmpty(((ContactPoint) p).getLabel()),
                (p, v) -> ((ContactPoint) p).setLabel((String) v));
        column(contacts, Messages.Column_primary, 80, p -> ((ContactPoint) p).isPrimary() ? "\u2713" : "",
                new CheckboxCellEditor(contacts.getTable()), p -> ((ContactPoint) p).isPrimary(),
                (p, v) -> makePrimary((ContactPoint) p, (Boolean) v));
        contactsError = form.problemLabel(contactsPage);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(contactsError);
        buttons(contactsPage, () -> {
            ContactPoint point = customer.addContact(ContactKind.EMAIL, "");
            contacts.refresh();
            contacts.editElement(point, 1);
            changed();
        }, () -> removeSelected(contacts, customer.getContactPoints()));

        Composite transactionsPage = FormTables.page(tabs, Messages.Editor_transactions);
        transactions = FormTables.table(transactionsPage, 400, 160);
        FormTables.Columns<Transaction> transactionColumns = FormTables.columns(transactions, Transaction.class);
        transactionColumns.add(Messages.Column_date, 110, t -> DateTexts.date(t.getDate()));
        transactionColumns.add(Messages.Column_reference, 120, Transaction::getReference);
        transactionColumns.add(Messages.Column_amount, 110, t -> Labels.amount(t.getAmount(), t.getCurrency()));
        transactionColumns.add(Messages.Column_status, 100, Transaction::getStatus);
        transactionColumns.add(Messages.Column_description, 260, Transaction::getDescription);

        Composite needsPage = FormTables.page(tabs, Messages.Editor_needs);
        needs = FormTables.table(needsPage, 400, 160);
        column(needs, Messages.Column_description, 320, n -> ((Need) n).getDescription(),
                new TextCellEditor(needs.getTable()), n -> FieldTexts.orEmpty(((Need) n).getDescription()),
                (n, v) -> ((Need) n).setDescription((String) v));
        column(needs, Messages.Column_status, 120, n -> Labels.STATUSES.text(((Need) n).getStatus()),
                new ComboBoxCellEditor(needs.getTable(), Labels.STATUSES.texts(), SWT.READ_ONLY),
                n -> Labels.STATUSES.indexOf(((Need) n).getStatus()),
                (n, v) -> ((Need) n).setStatus(Labels.STATUSES.selected((Integer) v)));
        FormTables.columns(needs, Need.class)
                .add(Messages.Column_created, 150, n -> DateTexts.dateTime(n.getCreatedAt()));
        buttons(needsPage, () -> {
            Need need = new Need();
            need.setDescription("");
            customer.getNeeds().add(need);
            needs.refresh();
            needs.editElement(need, 0);
            changed();
        }, () -> removeSelected(needs, customer.getNeeds()));

        Composite fieldsPage = FormTables.page(tabs, Messages.Editor_customFields);
        fields = FormTables.table(fieldsPage, 400, 160);
        column(fields, Messages.Column_key, 180, r -> ((String[]) r)[0], new TextCellEditor(fields.getTable()),
                r -> ((String[]) r)[0], (r, v) -> ((String[]) r)[0] = ((String) v).trim());
        column(fields, Messages.Column_value, 300, r -> ((String[]) r)[1], new TextCellEditor(fields.getTable()),
                r -> ((String[]) r)[1], (r, v) -> ((String[]) r)[1] = (String) v);
        fieldsError = form.problemLabel(fieldsPage);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(fieldsError);
        buttons(fieldsPage, () -> {
            String[] row = { "", "" };
            fieldRows.add(row);
            fields.refresh();
            fields.editElement(row, 0);
            changed();
        }, () -> removeSelected(fields, fieldRows));

        Composite timelinePage = FormTables.page(tabs, Messages.Editor_timeline);
        timeline = FormTables.table(timelinePage, 400, 160);
        FormTables.Columns<Interaction> timelineColumns = FormTables.columns(timeline, Interaction.class);
        timelineColumns.add(Messages.Column_when, 140, i -> DateTexts.dateTime(i.getOccurredAt()));
        timelineColumns.add(Messages.Column_channel, 80, i -> Labels.CHANNELS.text(i.getChannel()));
        timelineColumns.add(Messages.Column_direction, 90, i -> Labels.DIRECTIONS.text(i.getDirection()));
        timelineColumns.add(Messages.Column_agent, 100, Interaction::getAgent);
        timelineColumns.add(Messages.Column_summary, 320, Interaction::getSummary);
        timeline.getTable().addListener(SWT.MouseHover, e -> {
            TableItem item = timeline.getTable().getItem(new Point(e.x, e.y));
            timeline.getTable()
                    .setToolTipText(item == null ? null : FieldTexts.orEmpty(((Interaction) item.getData()).getBody()));
        });
        timelineCount = new Label(timelinePage, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(timelineCount);

        tabs.setSelection(0);
    }

    private void column(TableViewer viewer, String header, int width, Function<Object, String> text, CellEditor editor,
            Function<Object, Object> get, BiConsumer<Object, Object> set) {
        TableViewerColumn column = FormTables.column(viewer, header, width, text);
        column.setEditingSupport(new EditingSupport(viewer) {
            @Override
            protected CellEditor getCellEditor(Object element) {
                return editor;
            }

            @Override
            protected boolean canEdit(Object element) {
                return true;
            }

            @Override
            protected Object getValue(Object element) {
                return get.apply(element);
            }

            @Override
            protected void setValue(Object element, Object value) {
                if (!Objects.equals(get.apply(element), value)) {
                    set.accept(element, value);
                    viewer.refresh();
                    tableChanged();
                }
            }
        });
    }

    private void buttons(Composite page, Runnable add, Runnable remove) {
        Composite row = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).applyTo(row);
        Button addButton = new Button(row, SWT.PUSH);
        addButton.setText(Messages.Editor_add);
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(addButton);
        addButton.addListener(SWT.Selection, e -> add.run());
        Button removeButton = new Button(row, SWT.PUSH);
        removeButton.setText(Messages.Editor_remove);
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(removeButton);
        removeButton.addListener(SWT.Selection, e -> remove.run());
    }

    private void removeSelected(TableViewer viewer, List<?> rows) {
        IStructuredSelection selection = viewer.getStructuredSelection();
        if (selection.isEmpty()) {
            return;
        }
        rows.removeAll(selection.toList());
        viewer.refresh();
        tableChanged();
    }

    private void makePrimary(ContactPoint point, boolean primary) {
        if (primary) {
            for (ContactPoint other : customer.getContactPoints()) {
                if (other.getKind() == point.getKind()) {
                    other.setPrimary(false);
                }
            }
        }
        point.setPrimary(primary);
    }

    /** The e-mail and phone fields edit the primary contact point of their kind, adding one if needed. */
    private void primaryChanged(ContactKind kind, String value) {
        if (filling || customer == null) {
            return;
        }
        ContactPoint point = kind == null ? customer.primaryPhone().orElse(null) : customer.primary(kind).orElse(null);
        String trimmed = value.trim();
        if (point == null && !trimmed.isEmpty()) {
            customer.addContact(kind == null ? ContactKind.MOBILE : kind, trimmed);
        } else if (point != null && trimmed.isEmpty()) {
            customer.getContactPoints().remove(point);
        } else if (point != null) {
            point.setValue(trimmed);
        }
        contacts.refresh();
        validate();
    }

    /** Tab titles carry their counts, so the agent sees at a glance whether a tab holds anything. */
    private void updateTabCounts() {
        if (customer == null) {
            return;
        }
        long total = timelineTotal;
        int[] counts = { customer.getContactPoints().size(), customer.getTransactions().size(),
                customer.getNeeds().size(), fieldRows.size(), (int) Math.min(Integer.MAX_VALUE, total) };
        String[] titles = { Messages.Editor_contacts, Messages.Editor_transactions, Messages.Editor_needs,
                Messages.Editor_customFields, Messages.Editor_timeline };
        for (int i = 0; i < titles.length; i++) {
            tabs.getItem(i).setText(counts[i] == 0 ? titles[i] : titles[i] + " (" + counts[i] + ")");
        }
    }

    private void tableChanged() {
        updateTabCounts();
        if (filling) {
            return;
        }
        // Edits in the contact table may change which address the primary fields show.
        filling = true;
        try {
            setText(email, customer.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(""));
            setText(phone, customer.primaryPhone().map(ContactPoint::getValue).orElse(""));
        } finally {
            filling = false;
        }
        changed();
    }

    private static void setText(Text text, String value) {
        if (!text.getText().equals(value)) {
            text.setText(value);
        }
    }

    private void changed() {
        if (filling) {
            return;
        }
        updateTabCounts();
        part.setDirty(true);
        validate();
    }

    /** Shows each problem beside its field and allows saving only when there is none. */
    public boolean validate() {
        List<String> errors = new ArrayList<>();
        String nameProblem = Validation.name(name.getText());
        if (nameProblem != null && customer != null && customer.getId() == null && !part.isDirty()) {
            // A new, untouched form is not wrong yet; saving stays disabled all the same.
            errors.add(nameProblem);
            nameProblem = null;
        }
        EditorForm.showProblem(nameError, nameProblem, errors);
        EditorForm.showProblem(emailError, Validation.email(email.getText()), errors);
        EditorForm.showProblem(phoneError, Validation.phone(phone.getText()), errors);

        String contactProblem = null;
        List<ContactPoint> points = customer == null ? List.of() : customer.getContactPoints();
        for (int i = 0; i < points.size() && contactProblem == null; i++) {
            String error = Validation.contact(points.get(i).getKind(), points.get(i).getValue());
            if (error != null) {
                contactProblem = NLS.bind(Messages.Validation_row, i + 1, error);
            }
        }
        EditorForm.showProblem(contactsError, contactProblem, errors);

        String fieldProblem = null;
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String[] row : fieldRows) {
            if (row[0].isBlank()) {
                fieldProblem = Messages.Validation_fieldKey;
            } else if (!keys.add(row[0])) {
                fieldProblem = NLS.bind(Messages.Validation_fieldDuplicate, row[0]);
            }
        }
        EditorForm.showProblem(fieldsError, fieldProblem, errors);

        boolean valid = errors.isEmpty() && !deleted;
        saveButton.setEnabled(valid && part.isDirty());
        return valid;
    }

    private void load(Customer loadedCustomer) {
        customer = loadedCustomer;
        filling = true;
        try {
            name.setText(FieldTexts.orEmpty(customer.getName()));
            company.setText(FieldTexts.orEmpty(customer.getCompany()));
            email.setText(customer.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(""));
            phone.setText(customer.primaryPhone().map(ContactPoint::getValue).orElse(""));
            country.setText(FieldTexts.orEmpty(customer.getCountry()));
            city.setText(FieldTexts.orEmpty(customer.getCity()));
            language.setText(FieldTexts.orEmpty(customer.getLanguage()));
            tags.setText(String.join(", ", customer.getTags()));
            fieldRows.clear();
            customer.getCustomFields()
                    .forEach((key, value) -> fieldRows.add(new String[] { key, FieldTexts.orEmpty(value) }));
            contacts.setInput(customer.getContactPoints());
            transactions.setInput(customer.getTransactions());
            needs.setInput(customer.getNeeds());
            fields.setInput(fieldRows);
        } finally {
            filling = false;
        }
        loadTimeline();
        updateHeader();
        conflict.loaded(loadedCustomer);
        part.setDirty(false);
        validate();
        if (customer.getId() == null && !deleted) {
            name.setFocus();
        }
    }

    private void loadTimeline() {
        if (customer.getId() == null) {
            timeline.setInput(List.of());
            timelineCount.setText(Messages.Editor_timelineNew);
            timelineTotal = 0;
            updateTabCounts();
            return;
        }
        long total = interactionLog.count(customer.getId());
        timelineTotal = total;
        List<Interaction> entries = interactionLog.timeline(customer.getId(), 0, TIMELINE_PAGE);
        timeline.setInput(entries);
        timelineCount.setText(total > entries.size()
                ? NLS.bind(Messages.Editor_timelineSome, entries.size(), total)
                : NLS.bind(Messages.Editor_timelineAll, total));
        updateTabCounts();
    }

    private void updateHeader() {
        boolean isNew = customer.getId() == null;
        String heading = isNew ? Messages.Editor_newCustomer : FieldTexts.orEmpty(customer.getName());
        String state = deleted ? Messages.Editor_deleted
                : isNew ? Messages.Editor_newHint
                        : NLS.bind(Messages.Editor_subtitle, new Object[] { customer.getId(),
                                DateTexts.dateTime(customer.getCreatedAt()),
                                DateTexts.dateTime(customer.getUpdatedAt()) });
        header.show(heading, state);
        part.setLabel(heading);
        part.setTooltip(heading);
    }

    /** Writes the form into the customer being edited. */
    private void applyForm() {
        customer.setName(name.getText().trim());
        customer.setCompany(FieldTexts.trimmedOrNull(company.getText()));
        customer.setCountry(FieldTexts.trimmedOrNull(country.getText()));
        customer.setCity(FieldTexts.trimmedOrNull(city.getText()));
        customer.setLanguage(FieldTexts.trimmedOrNull(language.getText()));
        customer.setTags(FieldTexts.tags(tags.getText()));
        Map<String, String> custom = new LinkedHashMap<>();
        for (String[] row : fieldRows) {
            custom.put(row[0], row[1]);
        }
        customer.setCustomFields(custom);
    }

    /**
     * Saves, or shows why not. Called by the Save command and the Save button.
     *
     * @return whether the customer was stored
     */
    @Persist
    public boolean save() {
        if (!validate()) {
            return false;
        }
        applyForm();
        try {
            Customer saved = repository.save(customer);
            boolean created = customer.getId() == null;
            load(saved);
            editing.saved(created, saved.getId(),
                    NLS.bind(created ? Messages.Editor_created : Messages.Editor_saved, saved.getName()));
            return true;
        } catch (StaleCustomerException e) {
            showConflict(e.current());
            return false;
        } catch (RuntimeException e) {
            editing.saveFailed(e, Messages.Editor_rejected, Messages.Editor_saveFailed);
            return false;
        }
    }

    private void showConflict(Customer stored) {
        conflict.show(customer, stored, NLS.bind(Messages.Conflict_message, FieldTexts.orEmpty(stored.getName()),
                DateTexts.dateTime(stored.getUpdatedAt())));
        editing.showStatus(NLS.bind(Messages.Conflict_status, FieldTexts.orEmpty(stored.getName())));
    }

    private boolean saveOver(Customer stored) {
        customer.setVersion(stored.getVersion());
        return save();
    }

    @Inject
    @Optional
    void customerUpdated(@UIEventTopic(SwitchboardTopics.CUSTOMER_UPDATED) Event event) {
        if (!isAbout(event) || body == null || body.isDisposed() || part.isDirty()) {
            return;
        }
        // Unchanged here, so showing the newer version loses nothing; with edits, saving reports the conflict.
        repository.find(customer.getId()).filter(c -> c.getVersion() != customer.getVersion()).ifPresent(this::load);
    }

    @Inject
    @Optional
    void customerDeleted(@UIEventTopic(SwitchboardTopics.CUSTOMER_DELETED) Event event) {
        if (!isAbout(event) || body == null || body.isDisposed()) {
            return;
        }
        deleted = true;
        if (editing.staysOpenAfterDelete()) {
            updateHeader();
            validate();
        }
    }

    @Inject
    @Optional
    void timelineAdded(@UIEventTopic(SwitchboardTopics.TIMELINE_ADDED) Event event) {
        if (body != null && !body.isDisposed() && customer != null && customer.getId() != null) {
            loadTimeline();
        }
    }

    private boolean isAbout(Event event) {
        return customer != null && EditorEvents.concerns(event, customer.getId());
    }

    @Focus
    void focus() {
        name.setFocus();
    }

    // For the Save handler and tests.

    public boolean canSave() {
        return part.isDirty() && validate();
    }

    public Customer customer() {
        return customer;
    }

    @Override
    public ConflictPanel<Customer> conflict() {
        return conflict;
    }

    public Text nameField() {
        return name;
    }

    public Text emailField() {
        return email;
    }

    public Text phoneField() {
        return phone;
    }

    public Text companyField() {
        return company;
    }

    public Text cityField() {
        return city;
    }

    public Label nameError() {
        return nameError;
    }

    public Label emailError() {
        return emailError;
    }

    public Label phoneError() {
        return phoneError;
    }

    public Button saveButton() {
        return saveButton;
    }

    public CTabFolder tabs() {
        return tabs;
    }

    public Table contactsTable() {
        return contacts.getTable();
    }

    public Table timelineTable() {
        return timeline.getTable();
    }
}
