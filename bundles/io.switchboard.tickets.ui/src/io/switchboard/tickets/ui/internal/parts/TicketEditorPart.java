package io.switchboard.tickets.ui.internal.parts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.tickets.StaleTicketException;
import io.switchboard.tickets.Suggestion;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketChange;
import io.switchboard.tickets.TicketMessage;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketType;
import io.switchboard.tickets.ui.TicketsUi;
import io.switchboard.tickets.ui.internal.Messages;
import io.switchboard.ui.forms.ConflictActions;
import io.switchboard.ui.forms.ConflictPanel;
import io.switchboard.ui.forms.DateTexts;
import io.switchboard.ui.forms.EditorEvents;
import io.switchboard.ui.forms.EditorForm;
import io.switchboard.ui.forms.EditorHeader;
import io.switchboard.ui.forms.EnumLabels;
import io.switchboard.ui.forms.FieldTexts;
import io.switchboard.ui.forms.FormTables;
import io.switchboard.ui.forms.RecordEditing;

/**
 * One ticket, editable: its fields, the conversation (replies and internal notes are added here), the history of
 * changes and the classifier's suggestion with its confidence and the words that drove it. Changing the category
 * away from the suggestion and saving records a correction (the repository does that). A save never overwrites
 * someone else's change: when the store reports the ticket stale, both versions are shown side by side and the
 * agent reloads or overwrites on purpose.
 */
public class TicketEditorPart implements ConflictActions<Ticket> {

    static final int CUSTOMER_CHOICES = 15;
    static final int CUSTOMER_SEARCH_DELAY_MS = 200;

    @Inject
    TicketRepository repository;
    @Inject
    CustomerRepository customers;
    @Inject
    @Optional
    TicketClassifier classifier;
    @Inject
    @Optional
    Settings settings;
    @Inject
    MPart part;
    @Inject
    EPartService partService;
    @Inject
    IEventBroker broker;
    @Inject
    ECommandService commandService;
    @Inject
    EHandlerService handlerService;

    private EditorForm form;
    private Composite body;
    private EditorHeader header;
    private RecordEditing editing;
    private Button saveButton;
    private Button openCustomer;
    private ConflictPanel<Ticket> conflict;

    private Combo customer;
    private Label customerError;
    private Text subject;
    private Label subjectError;
    private Combo type;
    private Combo channel;
    private Combo status;
    private Combo priority;
    private Combo category;
    private Combo assignee;
    private Text tags;
    private Text due;
    private Label dueError;
    private Text ticketBody;

    private Label suggestedCategory;
    private ProgressBar confidenceBar;
    private Label confidenceText;
    private Label unsureMarker;
    private Label terms;
    private Label suggestionModel;
    private Button useSuggestion;

    private CTabFolder tabs;
    private TableViewer conversation;
    private Text reply;
    private Button sendReply;
    private Button addNote;
    private TableViewer history;

    private Ticket ticket;
    private List<CustomerSummary> customerChoices = List.of();
    private long customerId;
    private boolean filling;
    private boolean deleted;
    private final Runnable searchCustomers = this::searchCustomers;

    @PostConstruct
    void create(Composite parent) {
        form = new EditorForm(parent, 170, this::changed);
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(14, 12).spacing(0, 10).applyTo(body);

        header = new EditorHeader(body, form,
                new EditorHeader.Action(Messages.Editor_openCustomer, Messages.Editor_openCustomerTooltip,
                        SWT.DEFAULT, this::openCustomer),
                new EditorHeader.Action(Messages.Editor_save, Messages.Editor_saveTooltip, 110,
                        () -> partService.savePart(part, false)));
        openCustomer = header.button(0);
        saveButton = header.button(1);
        editing = new RecordEditing(part, partService, broker, header, TicketsUi.STATE_TICKET_ID);
        conflict = new ConflictPanel<>(body, form,
                new ConflictPanel.Texts(Messages.Conflict_field, Messages.Conflict_yours, Messages.Conflict_stored,
                        Messages.Conflict_changedByOthers, Messages.Conflict_reload, Messages.Conflict_reloadTooltip,
                        Messages.Conflict_overwrite, Messages.Conflict_overwriteTooltip),
                280, Snapshot::of, this::load, this::saveOver);

        SashForm sash = new SashForm(body, SWT.HORIZONTAL | SWT.SMOOTH);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createDetails(sash);
        Composite right = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 10).applyTo(right);
        createSuggestion(right);
        createTabs(right);
        sash.setWeights(45, 55);

