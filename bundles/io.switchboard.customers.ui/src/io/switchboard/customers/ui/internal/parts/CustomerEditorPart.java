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
import jakarta.annotation.PreDestroy;
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
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.CheckboxCellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;

import io.switchboard.app.forms.DateTexts;
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

/**
 * One customer, editable: details with checks as the agent types, contact points, needs, custom fields, and
 * read-only purchases and timeline. A save never overwrites someone else's change: when the store reports the
 * customer stale, the editor shows both versions side by side and the agent reloads or overwrites on purpose.
 */
public class CustomerEditorPart {

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

    private LocalResourceManager resources;
    private Composite body;
    private Label title;
    private Label subtitle;
    private Button saveButton;
    private Composite conflictPanel;
    private Label conflictMessage;
    private TableViewer conflictViewer;
    private Label problem;

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
    /** Field by field as loaded, to tell what others changed from what the agent changed. */
    private Map<String, String> loaded = Map.of();
    /** Custom fields as editable rows; a map cannot hold a row whose key the agent is still typing. */
    private final List<String[]> fieldRows = new ArrayList<>();
    private Customer conflicting;
    private long timelineTotal;
    private boolean filling;
    private boolean deleted;

    @PostConstruct
    void create(Composite parent) {
        resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(14, 12).spacing(0, 10).applyTo(body);

        createHeader(body);
        createConflictPanel(body);

        SashForm sash = new SashForm(body, SWT.HORIZONTAL | SWT.SMOOTH);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createDetails(sash);
        createTabs(sash);
        sash.setWeights(42, 58);

        String id = part.getPersistedState().getOrDefault(CustomersUi.STATE_CUSTOMER_ID, "");
        Customer initial = id.isEmpty() ? null : repository.find(Long.parseLong(id)).orElse(null);
        if (initial == null) {
            initial = new Customer();
            if (!id.isEmpty()) {
                deleted = true;
            }
        }
        load(initial);
    }

    private void createHeader(Composite parent) {
        Composite header = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 2).applyTo(header);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(header);

