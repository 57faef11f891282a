package io.switchboard.chat.ui.internal.parts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.osgi.service.event.Event;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.ConversationTakenException;
import io.switchboard.chat.ui.internal.Agents;
import io.switchboard.chat.ui.internal.Messages;
import io.switchboard.chat.ui.internal.dialogs.CustomerPickerDialog;
import io.switchboard.chat.ui.internal.jobs.ChatJob;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.tickets.ui.TicketsUi;
import io.switchboard.ui.jobs.UiJob;
import io.switchboard.ui.lists.Debounce;

/**
 * The agents' chat console: the conversations grouped as bot-handled, waiting for an agent (longest waiting first,
 * with how long) and with an agent; the selected one's transcript, the bot's suggestions, an input box, and the
 * actions take over, hand back, close, link to a customer and create a ticket. Chat events refresh it without a
 * reload; every call to the chat service runs in a job, one after another in the order the agent acted.
 */
public class ChatConsolePart {

    /** Conversations listed per group. */
    static final int LIST_LIMIT = 200;
    /** Suggestions shown under the transcript. */
    static final int SUGGESTIONS = 3;
    /** How often the waiting times are brought up to date. */
    static final int WAITING_TICK_MS = 30_000;
    static final ConversationState[] GROUPS = { ConversationState.WAITING, ConversationState.AGENT,
            ConversationState.BOT };

    @Inject
    ChatService chat;
    @Inject
    Settings settings;
    @Inject
    @Optional
    CustomerRepository customers;
    @Inject
    IEventBroker broker;
    @Inject
    MApplication application;

    /** One after another: the agent's actions reach the service in the order they were made. */
    private final ISchedulingRule serial = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private Display display;
    private LocalResourceManager resources;
    private Tree tree;
    private final Map<ConversationState, TreeItem> groups = new EnumMap<>(ConversationState.class);
    private Label title;
    private Label subtitle;
    private Label problem;
    private Button takeOver;
    private Button handBack;
    private Button close;
    private Button link;
    private Button createTicket;
    private Button openTicket;
    private StyledText transcript;
    private Composite suggestionsBox;
    private Label suggestionsTitle;
    private final List<Button> suggestionSends = new ArrayList<>();
    private final List<Button> suggestionEdits = new ArrayList<>();
    private final List<Label> suggestionTexts = new ArrayList<>();
    private Text input;
    private Button send;
    private Color botColor;
    private Color agentColor;
    private Color customerColor;
    private Color systemColor;
    private Font bold;

    private Debounce reloadList;
    private Debounce reloadSelected;
    private int pending;
    private Map<ConversationState, List<Conversation>> listed = new EnumMap<>(ConversationState.class);
    private Map<ConversationState, Long> counts = new EnumMap<>(ConversationState.class);
    private Long selectedId;
    private Conversation selected;
    private List<ChatMessage> messages = List.of();
    private List<BotAnswer> suggestions = List.of();
    private String customerName;
    private int selectionGeneration;
    private final Runnable tick = this::tick;

    @PostConstruct
    void create(Composite parent) {
        display = parent.getDisplay();
        resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        botColor = resources.create(ColorDescriptor.createFrom(new RGB(0x1f, 0x6f, 0xb2)));
        agentColor = resources.create(ColorDescriptor.createFrom(new RGB(0x2e, 0x7d, 0x32)));
        customerColor = resources
                .create(ColorDescriptor.createFrom(new RGB(0x6a, 0x1b, 0x9a)));
        systemColor = resources.create(ColorDescriptor.createFrom(new RGB(0x75, 0x75, 0x75)));
        bold = resources.create(FontDescriptor.createFrom(JFaceResources.getDefaultFont()).setStyle(SWT.BOLD));

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        createList(sash);
        createConversation(sash);
        sash.setWeights(40, 60);

        reloadList = new Debounce(display, this::loadList);
        reloadSelected = new Debounce(display, this::loadSelected);
        showConversation();
        loadList();
        display.timerExec(WAITING_TICK_MS, tick);
    }