        var id = editing.recordId();
        Ticket initial = id.flatMap(repository::find).orElseGet(Ticket::new);
        deleted = id.isPresent() && initial.getId() == null;
        load(initial);
    }

    private void createDetails(Composite parent) {
        Composite details = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(0, 4).spacing(8, 8).applyTo(details);

        form.section(details, Messages.Editor_details);
        form.caption(details, Messages.Field_customerRequired);
        customer = new Combo(details, SWT.DROP_DOWN);
        customer.setVisibleItemCount(CUSTOMER_CHOICES);
        customer.setToolTipText(Messages.Editor_customerHint);
        form.fieldCell(customer);
        customer.addListener(SWT.Modify, e -> {
            if (!filling) {
                customerId = customerFromText();
                changed();
                body.getDisplay().timerExec(-1, searchCustomers);
                body.getDisplay().timerExec(CUSTOMER_SEARCH_DELAY_MS, searchCustomers);
            }
        });
        customer.addListener(SWT.Selection, e -> {
            int index = customer.getSelectionIndex();
            if (index >= 0 && index < customerChoices.size()) {
                customerId = customerChoices.get(index).id();
                changed();
            }
        });
        customerError = form.problemLabel(details);

        subject = form.text(details, Messages.Field_subjectRequired, SWT.SINGLE);
        subjectError = form.problemLabel(details);
        type = form.choice(details, Messages.Field_type, Labels.TYPES.texts());
        form.spacer(details);
        channel = form.choice(details, Messages.Field_channel, Labels.CHANNELS.texts());
        form.spacer(details);
        status = form.choice(details, Messages.Field_status, Labels.STATUSES.texts());
        form.spacer(details);
        priority = form.choice(details, Messages.Field_priority, Labels.PRIORITIES.texts());
        form.spacer(details);
        form.caption(details, Messages.Field_category);
        category = new Combo(details, SWT.DROP_DOWN);
        category.setVisibleItemCount(20);
        form.fieldCell(category);
        category.addListener(SWT.Modify, e -> changed());
        form.spacer(details);
        form.caption(details, Messages.Field_assignee);
        assignee = new Combo(details, SWT.DROP_DOWN);
        form.fieldCell(assignee);
        assignee.addListener(SWT.Modify, e -> changed());
        form.spacer(details);
        tags = form.text(details, Messages.Field_tags, SWT.SINGLE);
        tags.setMessage(Messages.Editor_tagsHint);
        form.spacer(details);
        due = form.text(details, Messages.Field_due, SWT.SINGLE);
        due.setMessage(Messages.Editor_dueHint);
        dueError = form.problemLabel(details);

        Label bodyCaption = new Label(details, SWT.NONE);
        bodyCaption.setText(Messages.Field_body);
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 4).applyTo(bodyCaption);
        ticketBody = new Text(details, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(300, 120).applyTo(ticketBody);
        ticketBody.addListener(SWT.Modify, e -> changed());
    }

    private void createSuggestion(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(Messages.Suggestion_title);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(10, 8).spacing(8, 6).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);

        suggestedCategory = new Label(group, SWT.NONE);
        suggestedCategory.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(suggestedCategory);
        unsureMarker = new Label(group, SWT.NONE);
        unsureMarker.setText(Messages.Suggestion_unsure);
        unsureMarker.setToolTipText(Messages.Suggestion_unsureTooltip);
        unsureMarker.setForeground(form.color(new RGB(200, 100, 0)));
        unsureMarker.setFont(JFaceResources.getBannerFont());
        useSuggestion = new Button(group, SWT.PUSH);
        useSuggestion.setText(Messages.Suggestion_use);
        useSuggestion.setToolTipText(Messages.Suggestion_useTooltip);
        useSuggestion.addListener(SWT.Selection, e -> {
            if (ticket.getSuggestion() != null) {
                category.setText(ticket.getSuggestion().category());
            }
        });

        Composite confidence = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(8, 0).applyTo(confidence);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(confidence);
        Label confidenceCaption = new Label(confidence, SWT.NONE);
        confidenceCaption.setText(Messages.Suggestion_confidence);
        confidenceBar = new ProgressBar(confidence, SWT.HORIZONTAL | SWT.SMOOTH);
        confidenceBar.setMaximum(100);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(200, SWT.DEFAULT)
                .applyTo(confidenceBar);
        confidenceText = new Label(confidence, SWT.NONE);
        GridDataFactory.fillDefaults().hint(60, SWT.DEFAULT).applyTo(confidenceText);

        terms = new Label(group, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(300, SWT.DEFAULT).applyTo(terms);
        suggestionModel = new Label(group, SWT.NONE);
        suggestionModel.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(suggestionModel);
    }

    private void createTabs(Composite parent) {
        tabs = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
        tabs.setTabHeight(26);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);

        Composite conversationPage = FormTables.page(tabs, Messages.Editor_conversation);
        conversation = FormTables.table(conversationPage, 300, 120);
        FormTables.Columns<TicketMessage> messageColumns = FormTables.columns(conversation, TicketMessage.class);
        messageColumns.add(Messages.Column_when, 150, m -> DateTexts.shortDateTime(m.sentAt()));
        messageColumns.add(Messages.Column_direction, 90, m -> Labels.DIRECTIONS.text(m.direction()));
        messageColumns.add(Messages.Column_author, 110, TicketMessage::author);
        messageColumns.add(Messages.Column_message, 380, m -> oneLine(m.body()));
        conversation.getTable().addListener(SWT.MouseHover, e -> {
            var item = conversation.getTable().getItem(new Point(e.x, e.y));
            conversation.getTable().setToolTipText(item == null ? null : ((TicketMessage) item.getData()).body());
        });
        reply = new Text(conversationPage, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        reply.setMessage(Messages.Editor_replyHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, 60).applyTo(reply);
        reply.addListener(SWT.Modify, e -> updateMessageButtons());
        Composite buttons = new Composite(conversationPage, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(buttons);
        addNote = new Button(buttons, SWT.PUSH);
        addNote.setText(Messages.Editor_addNote);
        addNote.setToolTipText(Messages.Editor_addNoteTooltip);
        addNote.addListener(SWT.Selection, e -> addMessage(Direction.INTERNAL));
        sendReply = new Button(buttons, SWT.PUSH);
        sendReply.setText(Messages.Editor_addReply);
        sendReply.setToolTipText(Messages.Editor_addReplyTooltip);
        sendReply.addListener(SWT.Selection, e -> addMessage(Direction.OUTBOUND));

        Composite historyPage = FormTables.page(tabs, Messages.Editor_history);
        history = FormTables.table(historyPage, 300, 120);
        FormTables.Columns<TicketChange> changeColumns = FormTables.columns(history, TicketChange.class);
        changeColumns.add(Messages.Column_when, 150, c -> DateTexts.shortDateTime(c.changedAt()));
        changeColumns.add(Messages.Column_agent, 100, TicketChange::agent);
        changeColumns.add(Messages.Column_field, 100, c -> Labels.field(c.field()));
        changeColumns.add(Messages.Column_from, 150, c -> historyValue(c.field(), c.oldValue()));
        changeColumns.add(Messages.Column_to, 150, c -> historyValue(c.field(), c.newValue()));
        tabs.setSelection(0);
    }

    private static String historyValue(String field, String value) {
        if (value == null) {
            return "";
        }
        try {
            return switch (field) {
            case "status" -> Labels.STATUSES.text(TicketStatus.valueOf(value));
            case "priority" -> Labels.PRIORITIES.text(TicketPriority.valueOf(value));
            case "type" -> Labels.TYPES.text(TicketType.valueOf(value));
            default -> value;
            };
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private void changed() {
        if (filling) {
            return;
        }
        part.setDirty(true);
        validate();
    }

    /** Checks the form, shows what is wrong next to the field, and enables Save only when it can work. */
    private boolean validate() {
        List<String> errors = new ArrayList<>();
        EditorForm.showProblem(customerError, customerId > 0 ? null : Messages.Validation_customer, errors);
        EditorForm.showProblem(subjectError, subject.getText().isBlank() && ticketBody.getText().isBlank()
                ? Messages.Validation_subject : null, errors);
        String dueProblem = null;
        if (!due.getText().isBlank()) {
            try {
                LocalDate.parse(due.getText().trim());
            } catch (DateTimeParseException e) {
                dueProblem = Messages.Validation_due;
            }
        }
        EditorForm.showProblem(dueError, dueProblem, errors);
        boolean valid = errors.isEmpty() && !deleted;
        saveButton.setEnabled(valid && part.isDirty());
        return valid;
    }

    private void load(Ticket loadedTicket) {
        ticket = loadedTicket;
        filling = true;
        try {
            customerId = ticket.getCustomerId();
            customerChoices = List.of();
            customer.setItems();
            customer.setText(customerLabel(ticket.getCustomerId()));
            subject.setText(FieldTexts.orEmpty(ticket.getSubject()));
            ticketBody.setText(FieldTexts.orEmpty(ticket.getBody()));
            select(type, Labels.TYPES, ticket.getType());
            select(channel, Labels.CHANNELS, ticket.getChannel());
            select(status, Labels.STATUSES, ticket.getStatus());
            select(priority, Labels.PRIORITIES, ticket.getPriority());
            loadChoices();
            category.setText(FieldTexts.orEmpty(ticket.getCategory()));
            assignee.setText(FieldTexts.orEmpty(ticket.getAssignee()));
            tags.setText(String.join(", ", ticket.getTags()));
            due.setText(ticket.getDueAt() == null ? ""
                    : LocalDate.ofInstant(ticket.getDueAt(), ZoneId.systemDefault()).toString());
        } finally {
            filling = false;
        }
        showSuggestion(ticket.getSuggestion());
        loadConversationAndHistory();
        updateHeader();
        conflict.loaded(loadedTicket);
        part.setDirty(false);
        validate();
        updateMessageButtons();
        if (ticket.getId() == null && !deleted) {
            customer.setFocus();
        }
    }

    private static <E extends Enum<E>> void select(Combo combo, EnumLabels<E> labels, E value) {
        combo.select(Math.max(0, labels.indexOf(value)));
    }

    /** Categories the store uses and the active model knows; assignees the store has. */
    private void loadChoices() {
        TreeSet<String> categories = new TreeSet<>(repository.categories());
        if (classifier != null) {
            try {
                classifier.activeModel().map(ModelInfo::categories).ifPresent(categories::addAll);
            } catch (ClassifierException e) {
                // only fewer choices; the agent can still type a category
            }
        }
        String currentCategory = category.getText();
        category.setItems(categories.toArray(String[]::new));
        category.setText(currentCategory);
        String currentAssignee = assignee.getText();
        assignee.setItems(repository.assignees().toArray(String[]::new));
        assignee.setText(currentAssignee);
    }

    private String customerLabel(long id) {
        if (id <= 0) {
            return "";
        }
        return customers.find(id).map(c -> label(c.getName(), c.getId())).orElse("#" + id);
    }

    private static String label(String name, Long id) {
        return name + "  #" + id;
    }

    /** The customer id at the end of what the combo shows ("Name  #42"), or 0. */
    private long customerFromText() {
        String text = customer.getText().trim();
        int hash = text.lastIndexOf('#');
        if (hash >= 0) {
            try {
                long id = Long.parseLong(text.substring(hash + 1).trim());
                return customers.find(id).isPresent() ? id : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private void searchCustomers() {
        if (customer.isDisposed() || customerId > 0) {
            return;
        }
        String text = customer.getText().trim();
        if (text.isEmpty()) {
            return;
        }
        customerChoices = customers.list(CustomerQuery.ALL.withText(text).page(0, CUSTOMER_CHOICES));
        String typed = customer.getText();
        Point selection = customer.getSelection();
        filling = true;
        try {
            customer.setItems(customerChoices.stream().map(c -> label(c.name(), c.id())).toArray(String[]::new));
            customer.setText(typed);
            customer.setSelection(selection);
        } finally {
            filling = false;
        }
        // The list is not dropped open here: on GTK that takes the keyboard from the agent who is still typing.
    }

    private void showSuggestion(Suggestion suggestion) {
        boolean present = suggestion != null;
        suggestedCategory.setText(present ? suggestion.category() : Messages.Suggestion_none);
        confidenceBar.setSelection(present ? (int) Math.round(suggestion.confidence() * 100) : 0);
        confidenceBar.setState(present && suggestion.unsure() ? SWT.PAUSED : SWT.NORMAL);
        confidenceText.setText(present ? String.format("%.0f %%", suggestion.confidence() * 100) : "");
        unsureMarker.setVisible(present && suggestion.unsure());
        useSuggestion.setEnabled(present);
        terms.setText(present && !suggestion.terms().isEmpty()
                ? NLS.bind(Messages.Suggestion_terms, String.join(", ", suggestion.terms()))
                : present ? Messages.Suggestion_noTerms : Messages.Suggestion_noneHint);
        suggestionModel.setText(present ? NLS.bind(Messages.Suggestion_model, suggestion.modelVersion(),
                DateTexts.dateTime(suggestion.at())) : "");
        suggestedCategory.getParent().layout(true, true);
    }

    private void loadConversationAndHistory() {
        if (ticket.getId() == null) {
            conversation.setInput(List.of());
            history.setInput(List.of());
        } else {
            conversation.setInput(repository.conversation(ticket.getId()));
            history.setInput(repository.history(ticket.getId()));
        }
        tabs.getItem(0).setText(NLS.bind(Messages.Editor_conversationCount, conversation.getTable().getItemCount()));
        tabs.getItem(1).setText(NLS.bind(Messages.Editor_historyCount, history.getTable().getItemCount()));
    }

    private void updateHeader() {
        boolean isNew = ticket.getId() == null;
        String heading = isNew ? Messages.Editor_newTicket : FieldTexts.orEmpty(ticket.getSubject());
        String state = deleted ? Messages.Editor_deleted
                : isNew ? Messages.Editor_newHint
                        : NLS.bind(Messages.Editor_subtitle, new Object[] { ticket.getId(),
                                DateTexts.dateTime(ticket.getCreatedAt()), DateTexts.dateTime(ticket.getUpdatedAt()) });
        openCustomer.setEnabled(customerId > 0);
        header.show(heading, state);
        part.setLabel(isNew ? Messages.Editor_newTicket : "#" + ticket.getId() + " " + abbreviate(heading));
        part.setTooltip(heading);
    }

    private static String abbreviate(String text) {
        return text.length() <= 30 ? text : text.substring(0, 29) + "\u2026";
    }

    private void updateMessageButtons() {
        boolean can = ticket != null && ticket.getId() != null && !deleted && !reply.getText().isBlank();
        sendReply.setEnabled(can);
        addNote.setEnabled(can);
    }

    /** Writes the form into the ticket being edited. */
    private void applyForm() {
        ticket.setCustomerId(customerId);
        ticket.setSubject(FieldTexts.trimmedOrNull(subject.getText()));
        ticket.setBody(FieldTexts.trimmedOrNull(ticketBody.getText()));
        ticket.setType(Labels.TYPES.selected(type.getSelectionIndex()));
        ticket.setChannel(Labels.CHANNELS.selected(channel.getSelectionIndex()));
        ticket.setStatus(Labels.STATUSES.selected(status.getSelectionIndex()));
        ticket.setPriority(Labels.PRIORITIES.selected(priority.getSelectionIndex()));
        ticket.setCategory(FieldTexts.trimmedOrNull(category.getText()));
        ticket.setAssignee(FieldTexts.trimmedOrNull(assignee.getText()));
        ticket.setTags(FieldTexts.tags(tags.getText()));
        ticket.setDueAt(due.getText().isBlank() ? null
                : LocalDate.parse(due.getText().trim()).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** Who the history names for changes made here: the agent's name from the settings, else the account. */
    public String agent() {
        String fallback = System.getProperty("user.name", "agent");
        return settings == null ? fallback : settings.get(TicketsUi.AGENT_SETTING, fallback);
    }

    /**
     * Saves, or shows why not. Called by the Save command and the Save button.
     *
     * @return whether the ticket was stored
     */
    @Persist
    public boolean save() {
        if (!validate()) {
            return false;
        }
        applyForm();
        boolean created = ticket.getId() == null;
        try {
            Ticket saved = created ? repository.create(ticket, agent()) : repository.save(ticket, agent());
            load(saved);
            editing.saved(created, saved.getId(),
                    NLS.bind(created ? Messages.Editor_created : Messages.Editor_saved, saved.getId()));
            return true;
        } catch (StaleTicketException e) {
            showConflict(e.current());
            return false;
        } catch (RuntimeException e) {
            editing.saveFailed(e, Messages.Editor_rejected, Messages.Editor_saveFailed);
            return false;
        }
    }

    private void addMessage(Direction direction) {
        if (ticket.getId() == null || reply.getText().isBlank()) {
            return;
        }
        try {
            repository.addMessage(new TicketMessage(null, ticket.getId(), direction, agent(), Instant.now(),
                    reply.getText().strip()));
            reply.setText("");
            loadConversationAndHistory();
            editing.showStatus(
                    direction == Direction.INTERNAL ? Messages.Editor_noteAdded : Messages.Editor_replyAdded);
        } catch (RuntimeException e) {
            header.showProblem(NLS.bind(Messages.Editor_messageFailed, e.getMessage()));
        }
    }

    private void openCustomer() {
        if (customerId <= 0) {
            return;
        }
        ParameterizedCommand command = commandService.createCommand(CustomersUi.COMMAND_OPEN,
                Map.of(CustomersUi.PARAMETER_CUSTOMER_ID, Long.toString(customerId)));
        if (command != null && handlerService.canExecute(command)) {
            handlerService.executeHandler(command);
        }
    }

    private void showConflict(Ticket stored) {
        conflict.show(ticket, stored, NLS.bind(Messages.Conflict_message, stored.getId(),
                DateTexts.dateTime(stored.getUpdatedAt())));
        editing.showStatus(NLS.bind(Messages.Conflict_status, stored.getId()));
    }

    private boolean saveOver(Ticket stored) {
        ticket.setVersion(stored.getVersion());
        return save();
    }

    @Inject
    @Optional
    void ticketUpdated(@UIEventTopic(SwitchboardTopics.TICKET_UPDATED) Event event) {
        if (!isAbout(event) || body == null || body.isDisposed()) {
            return;
        }
        if (part.isDirty()) {
            // Unsaved edits stay; saving reports the conflict. The conversation and history are read-only here.
            loadConversationAndHistory();
            return;
        }
        repository.find(ticket.getId()).ifPresent(t -> {
            if (t.getVersion() != ticket.getVersion()) {
                load(t);
            } else {
                loadConversationAndHistory();
            }
        });
    }

    @Inject
    @Optional
    void ticketDeleted(@UIEventTopic(SwitchboardTopics.TICKET_DELETED) Event event) {
        if (!isAbout(event) || body == null || body.isDisposed()) {
            return;
        }
        deleted = true;
        if (editing.staysOpenAfterDelete()) {
            updateHeader();
            validate();
            updateMessageButtons();
        }
    }

    @Inject
    @Optional
    void modelActivated(@UIEventTopic(SwitchboardTopics.CLASSIFIER_MODEL_ACTIVATED) Event event) {
        if (body != null && !body.isDisposed()) {
            boolean wasFilling = filling;
            filling = true;
            try {
                loadChoices();
            } finally {
                filling = wasFilling;
            }
        }
    }

    private boolean isAbout(Event event) {
        return ticket != null && EditorEvents.concerns(event, ticket.getId());
    }

    @Focus
    void focus() {
        if (ticket != null && ticket.getId() == null) {
            customer.setFocus();
        } else {
            subject.setFocus();
        }
    }

    // For the Save handler and tests.

    public boolean canSave() {
        return part.isDirty() && validate();
    }

    public Ticket ticket() {
        return ticket;
    }

    @Override
    public ConflictPanel<Ticket> conflict() {
        return conflict;
    }

    public Combo customerField() {
        return customer;
    }

    public Text subjectField() {
        return subject;
    }

    public Text bodyField() {
        return ticketBody;
    }

    public Combo categoryField() {
        return category;
    }

    public Combo statusField() {
        return status;
    }

    public Combo priorityField() {
        return priority;
    }

    public Combo assigneeField() {
        return assignee;
    }

    public Button saveButton() {
        return saveButton;
    }

    public Label suggestedCategoryLabel() {
        return suggestedCategory;
    }

    public ProgressBar confidenceBar() {
        return confidenceBar;
    }

    public Label unsureMarker() {
        return unsureMarker;
    }

    public Label termsLabel() {
        return terms;
    }

    public Text replyField() {
        return reply;
    }

    public Button addReplyButton() {
        return sendReply;
    }

    public Button addNoteButton() {
        return addNote;
    }

    public Table conversationTable() {
        return conversation.getTable();
    }

    public Table historyTable() {
        return history.getTable();
    }

    public CTabFolder tabs() {
        return tabs;
    }
}