        title = new Label(header, SWT.NONE);
        title.setFont(resources.create(FontDescriptor.createFrom(JFaceResources.getHeaderFont()).setHeight(16)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);

        saveButton = new Button(header, SWT.PUSH);
        saveButton.setText(Messages.Editor_save);
        saveButton.setToolTipText(Messages.Editor_saveTooltip);
        GridDataFactory.fillDefaults().span(1, 2).align(SWT.END, SWT.CENTER).hint(110, SWT.DEFAULT).applyTo(saveButton);
        saveButton.addListener(SWT.Selection, e -> partService.savePart(part, false));

        subtitle = new Label(header, SWT.NONE);
        subtitle.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(subtitle);

        problem = new Label(header, SWT.WRAP);
        problem.setForeground(errorColor());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).exclude(true).applyTo(problem);
        problem.setVisible(false);
    }

    private void createConflictPanel(Composite parent) {
        conflictPanel = new Composite(parent, SWT.BORDER);
        Color background = resources.create(org.eclipse.jface.resource.ColorDescriptor.createFrom(new RGB(255, 248, 225)));
        conflictPanel.setBackground(background);
        conflictPanel.setBackgroundMode(SWT.INHERIT_FORCE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(12, 10).spacing(8, 8).applyTo(conflictPanel);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(conflictPanel);
        conflictPanel.setVisible(false);

        conflictMessage = new Label(conflictPanel, SWT.WRAP);
        conflictMessage.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(600, SWT.DEFAULT).applyTo(conflictMessage);

        conflictViewer = new TableViewer(conflictPanel, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        Table table = conflictViewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(600, 120).applyTo(table);
        conflictViewer.setContentProvider(ArrayContentProvider.getInstance());
        column(conflictViewer, Messages.Conflict_field, 130, d -> ((Snapshot.Difference) d).field());
        column(conflictViewer, Messages.Conflict_yours, 300, d -> ((Snapshot.Difference) d).yours());
        column(conflictViewer, Messages.Conflict_stored, 300, d -> {
            Snapshot.Difference difference = (Snapshot.Difference) d;
            return difference.changedByOthers() ? difference.stored() + "   \u2190 " + Messages.Conflict_changedByOthers
                    : difference.stored();
        });

        Label spacer = new Label(conflictPanel, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(spacer);
        Button reload = new Button(conflictPanel, SWT.PUSH);
        reload.setText(Messages.Conflict_reload);
        reload.setToolTipText(Messages.Conflict_reloadTooltip);
        reload.addListener(SWT.Selection, e -> reloadStored());
        Button overwrite = new Button(conflictPanel, SWT.PUSH);
        overwrite.setText(Messages.Conflict_overwrite);
        overwrite.setToolTipText(Messages.Conflict_overwriteTooltip);
        overwrite.addListener(SWT.Selection, e -> overwrite());
    }

    private void createDetails(Composite parent) {
        Composite details = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(0, 4).spacing(8, 8).applyTo(details);

        section(details, Messages.Editor_details);
        name = field(details, Messages.Field_nameRequired);
        nameError = errorLabel(details);
        company = field(details, Messages.Field_company);
        spacer(details);
        email = field(details, Messages.Field_email);
        emailError = errorLabel(details);
        phone = field(details, Messages.Field_phone);
        phoneError = errorLabel(details);
        country = field(details, Messages.Field_country);
        spacer(details);
        city = field(details, Messages.Field_city);
        spacer(details);
        language = field(details, Messages.Field_language);
        language.setMessage(Messages.Editor_languageHint);
        spacer(details);
        tags = field(details, Messages.Field_tags);
        tags.setMessage(Messages.Editor_tagsHint);
        spacer(details);

        email.addListener(SWT.Modify, e -> primaryChanged(ContactKind.EMAIL, email.getText()));
        phone.addListener(SWT.Modify, e -> primaryChanged(null, phone.getText()));
    }

    private void section(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 2).applyTo(label);
    }

    private Text field(Composite parent, String label) {
        Label caption = new Label(parent, SWT.NONE);
        caption.setText(label);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(caption);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(220, SWT.DEFAULT)
                .applyTo(text);
        text.addListener(SWT.Modify, e -> changed());
        return text;
    }

    private Label errorLabel(Composite parent) {
        Label label = new Label(parent, SWT.NONE);
        label.setForeground(errorColor());
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(190, SWT.DEFAULT).applyTo(label);
        return label;
    }

    private void spacer(Composite parent) {
        GridDataFactory.fillDefaults().hint(190, SWT.DEFAULT).applyTo(new Label(parent, SWT.NONE));
    }

    private Color errorColor() {
        return resources.create(org.eclipse.jface.resource.ColorDescriptor.createFrom(new RGB(196, 30, 30)));
    }

    private void createTabs(Composite parent) {
        tabs = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
        tabs.setTabHeight(26);

        Composite contactsPage = page(tabs, Messages.Editor_contacts);
        contacts = table(contactsPage);
        column(contacts, Messages.Column_kind, 110, p -> Labels.KINDS.text(((ContactPoint) p).getKind()),
                new ComboBoxCellEditor(contacts.getTable(), Labels.KINDS.texts(), SWT.READ_ONLY),
                p -> Labels.KINDS.indexOf(((ContactPoint) p).getKind()),
                (p, v) -> ((ContactPoint) p).setKind(Labels.KINDS.selected((Integer) v)));
        column(contacts, Messages.Column_value, 230, p -> ((ContactPoint) p).getValue(),
                new TextCellEditor(contacts.getTable()), p -> text(((ContactPoint) p).getValue()),
                (p, v) -> ((ContactPoint) p).setValue(((String) v).trim()));
        column(contacts, Messages.Column_label, 120, p -> ((ContactPoint) p).getLabel(),
                new TextCellEditor(contacts.getTable()), p -> text(((ContactPoint) p).getLabel()),
                (p, v) -> ((ContactPoint) p).setLabel((String) v));
        column(contacts, Messages.Column_primary, 80, p -> ((ContactPoint) p).isPrimary() ? "\u2713" : "",
                new CheckboxCellEditor(contacts.getTable()), p -> ((ContactPoint) p).isPrimary(),
                (p, v) -> makePrimary((ContactPoint) p, (Boolean) v));
        contactsError = errorLabel(contactsPage);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(contactsError);
        buttons(contactsPage, () -> {
            ContactPoint point = customer.addContact(ContactKind.EMAIL, "");
            contacts.refresh();
            contacts.editElement(point, 1);
            changed();
        }, () -> removeSelected(contacts, customer.getContactPoints()));

        Composite transactionsPage = page(tabs, Messages.Editor_transactions);
        transactions = table(transactionsPage);
        column(transactions, Messages.Column_date, 110, t -> DateTexts.date(((Transaction) t).getDate()));
        column(transactions, Messages.Column_reference, 120, t -> ((Transaction) t).getReference());
        column(transactions, Messages.Column_amount, 110, t -> Labels.amount(((Transaction) t).getAmount(),
                ((Transaction) t).getCurrency()));
        column(transactions, Messages.Column_status, 100, t -> ((Transaction) t).getStatus());
        column(transactions, Messages.Column_description, 260, t -> ((Transaction) t).getDescription());

        Composite needsPage = page(tabs, Messages.Editor_needs);
        needs = table(needsPage);
        column(needs, Messages.Column_description, 320, n -> ((Need) n).getDescription(),
                new TextCellEditor(needs.getTable()), n -> text(((Need) n).getDescription()),
                (n, v) -> ((Need) n).setDescription((String) v));
        column(needs, Messages.Column_status, 120, n -> Labels.STATUSES.text(((Need) n).getStatus()),
                new ComboBoxCellEditor(needs.getTable(), Labels.STATUSES.texts(), SWT.READ_ONLY),
                n -> Labels.STATUSES.indexOf(((Need) n).getStatus()),
                (n, v) -> ((Need) n).setStatus(Labels.STATUSES.selected((Integer) v)));
        column(needs, Messages.Column_created, 150, n -> DateTexts.dateTime(((Need) n).getCreatedAt()));
        buttons(needsPage, () -> {
            Need need = new Need();
            need.setDescription("");
            customer.getNeeds().add(need);
            needs.refresh();
            needs.editElement(need, 0);
            changed();
        }, () -> removeSelected(needs, customer.getNeeds()));

        Composite fieldsPage = page(tabs, Messages.Editor_customFields);
        fields = table(fieldsPage);
        column(fields, Messages.Column_key, 180, r -> ((String[]) r)[0], new TextCellEditor(fields.getTable()),
                r -> ((String[]) r)[0], (r, v) -> ((String[]) r)[0] = ((String) v).trim());
        column(fields, Messages.Column_value, 300, r -> ((String[]) r)[1], new TextCellEditor(fields.getTable()),
                r -> ((String[]) r)[1], (r, v) -> ((String[]) r)[1] = (String) v);
        fieldsError = errorLabel(fieldsPage);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(fieldsError);
        buttons(fieldsPage, () -> {
            String[] row = { "", "" };
            fieldRows.add(row);
            fields.refresh();
            fields.editElement(row, 0);
            changed();
        }, () -> removeSelected(fields, fieldRows));

        Composite timelinePage = page(tabs, Messages.Editor_timeline);
        timeline = table(timelinePage);
        column(timeline, Messages.Column_when, 140, i -> DateTexts.dateTime(((Interaction) i).getOccurredAt()));
        column(timeline, Messages.Column_channel, 80, i -> Labels.CHANNELS.text(((Interaction) i).getChannel()));
        column(timeline, Messages.Column_direction, 90, i -> Labels.DIRECTIONS.text(((Interaction) i).getDirection()));
        column(timeline, Messages.Column_agent, 100, i -> ((Interaction) i).getAgent());
        column(timeline, Messages.Column_summary, 320, i -> ((Interaction) i).getSummary());
        timeline.getTable().addListener(SWT.MouseHover, e -> {
            TableItem item = timeline.getTable().getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            timeline.getTable().setToolTipText(item == null ? null : text(((Interaction) item.getData()).getBody()));
        });
        timelineCount = new Label(timelinePage, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(timelineCount);

        tabs.setSelection(0);
    }

    private static Composite page(CTabFolder folder, String label) {
        CTabItem item = new CTabItem(folder, SWT.NONE);
        item.setText(label);
        Composite page = new Composite(folder, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(page);
        item.setControl(page);
        return page;
    }

    private static TableViewer table(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.H_SCROLL
                | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(400, 160).applyTo(viewer.getTable());
        return viewer;
    }

    private static TableViewerColumn column(TableViewer viewer, String header, int width,
            Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(header);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String value = text.apply(element);
                return value == null ? "" : value;
            }
        });
        return column;
    }

    private void column(TableViewer viewer, String header, int width, Function<Object, String> text, CellEditor editor,
            Function<Object, Object> get, BiConsumer<Object, Object> set) {
        TableViewerColumn column = column(viewer, header, width, text);
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
        show(nameError, nameProblem, errors);
        show(emailError, Validation.email(email.getText()), errors);
        show(phoneError, Validation.phone(phone.getText()), errors);

        String contactProblem = null;
        List<ContactPoint> points = customer == null ? List.of() : customer.getContactPoints();
        for (int i = 0; i < points.size() && contactProblem == null; i++) {
            String error = Validation.contact(points.get(i).getKind(), points.get(i).getValue());
            if (error != null) {
                contactProblem = NLS.bind(Messages.Validation_row, i + 1, error);
            }
        }
        show(contactsError, contactProblem, errors);

        String fieldProblem = null;
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String[] row : fieldRows) {
            if (row[0].isBlank()) {
                fieldProblem = Messages.Validation_fieldKey;
            } else if (!keys.add(row[0])) {
                fieldProblem = NLS.bind(Messages.Validation_fieldDuplicate, row[0]);
            }
        }
        show(fieldsError, fieldProblem, errors);

        boolean valid = errors.isEmpty() && !deleted;
        saveButton.setEnabled(valid && part.isDirty());
        return valid;
    }

    private static void show(Label label, String error, List<String> errors) {
        String text = error == null ? "" : error;
        label.setText(text);
        label.setToolTipText(error);
        if (error != null) {
            errors.add(error);
        }
    }

    private void load(Customer loadedCustomer) {
        customer = loadedCustomer;
        loaded = Snapshot.of(loadedCustomer);
        filling = true;
        try {
            name.setText(text(customer.getName()));
            company.setText(text(customer.getCompany()));
            email.setText(customer.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(""));
            phone.setText(customer.primaryPhone().map(ContactPoint::getValue).orElse(""));
            country.setText(text(customer.getCountry()));
            city.setText(text(customer.getCity()));
            language.setText(text(customer.getLanguage()));
            tags.setText(String.join(", ", customer.getTags()));
            fieldRows.clear();
            customer.getCustomFields().forEach((key, value) -> fieldRows.add(new String[] { key, text(value) }));
            contacts.setInput(customer.getContactPoints());
            transactions.setInput(customer.getTransactions());
            needs.setInput(customer.getNeeds());
            fields.setInput(fieldRows);
        } finally {
            filling = false;
        }
        loadTimeline();
        updateHeader();
        hideConflict();
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
        String heading = isNew ? Messages.Editor_newCustomer : text(customer.getName());
        title.setText(heading);
        if (deleted) {
            subtitle.setText(Messages.Editor_deleted);
        } else if (isNew) {
            subtitle.setText(Messages.Editor_newHint);
        } else {
            subtitle.setText(NLS.bind(Messages.Editor_subtitle, new Object[] { customer.getId(),
                    DateTexts.dateTime(customer.getCreatedAt()), DateTexts.dateTime(customer.getUpdatedAt()) }));
        }
        part.setLabel(heading);
        part.setTooltip(heading);
        title.getParent().layout(true);
    }

    /** Writes the form into the customer being edited. */
    private void applyForm() {
        customer.setName(name.getText().trim());
        customer.setCompany(blankToNull(company.getText()));
        customer.setCountry(blankToNull(country.getText()));
        customer.setCity(blankToNull(city.getText()));
        customer.setLanguage(blankToNull(language.getText()));
        LinkedHashSet<String> tagSet = new LinkedHashSet<>();
        for (String tag : tags.getText().split(",")) {
            if (!tag.isBlank()) {
                tagSet.add(tag.trim());
            }
        }
        customer.setTags(tagSet);
        Map<String, String> custom = new LinkedHashMap<>();
        for (String[] row : fieldRows) {
            custom.put(row[0], row[1]);
        }
        customer.setCustomFields(custom);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String text(String value) {
        return value == null ? "" : value;
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
            if (created) {
                part.getPersistedState().put(CustomersUi.STATE_CUSTOMER_ID, saved.getId().toString());
            }
            load(saved);
            showProblem(null);
            broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE,
                    NLS.bind(created ? Messages.Editor_created : Messages.Editor_saved, saved.getName())));
            return true;
        } catch (StaleCustomerException e) {
            showConflict(e.current());
            return false;
        } catch (IllegalArgumentException e) {
            showProblem(NLS.bind(Messages.Editor_rejected, e.getMessage()));
            return false;
        } catch (RuntimeException e) {
            showProblem(NLS.bind(Messages.Editor_saveFailed, e.getMessage()));
            return false;
        }
    }

    private void showProblem(String message) {
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
        ((org.eclipse.swt.layout.GridData) problem.getLayoutData()).exclude = message == null;
        body.layout(true, true);
    }

    private void showConflict(Customer stored) {
        conflicting = stored;
        List<Snapshot.Difference> differences = Snapshot.differences(loaded, Snapshot.of(customer), Snapshot.of(stored));
        conflictMessage.setText(NLS.bind(Messages.Conflict_message, text(stored.getName()),
                DateTexts.dateTime(stored.getUpdatedAt())));
        conflictViewer.setInput(differences);
        conflictPanel.setVisible(true);
        ((org.eclipse.swt.layout.GridData) conflictPanel.getLayoutData()).exclude = false;
        body.layout(true, true);
        broker.post(SwitchboardTopics.STATUS_MESSAGE,
                Map.of(SwitchboardTopics.PROPERTY_MESSAGE, NLS.bind(Messages.Conflict_status, text(stored.getName()))));
    }

    private void hideConflict() {
        conflicting = null;
        if (conflictPanel.getVisible()) {
            conflictPanel.setVisible(false);
            ((org.eclipse.swt.layout.GridData) conflictPanel.getLayoutData()).exclude = true;
            body.layout(true, true);
        }
    }

    /** Drops the agent's changes for the stored customer. */
    public void reloadStored() {
        if (conflicting != null) {
            load(conflicting);
        }
    }

    /** Saves the agent's version over the stored one, having seen what that replaces. */
    public boolean overwrite() {
        if (conflicting == null) {
            return false;
        }
        customer.setVersion(conflicting.getVersion());
        conflicting = null;
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
        if (!part.isDirty()) {
            partService.hidePart(part, true);
            return;
        }
        updateHeader();
        validate();
    }

    @Inject
    @Optional
    void timelineAdded(@UIEventTopic(SwitchboardTopics.TIMELINE_ADDED) Event event) {
        if (body != null && !body.isDisposed() && customer != null && customer.getId() != null) {
            loadTimeline();
        }
    }

    private boolean isAbout(Event event) {
        Object id = event.getProperty(SwitchboardTopics.PROPERTY_ID);
        return customer != null && customer.getId() != null && id != null
                && customer.getId().toString().equals(id.toString());
    }

    @Focus
    void focus() {
        name.setFocus();
    }

    @PreDestroy
    void dispose() {
        resources.dispose();
    }

    // For the Save handler and tests.

    public boolean canSave() {
        return part.isDirty() && validate();
    }

    public Customer customer() {
        return customer;
    }

    public boolean hasConflict() {
        return conflicting != null;
    }

    public Control conflictPanel() {
        return conflictPanel;
    }

    public Table conflictTable() {
        return conflictViewer.getTable();
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