    private void createList(Composite parent) {
        Composite left = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(0, 6).applyTo(left);
        Label heading = new Label(left, SWT.NONE);
        heading.setText(Messages.Console_conversations);
        heading.setFont(bold);
        tree = new Tree(left, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        column(Messages.Column_conversation, 250);
        column(Messages.Column_time, 110);
        column(Messages.Column_preview, 260);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tree);
        for (ConversationState state : GROUPS) {
            TreeItem group = new TreeItem(tree, SWT.NONE);
            group.setFont(0, bold);
            groups.put(state, group);
            listed.put(state, List.of());
            counts.put(state, 0L);
        }
        updateGroupTexts();
        tree.addListener(SWT.Selection, e -> {
            Object data = e.item == null ? null : e.item.getData();
            if (data instanceof Conversation conversation) {
                select(conversation.id());
            }
        });
    }

    private void column(String text, int width) {
        TreeColumn column = new TreeColumn(tree, SWT.LEFT);
        column.setText(text);
        column.setWidth(width);
    }

    private void createConversation(Composite parent) {
        Composite right = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(10, 8).spacing(0, 6).applyTo(right);

        title = new Label(right, SWT.NONE);
        title.setFont(resources.create(FontDescriptor.createFrom(JFaceResources.getHeaderFont()).setHeight(14)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        subtitle = new Label(right, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(subtitle);
        problem = new Label(right, SWT.WRAP);
        problem.setForeground(display.getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(problem);
        problem.setVisible(false);

        Composite actions = new Composite(right, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).spacing(6, 0).applyTo(actions);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        takeOver = button(actions, Messages.Action_takeOver, Messages.Action_takeOverTooltip, this::takeOver);
        handBack = button(actions, Messages.Action_handBack, Messages.Action_handBackTooltip, this::handBack);
        close = button(actions, Messages.Action_close, Messages.Action_closeTooltip, this::closeConversation);
        link = button(actions, Messages.Action_link, Messages.Action_linkTooltip, this::linkCustomer);
        createTicket = button(actions, Messages.Action_createTicket, Messages.Action_createTicketTooltip,
                this::createTicket);
        openTicket = button(actions, Messages.Action_openTicket, Messages.Action_openTicketTooltip, this::openTicket);

        // Plain text, never markup: a message with HTML shows its tags as the customer typed them.
        transcript = new StyledText(right, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
        transcript.setMargins(8, 6, 8, 6);
        transcript.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 200).applyTo(transcript);

        suggestionsBox = new Composite(right, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(6, 4).applyTo(suggestionsBox);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(suggestionsBox);
        suggestionsTitle = new Label(suggestionsBox, SWT.NONE);
        suggestionsTitle.setText(Messages.Suggestions_title);
        suggestionsTitle.setFont(bold);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(suggestionsTitle);
        for (int i = 0; i < SUGGESTIONS; i++) {
            int index = i;
            // The buttons first, right beside the answer they send; the answer takes the rest of the line.
            suggestionSends.add(button(suggestionsBox, Messages.Suggestions_send, Messages.Suggestions_sendTooltip,
                    () -> sendSuggestion(index)));
            suggestionEdits.add(button(suggestionsBox, Messages.Suggestions_edit, Messages.Suggestions_editTooltip,
                    () -> editSuggestion(index)));
            Label text = new Label(suggestionsBox, SWT.WRAP);
            GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(300, SWT.DEFAULT)
                    .applyTo(text);
            suggestionTexts.add(text);
        }

        Composite compose = new Composite(right, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(6, 0).applyTo(compose);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(compose);
        input = new Text(compose, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        input.setMessage(Messages.Input_hint);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 64).applyTo(input);
        input.addListener(SWT.Modify, e -> updateActions());
        input.addListener(SWT.KeyDown, e -> {
            if ((e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) && (e.stateMask & SWT.MOD1) != 0) {
                e.doit = false;
                sendTyped();
            }
        });
        // Ctrl+Enter must not leave a line break behind in the box it just emptied.
        input.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN && (e.stateMask & SWT.MOD1) != 0) {
                e.doit = false;
            }
        });
        send = new Button(compose, SWT.PUSH);
        send.setText(Messages.Input_send);
        send.setToolTipText(Messages.Input_sendTooltip);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.FILL).hint(Math.max(90, send.computeSize(SWT.DEFAULT,
                SWT.DEFAULT).x), SWT.DEFAULT).applyTo(send);
        send.addListener(SWT.Selection, e -> sendTyped());
    }

    private Button button(Composite parent, String text, String tooltip, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        GridDataFactory.fillDefaults().hint(Math.max(80, button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x), SWT.DEFAULT)
                .applyTo(button);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    // Loading

    /** Every group's conversations and counts, in one job. */
    private void loadList() {
        run(Messages.Job_list, () -> {
            Map<ConversationState, List<Conversation>> lists = new EnumMap<>(ConversationState.class);
            Map<ConversationState, Long> numbers = new EnumMap<>(ConversationState.class);
            for (ConversationState state : GROUPS) {
                lists.put(state, chat.list(state, LIST_LIMIT));
                numbers.put(state, chat.count(state));
            }
            return new Object[] { lists, numbers };
        }, result -> {
            @SuppressWarnings("unchecked")
            Map<ConversationState, List<Conversation>> lists = (Map<ConversationState, List<Conversation>>) result[0];
            @SuppressWarnings("unchecked")
            Map<ConversationState, Long> numbers = (Map<ConversationState, Long>) result[1];
            listed = lists;
            counts = numbers;
            fillTree();
        });
    }

    private void fillTree() {
        if (tree.isDisposed()) {
            return;
        }
        Set<ConversationState> collapsed = new HashSet<>();
        for (ConversationState state : GROUPS) {
            TreeItem group = groups.get(state);
            if (group.getItemCount() > 0 && !group.getExpanded()) {
                collapsed.add(state);
            }
        }
        TreeItem selection = null;
        for (ConversationState state : GROUPS) {
            TreeItem group = groups.get(state);
            List<Conversation> conversations = listed.get(state);
            while (group.getItemCount() > conversations.size()) {
                group.getItem(group.getItemCount() - 1).dispose();
            }
            for (int i = 0; i < conversations.size(); i++) {
                TreeItem item = i < group.getItemCount() ? group.getItem(i) : new TreeItem(group, SWT.NONE);
                Conversation conversation = conversations.get(i);
                item.setData(conversation);
                item.setText(cells(conversation));
                if (selectedId != null && conversation.id() == selectedId) {
                    selection = item;
                }
            }
            group.setExpanded(!collapsed.contains(state));
        }
        updateGroupTexts();
        if (selection != null) {
            tree.setSelection(selection);
        } else {
            tree.deselectAll();
        }
    }

    private void updateGroupTexts() {
        groups.get(ConversationState.WAITING)
                .setText(NLS.bind(Messages.Group_waiting, counts.getOrDefault(ConversationState.WAITING, 0L)));
        groups.get(ConversationState.AGENT)
                .setText(NLS.bind(Messages.Group_agent, counts.getOrDefault(ConversationState.AGENT, 0L)));
        groups.get(ConversationState.BOT)
                .setText(NLS.bind(Messages.Group_bot, counts.getOrDefault(ConversationState.BOT, 0L)));
    }

    /** Who, when (how long it waits, or its last message) and the last message. */
    String[] cells(Conversation conversation) {
        String who = Labels.who(conversation);
        String when = conversation.state() == ConversationState.WAITING && conversation.waitingSince() != null
                ? Labels.waitingFor(conversation.waitingSince(), Instant.now())
                : Labels.time(conversation.lastMessageAt());
        String preview = conversation.preview() == null ? "" : conversation.preview().replaceAll("\\s+", " ");
        return new String[] { who, when, preview };
    }

    private void select(long conversationId) {
        if (selectedId != null && selectedId == conversationId) {
            return;
        }
        selectedId = conversationId;
        selected = null;
        messages = List.of();
        suggestions = List.of();
        customerName = null;
        input.setText("");
        showProblem(null);
        showConversation();
        loadSelected();
    }

    private record Loaded(Conversation conversation, List<ChatMessage> messages, List<BotAnswer> suggestions,
            String customerName) {
    }

    /** The selected conversation, its transcript and the bot's suggestions, in one job. */
    private void loadSelected() {
        Long id = selectedId;
        if (id == null) {
            return;
        }
        int generation = ++selectionGeneration;
        run(Messages.Job_conversation, () -> {
            Conversation conversation = chat.find(id).orElse(null);
            if (conversation == null) {
                return new Loaded(null, List.of(), List.of(), null);
            }
            List<ChatMessage> transcriptNow = chat.transcript(id);
            List<BotAnswer> answers = conversation.state() == ConversationState.CLOSED ? List.of()
                    : chat.suggestions(id, SUGGESTIONS);
            String name = null;
            if (conversation.customerId() != null && customers != null) {
                name = customers.find(conversation.customerId()).map(Customer::getName).orElse(null);
            }
            return new Loaded(conversation, transcriptNow, answers, name);
        }, loaded -> {
            if (generation != selectionGeneration || !id.equals(selectedId)) {
                return;
            }
            selected = loaded.conversation();
            messages = loaded.messages();
            suggestions = loaded.suggestions();
            customerName = loaded.customerName();
            showConversation();
        });
    }

    private void showConversation() {
        if (title.isDisposed()) {
            return;
        }
        if (selected == null) {
            title.setText(selectedId == null ? Messages.Console_noSelection : Messages.Console_loading);
            subtitle.setText(selectedId == null ? Messages.Console_noSelectionHint : "");
            transcript.setText("");
        } else {
            title.setText(Labels.who(selected));
            subtitle.setText(Labels.describe(selected, customerName, Agents.current(settings)));
            showTranscript();
        }
        showSuggestions();
        updateActions();
        // GTK keeps a label's allocation from its old text when its bounds do not change (see the status line);
        // a moment at zero width makes the layout hand the bounds out again.
        title.setSize(0, title.getSize().y);
        subtitle.setSize(0, subtitle.getSize().y);
        title.getParent().layout(true, true);
    }

    private void showTranscript() {
        StringBuilder text = new StringBuilder();
        List<StyleRange> styles = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            String header = Labels.sender(message) + "  \u00b7  " + Labels.time(message.sentAt());
            StyleRange style = new StyleRange(text.length(), header.length(), color(message.sender()), null);
            style.font = bold;
            styles.add(style);
            text.append(header).append('\n');
            text.append(message.text());
        }
        transcript.setText(text.toString());
        transcript.setStyleRanges(styles.toArray(StyleRange[]::new));
        transcript.setTopIndex(Math.max(0, transcript.getLineCount() - 1));
    }

    private Color color(ChatMessage.Sender sender) {
        return switch (sender) {
        case BOT -> botColor;
        case AGENT -> agentColor;
        case CUSTOMER -> customerColor;
        case SYSTEM -> systemColor;
        };
    }

    private void showSuggestions() {
        boolean open = selected != null && selected.state() != ConversationState.CLOSED;
        for (int i = 0; i < SUGGESTIONS; i++) {
            BotAnswer answer = open && i < suggestions.size() ? suggestions.get(i) : null;
            boolean shown = answer != null;
            suggestionTexts.get(i).setText(shown
                    ? NLS.bind(Messages.Suggestions_item, answer.text(), Math.round(answer.confidence() * 100))
                    : "");
            suggestionTexts.get(i).setToolTipText(shown ? answer.text() : null);
            for (var control : List.of(suggestionTexts.get(i), suggestionSends.get(i), suggestionEdits.get(i))) {
                control.setVisible(shown);
                ((GridData) control.getLayoutData()).exclude = !shown;
            }
        }
        suggestionsTitle.setText(open && suggestions.isEmpty() ? Messages.Suggestions_none : Messages.Suggestions_title);
        suggestionsTitle.setVisible(selected != null && selected.state() != ConversationState.CLOSED);
    }

    private void updateActions() {
        if (send.isDisposed()) {
            return;
        }
        String me = Agents.current(settings);
        boolean present = selected != null;
        ConversationState state = present ? selected.state() : null;
        boolean open = present && state != ConversationState.CLOSED;
        boolean mine = present && state == ConversationState.AGENT && me.equals(selected.agent());
        takeOver.setEnabled(open && !mine);
        handBack.setEnabled(present && state == ConversationState.AGENT);
        close.setEnabled(open);
        link.setEnabled(present && customers != null);
        link.setText(present && selected.customerId() != null ? Messages.Action_relink : Messages.Action_link);
        createTicket.setEnabled(present && selected.customerId() != null && selected.ticketId() == null);
        createTicket.setToolTipText(present && selected.customerId() == null ? Messages.Action_createTicketNeedsCustomer
                : Messages.Action_createTicketTooltip);
        openTicket.setEnabled(present && selected.ticketId() != null);
        openTicket.setText(present && selected.ticketId() != null
                ? NLS.bind(Messages.Action_openTicketNumber, selected.ticketId())
                : Messages.Action_openTicket);
        input.setEnabled(open);
        send.setEnabled(open && !input.getText().isBlank());
        for (Button button : suggestionSends) {
            button.setEnabled(open);
        }
        for (Button button : suggestionEdits) {
            button.setEnabled(open);
        }
        takeOver.getParent().layout(true);
    }

    // Actions

    private void takeOver() {
        act(Messages.Job_takeOver, id -> chat.takeOver(id, Agents.current(settings)), Messages.Done_takenOver);
    }

    private void handBack() {
        act(Messages.Job_handBack, id -> chat.handBack(id, Agents.current(settings)), Messages.Done_handedBack);
    }

    private void closeConversation() {
        act(Messages.Job_close, id -> chat.close(id), Messages.Done_closed);
    }

    private void sendTyped() {
        String text = input.getText().strip();
        if (selected == null || text.isEmpty() || selected.state() == ConversationState.CLOSED) {
            return;
        }
        input.setText("");
        say(text, () -> {
            // Not sent: the agent keeps what was typed.
            if (input.getText().isEmpty()) {
                input.setText(text);
            }
        });
    }

    private void sendSuggestion(int index) {
        if (index < suggestions.size() && selected != null) {
            say(suggestions.get(index).text(), () -> {
            });
        }
    }

    private void editSuggestion(int index) {
        if (index < suggestions.size()) {
            input.setText(suggestions.get(index).text());
            input.setFocus();
            input.setSelection(input.getText().length());
        }
    }

    private void say(String text, Runnable notSent) {
        long id = selected.id();
        String agent = Agents.current(settings);
        run(Messages.Job_send, () -> chat.agentSays(id, agent, text), message -> {
            showProblem(null);
            reloadSelected.runNow();
            reloadList.trigger(50);
        }, error -> {
            notSent.run();
            failed(error);
        });
    }

    @FunctionalInterface
    private interface Change {
        Conversation apply(long conversationId) throws Exception;
    }

    private void act(String jobName, Change change, String done) {
        if (selected == null) {
            return;
        }
        long id = selected.id();
        run(jobName, () -> change.apply(id), conversation -> {
            showProblem(null);
            status(NLS.bind(done, Labels.who(conversation)));
            reloadSelected.runNow();
            reloadList.runNow();
        });
    }

    private void linkCustomer() {
        if (selected == null || customers == null) {
            return;
        }
        long id = selected.id();
        CustomerPickerDialog dialog = new CustomerPickerDialog(tree.getShell(), customers, selected.handle());
        if (dialog.open() != Window.OK || dialog.chosen() == null) {
            return;
        }
        long customerId = dialog.chosen().id();
        String name = dialog.chosen().name();
        run(Messages.Job_link, () -> chat.linkCustomer(id, customerId), conversation -> {
            showProblem(null);
            status(NLS.bind(Messages.Done_linked, Labels.who(conversation), name));
            reloadSelected.runNow();
            reloadList.runNow();
        });
    }

    private void createTicket() {
        if (selected == null) {
            return;
        }
        long id = selected.id();
        String agent = Agents.current(settings);
        run(Messages.Job_ticket, () -> chat.toTicket(id, agent), ticketId -> {
            showProblem(null);
            status(NLS.bind(Messages.Done_ticket, ticketId));
            reloadSelected.runNow();
        });
    }

    private void openTicket() {
        if (selected == null || selected.ticketId() == null) {
            return;
        }
        var context = application.getContext();
        ECommandService commands = context.get(ECommandService.class);
        EHandlerService handlers = context.get(EHandlerService.class);
        ParameterizedCommand command = commands.createCommand(TicketsUi.COMMAND_OPEN,
                Map.of(TicketsUi.PARAMETER_TICKET_ID, selected.ticketId().toString()));
        if (command != null && handlers.canExecute(command)) {
            handlers.executeHandler(command);
        } else {
            showProblem(Messages.Action_openTicketUnavailable);
        }
    }

    // Events

    /** A conversation started, changed or got a message: the list follows, and so does the one on screen. */
    @Inject
    @Optional
    void chatChanged(@UIEventTopic(SwitchboardTopics.CHAT_ALL) Event event) {
        if (reloadList == null || tree == null || tree.isDisposed()) {
            return;
        }
        reloadList.trigger(100);
        Object id = event.getProperty(SwitchboardTopics.PROPERTY_ID);
        if (selectedId != null && id != null && String.valueOf(selectedId).equals(String.valueOf(id))) {
            reloadSelected.trigger(50);
        }
    }

    /** The waiting times move on even when nothing happens. */
    private void tick() {
        if (tree.isDisposed()) {
            return;
        }
        for (TreeItem item : groups.get(ConversationState.WAITING).getItems()) {
            if (item.getData() instanceof Conversation conversation) {
                item.setText(cells(conversation));
            }
        }
        display.timerExec(WAITING_TICK_MS, tick);
    }

    // Jobs

    private <T> void run(String name, Callable<T> work, Consumer<T> done) {
        run(name, work, done, this::failed);
    }

    private <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        pending++;
        UiJob<T> job = ChatJob.of(name, display, work, result -> {
            pending--;
            if (!tree.isDisposed()) {
                done.accept(result);
            }
        }, error -> {
            pending--;
            if (!tree.isDisposed()) {
                failed.accept(error);
            }
        });
        job.setRule(serial);
        job.schedule();
    }

    private void failed(Exception error) {
        String text;
        if (error instanceof ConversationTakenException taken) {
            text = NLS.bind(Messages.Problem_taken, taken.getAgent());
        } else {
            text = NLS.bind(Messages.Problem_failed, error.getMessage() == null ? error.toString() : error.getMessage());
        }
        showProblem(text);
        status(text);
        reloadSelected.trigger(10);
        reloadList.trigger(10);
    }

    private void showProblem(String text) {
        if (problem.isDisposed()) {
            return;
        }
        boolean shown = text != null;
        problem.setText(shown ? text : "");
        problem.setVisible(shown);
        ((GridData) problem.getLayoutData()).exclude = !shown;
        problem.getParent().layout(true, true);
    }

    private void status(String text) {
        broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, text));
    }

    @Focus
    void focus() {
        if (selected != null && input.isEnabled()) {
            input.setFocus();
        } else {
            tree.setFocus();
        }
    }

    @PreDestroy
    void dispose() {
        if (display != null && !display.isDisposed()) {
            display.timerExec(-1, tick);
        }
        resources.dispose();
    }

    // For tests.

    /** No job running, none about to run, and nothing waiting for the UI thread. */
    public boolean isSettled() {
        return pending == 0;
    }

    public Tree tree() {
        return tree;
    }

    /** The group of one state: its items are the conversations in the order shown. */
    public TreeItem group(ConversationState state) {
        return groups.get(state);
    }

    public Conversation selected() {
        return selected;
    }

    /** Selects the conversation as a click on its row does. */
    public void select(Conversation conversation) {
        for (TreeItem group : groups.values()) {
            for (TreeItem item : group.getItems()) {
                if (item.getData() instanceof Conversation c && c.id() == conversation.id()) {
                    tree.setSelection(item);
                }
            }
        }
        select(conversation.id());
    }

    public StyledText transcript() {
        return transcript;
    }

    public List<ChatMessage> messages() {
        return messages;
    }

    public List<BotAnswer> suggestions() {
        return suggestions;
    }

    public Text input() {
        return input;
    }

    public Button sendButton() {
        return send;
    }

    public Button suggestionSendButton(int index) {
        return suggestionSends.get(index);
    }

    public Button suggestionEditButton(int index) {
        return suggestionEdits.get(index);
    }

    public Button takeOverButton() {
        return takeOver;
    }

    public Button handBackButton() {
        return handBack;
    }

    public Button closeButton() {
        return close;
    }

    public Button linkButton() {
        return link;
    }

    public Button createTicketButton() {
        return createTicket;
    }

    public Button openTicketButton() {
        return openTicket;
    }

    public Label titleLabel() {
        return title;
    }

    public Label subtitleLabel() {
        return subtitle;
    }

    public Label problemLabel() {
        return problem;
    }
}
