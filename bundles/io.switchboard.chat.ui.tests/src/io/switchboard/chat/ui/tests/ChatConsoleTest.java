package io.switchboard.chat.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.switchboard.app.testing.Dialogs.withDialog;
import static io.switchboard.app.testing.Widgets.press;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.bindings.EBindingService;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.switchboard.app.AppIds;
import io.switchboard.app.PreferencePageContribution;
import io.switchboard.app.testing.Commands;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.app.testing.Screenshots;
import io.switchboard.app.testing.Widgets;
import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.ui.ChatUi;
import io.switchboard.chat.ui.internal.ChatPreferencePage;
import io.switchboard.chat.ui.internal.ChatSettings;
import io.switchboard.chat.ui.internal.Messages;
import io.switchboard.chat.ui.internal.dialogs.CustomerPickerDialog;
import io.switchboard.chat.ui.internal.parts.ChatConsolePart;
import io.switchboard.chat.ui.internal.parts.Labels;
import io.switchboard.chat.ui.internal.parts.WaitingChatsControl;
import io.switchboard.core.Settings;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.ui.TicketsUi;

/**
 * The Chat perspective as an agent uses it, in the real workbench on the real services (conversations and customers
 * in Derby in this runtime's own data folder, the real bot): a customer's message that the bot hands over shows in
 * "waiting" without a refresh and the count in the trim goes up; the agent takes over, sends a suggestion with one
 * click and an edited one with Ctrl+Enter, and the customer's transcript has them; a conversation linked through the
 * customer picker becomes a ticket that opens; markup in a message shows as the text it is.
 */
class ChatConsoleTest {

    static final String AGENT = "maria";
    static final String HTML = "<b>bold</b><script>alert('x')</script>";
    /** Nothing the bot knows answers this well enough: it hands over (and still has suggestions). */
    static final String PERSON_QUESTION_EN = "I was charged twice for my card and want to cancel my contract";
    static final String PERSON_QUESTION_ZH = "\u6211\u7684\u5361\u88ab\u6263\u4e86\u4e24\u6b21\u8d39\uff0c\u6211\u60f3\u53d6\u6d88\u5408\u540c";
    static final String KNOWN_QUESTION_EN = "What are your opening hours?";
    static final String KNOWN_QUESTION_ZH = "\u4f60\u4eec\u51e0\u70b9\u8425\u4e1a\uff1f";
    static final String OTHER_QUESTION_EN = "Somebody used my account from abroad, please help";
    static final String OTHER_QUESTION_ZH = "\u6709\u4eba\u5728\u56fd\u5916\u4f7f\u7528\u4e86\u6211\u7684\u8d26\u6237\uff0c\u8bf7\u5e2e\u5e2e\u6211";

    private static ChatService chat;
    private static CustomerRepository customers;
    private static TicketRepository tickets;
    private static Settings settings;
    private static Customer anna;
    private static Customer li;

    private static boolean chinese;
    /** Screenshots of the Chinese runtime end in "-zh". */
    private static String suffix;
    private static String personQuestion;
    private static String knownQuestion;
    private static String otherQuestion;

    private ChatConsolePart console;
    private WaitingChatsControl waiting;
    private Conversation handedOver;
    private Conversation anonymous;
    private Conversation markup;
    private long waitingBefore;
    private String sentSuggestion;

    @BeforeAll
    static void services() throws Exception {
        // The name the console records for the agent (a setting, here for this runtime only).
        System.setProperty("switchboard." + TicketsUi.AGENT_SETTING, AGENT);
        Fixtures.useFreshDataFolder();
        customers = Fixtures.service(CustomerRepository.class);
        tickets = Fixtures.service(TicketRepository.class);
        settings = Fixtures.service(Settings.class);
        chat = Fixtures.chatService();
        chinese = "zh".equals(Locale.getDefault().getLanguage());
        suffix = chinese ? "-zh" : "";
        personQuestion = chinese ? PERSON_QUESTION_ZH : PERSON_QUESTION_EN;
        knownQuestion = chinese ? KNOWN_QUESTION_ZH : KNOWN_QUESTION_EN;
        otherQuestion = chinese ? OTHER_QUESTION_ZH : OTHER_QUESTION_EN;
        if (anna == null) {
            anna = customer("Anna Schmidt", "anna.schmidt@example.com");
            li = customer("Li Wei", "li.wei@example.com");
        }
    }

    private static Customer customer(String name, String email) throws Exception {
        Customer customer = new Customer(name);
        customer.addContact(ContactKind.EMAIL, email);
        return customers.save(customer);
    }

    @Test
    @Tag("english")
    void agentAnswersFromTheConsole() {
        RunningWorkbench.run(List.of(
                ChatConsoleTest::fixWindowSize,
                w -> switchToChat(w),
                w -> findWaitingCount(w),
                w -> customerIsHandedOver(w),
                w -> showsInWaitingWithoutRefresh(w),
                w -> selectConversation(w, handedOver),
                w -> checkTranscriptShown(w),
                w -> takeOver(w),
                w -> sendSuggestionWithOneClick(w),
                w -> editSuggestionAndSendWithCtrlEnter(w),
                w -> otherCustomersChat(w),
                w -> saveScreenshot(w, "chat-console"),
                w -> customerAnswersWhileShown(w),
                w -> markupShowsAsText(w),
                w -> saveScreenshot(w, "chat-console-markup"),
                w -> colleagueWasFaster(w),
                w -> linkThroughPicker(w),
                w -> createAndOpenTicket(w),
                w -> switchToChat(w),
                w -> selectConversation(w, handedOver),
                w -> handBackAndClose(w),
                w -> chatPreferences(w)));
    }

    /** Run by the build in a second runtime started with {@code -nl zh}. */
    @Test
    @Tag("chinese")
    void consoleSpeaksChinese() {
        assertEquals("zh", Locale.getDefault().getLanguage(), "this test needs a runtime started with -nl zh");
        RunningWorkbench.run(List.of(
                ChatConsoleTest::fixWindowSize,
                w -> switchToChat(w),
                w -> findWaitingCount(w),
                w -> customerIsHandedOver(w),
                w -> showsInWaitingWithoutRefresh(w),
                w -> assertTrue(waiting.label().getText().startsWith("\u7b49\u5f85\u4e2d\u7684\u5bf9\u8bdd"),
                        waiting.label().getText()),
                w -> assertTrue(console.group(ConversationState.WAITING).getText().startsWith("\u7b49\u5f85\u5ba2\u670d"),
                        console.group(ConversationState.WAITING).getText()),
                w -> assertEquals(List.of("\u5ba2\u6237", "\u7b49\u5f85 / \u65f6\u95f4", "\u6700\u65b0\u6d88\u606f"),
                        Stream.of(console.tree().getColumns()).map(c -> c.getText()).collect(Collectors.toList())),
                w -> selectConversation(w, handedOver),
                w -> checkTranscriptShown(w),
                w -> takeOver(w),
                w -> sendSuggestionWithOneClick(w),
                w -> otherCustomersChat(w),
                w -> assertEquals("\u53d1\u9001", console.sendButton().getText()),
                w -> assertEquals("\u63a5\u7ba1", console.takeOverButton().getText()),
                w -> saveScreenshot(w, "chat-console-zh"),
                w -> linkThroughPicker(w),
                w -> chatPreferences(w)));
    }

    static void fixWindowSize(RunningWorkbench w) {
        w.shell().setBounds(0, 0, 1440, 880);
        w.shell().layout(true, true);
    }

    /** Ctrl+3, as the agent does: the Chat perspective with the console first, no "coming soon" left. */
    private void switchToChat(RunningWorkbench w) {
        IEclipseContext context = w.window().getContext();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(
                AppIds.COMMAND_SWITCH_PERSPECTIVE, Map.of(AppIds.PARAMETER_PERSPECTIVE_ID, AppIds.PERSPECTIVE_CHAT));
        assertEquals("M1+3", String.valueOf(context.get(EBindingService.class).getBestSequenceFor(command))
                .replace("CTRL", "M1"));
        context.get(EHandlerService.class).executeHandler(command);
        MPerspective perspective = w.find(AppIds.PERSPECTIVE_CHAT, MPerspective.class);
        assertEquals(perspective, perspective.getParent().getSelectedElement());
        MPartStack stack = w.find(AppIds.PARTSTACK_CHAT, MPartStack.class);
        assertEquals(ChatUi.PART_CONSOLE, stack.getChildren().get(0).getElementId());
        assertTrue(stack.getChildren().stream().noneMatch(p -> p.getElementId().endsWith("chat.overview")),
                "the 'coming soon' placeholder should give way to the console");
        MPart part = w.find(ChatUi.PART_CONSOLE, MPart.class);
        context.get(EPartService.class).activate(part);
        console = assertInstanceOf(ChatConsolePart.class, part.getObject());
        w.waitUntil("the console has listed the conversations", console::isSettled);
    }

    private void findWaitingCount(RunningWorkbench w) {
        MToolControl control = w.find(ChatUi.TOOLCONTROL_WAITING, MToolControl.class);
        waiting = assertInstanceOf(WaitingChatsControl.class, control.getObject());
        long stored = chat.count(ConversationState.WAITING);
        w.waitUntil("the trim counts " + stored + " waiting chats", () -> waiting.waiting() == stored,
                () -> "; it says " + waiting.label().getText());
        assertTrue(waiting.label().isVisible(), "the waiting count is not on screen");
        waitingBefore = stored;
    }

    /**
     * A customer asks what the bot cannot answer: the bot hands over. Through the service, as the web page and the
     * terminal do; the console learns of it only from the chat events.
     */
    private void customerIsHandedOver(RunningWorkbench w) {
        handedOver = chat.start("web", anna.primary(ContactKind.EMAIL).orElseThrow().getValue());
        List<ChatMessage> said = chat.customerSays(handedOver.id(), personQuestion);
        assertEquals(ChatMessage.Sender.CUSTOMER, said.get(0).sender());
        handedOver = chat.find(handedOver.id()).orElseThrow();
        assertEquals(ConversationState.WAITING, handedOver.state(), "the bot should have handed over: " + said);
        assertEquals(anna.getId(), handedOver.customerId(), "found by e-mail");
    }

    private void showsInWaitingWithoutRefresh(RunningWorkbench w) {
        w.waitUntil("the conversation shows under 'waiting'", () -> indexIn(ConversationState.WAITING, handedOver) >= 0,
                () -> "; the group holds " + console.group(ConversationState.WAITING).getItemCount());
        w.waitUntil("the waiting count goes up", () -> waiting.waiting() == waitingBefore + 1,
                () -> "; it says " + waiting.label().getText());
        assertTrue(waiting.label().getText().endsWith(String.valueOf(waitingBefore + 1)), waiting.label().getText());
        TreeItem row = console.group(ConversationState.WAITING).getItem(indexIn(ConversationState.WAITING, handedOver));
        assertTrue(row.getText(0).contains("anna.schmidt@example.com"), row.getText(0));
        assertFalse(row.getText(1).isBlank(), "the waiting time is shown");
        assertTrue(console.group(ConversationState.WAITING).getExpanded(), "the waiting group is open");
    }

    private int indexIn(ConversationState state, Conversation conversation) {
        TreeItem[] items = console.group(state).getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].getData() instanceof Conversation c && c.id() == conversation.id()) {
                return i;
            }
        }
        return -1;
    }

    private void selectConversation(RunningWorkbench w, Conversation conversation) {
        console.select(conversation);
        w.waitUntil("the conversation is shown", () -> console.isSettled() && console.selected() != null
                && console.selected().id() == conversation.id());
    }

    private void checkTranscriptShown(RunningWorkbench w) {
        String text = console.transcript().getText();
        assertTrue(text.contains(personQuestion), text);
        List<ChatMessage> stored = chat.transcript(handedOver.id());
        ChatMessage last = stored.get(stored.size() - 1);
        assertTrue(text.contains(last.text()), "the hand-over is in the transcript: " + text);
        assertTrue(console.titleLabel().getText().contains("anna.schmidt@example.com"), console.titleLabel().getText());
        assertTrue(console.subtitleLabel().getText().contains("Anna Schmidt"), console.subtitleLabel().getText());
        assertFalse(console.suggestions().isEmpty(), "the bot suggests answers");
        assertTrue(console.suggestionSendButton(0).isVisible());
    }

    private void takeOver(RunningWorkbench w) {
        assertTrue(console.takeOverButton().isEnabled());
        console.takeOverButton().notifyListeners(SWT.Selection, new Event());
        w.waitUntil("the agent has the conversation", () -> console.isSettled() && console.selected() != null
                && console.selected().state() == ConversationState.AGENT);
        assertEquals(AGENT, chat.find(handedOver.id()).orElseThrow().agent());
        w.waitUntil("it moves to 'with an agent'", () -> indexIn(ConversationState.AGENT, handedOver) >= 0
                && indexIn(ConversationState.WAITING, handedOver) < 0);
        w.waitUntil("the waiting count goes down", () -> waiting.waiting() == waitingBefore);
        assertFalse(console.takeOverButton().isEnabled(), "the agent has it already");
        assertTrue(console.handBackButton().isEnabled());
    }

    private void sendSuggestionWithOneClick(RunningWorkbench w) {
        sentSuggestion = console.suggestions().get(0).text();
        int before = chat.transcript(handedOver.id()).size();
        console.suggestionSendButton(0).notifyListeners(SWT.Selection, new Event());
        w.waitUntil("the suggestion reaches the customer", () -> chat.transcript(handedOver.id()).size() == before + 1);
        ChatMessage sent = last(chat.transcript(handedOver.id()));
        assertEquals(ChatMessage.Sender.AGENT, sent.sender());
        assertEquals(AGENT, sent.author());
        assertEquals(sentSuggestion, sent.text());
        w.waitUntil("the console shows it", () -> console.isSettled()
                && console.messages().stream().anyMatch(m -> m.id() == sent.id()));
        assertTrue(console.transcript().getText().contains(sentSuggestion));
    }

    private void editSuggestionAndSendWithCtrlEnter(RunningWorkbench w) {
        int index = console.suggestions().size() > 1 ? 1 : 0;
        String suggestion = console.suggestions().get(index).text();
        console.suggestionEditButton(index).notifyListeners(SWT.Selection, new Event());
        assertEquals(suggestion, console.input().getText(), "the suggestion is in the box to edit");
        String edited = "Hello Anna. " + suggestion;
        console.input().setText(edited);
        assertTrue(console.sendButton().isEnabled());
        Event ctrlEnter = new Event();
        ctrlEnter.keyCode = SWT.CR;
        ctrlEnter.character = '\r';
        ctrlEnter.stateMask = SWT.MOD1;
        console.input().notifyListeners(SWT.KeyDown, ctrlEnter);
        w.waitUntil("the edited reply reaches the customer",
                () -> edited.equals(last(chat.transcript(handedOver.id())).text()));
        assertEquals("", console.input().getText(), "the box is empty after sending");
        w.waitUntil("the console shows it", () -> console.isSettled() && console.transcript().getText().contains(edited));
    }

    /** The customer writes again while the agent looks at the conversation: it shows without a refresh. */
    private void customerAnswersWhileShown(RunningWorkbench w) {
        String thanks = "Thank you, that helps!";
        List<ChatMessage> said = chat.customerSays(handedOver.id(), thanks);
        assertEquals(1, said.size(), "while the agent has it, the bot does not answer: " + said);
        w.waitUntil("the customer's new message shows", () -> console.transcript().getText().endsWith(thanks),
                () -> ": " + console.transcript().getText());
    }

    /**
     * Two more customers: one the bot answers (it stays with the bot) and one it hands over, which waits below the
     * first one since it waits less long.
     */
    private void otherCustomersChat(RunningWorkbench w) {
        Conversation answered = chat.start("web", li.primary(ContactKind.EMAIL).orElseThrow().getValue());
        List<ChatMessage> said = chat.customerSays(answered.id(), knownQuestion);
        assertEquals(ConversationState.BOT, chat.find(answered.id()).orElseThrow().state(),
                "the bot should answer what it knows: " + said);
        assertEquals(ChatMessage.Sender.BOT, last(said).sender());
        Conversation waitingToo = chat.start("terminal", "mateo");
        chat.customerSays(waitingToo.id(), otherQuestion);
        assertEquals(ConversationState.WAITING, chat.find(waitingToo.id()).orElseThrow().state());
        w.waitUntil("both show in their groups", () -> indexIn(ConversationState.BOT, answered) >= 0
                && indexIn(ConversationState.WAITING, waitingToo) >= 0);
        TreeItem row = console.group(ConversationState.BOT).getItem(indexIn(ConversationState.BOT, answered));
        assertEquals(Labels.who(chat.find(answered.id()).orElseThrow()), row.getText(0));
        w.waitUntil("the count follows", () -> waiting.waiting() == chat.count(ConversationState.WAITING));
    }

    /** What a customer types is text: tags show as typed, nothing is interpreted. */
    private void markupShowsAsText(RunningWorkbench w) {
        markup = chat.start("web", "visitor-7");
        chat.customerSays(markup.id(), HTML);
        w.waitUntil("the new conversation is listed", () -> Stream.of(ConversationState.values())
                .filter(s -> s != ConversationState.CLOSED).anyMatch(s -> indexIn(s, markup) >= 0));
        selectConversation(w, markup);
        assertTrue(console.transcript().getText().contains(HTML), console.transcript().getText());
        // Two wait now; the one waiting longest comes first, as the service orders them.
        List<Long> queue = chat.list(ConversationState.WAITING, 100).stream().map(Conversation::id).toList();
        w.waitUntil("the waiting group lists " + queue, () -> queue.equals(Stream
                .of(console.group(ConversationState.WAITING).getItems()).map(i -> ((Conversation) i.getData()).id())
                .toList()));
        assertTrue(queue.size() >= 2 && queue.get(queue.size() - 1) == markup.id(), "the newest waits last: " + queue);
        String shown = console.transcript().getText();
        int word = shown.indexOf(HTML) + "<b>".length();
        var style = console.transcript().getStyleRangeAtOffset(word);
        assertTrue(style == null || (style.fontStyle & SWT.BOLD) == 0 && style.font == null,
                "the customer's <b> made the text bold: " + style);
    }

    /** A colleague takes the conversation first: the console follows, and taking it anyway says who has it. */
    private void colleagueWasFaster(RunningWorkbench w) throws Exception {
        chat.takeOver(markup.id(), "jonas");
        w.waitUntil("the console shows jonas has it", () -> console.isSettled() && console.selected() != null
                && "jonas".equals(console.selected().agent()));
        assertTrue(console.subtitleLabel().getText().contains("jonas"), console.subtitleLabel().getText());
        assertTrue(console.takeOverButton().isEnabled(), "the agent may still try");
        console.takeOverButton().notifyListeners(SWT.Selection, new Event());
        w.waitUntil("the console says who has it", () -> console.isSettled() && console.problemLabel().isVisible());
        assertTrue(console.problemLabel().getText().contains("jonas"), console.problemLabel().getText());
        assertEquals("jonas", chat.find(markup.id()).orElseThrow().agent(), "nothing changed");
    }

    /** A conversation from no one the store knows: the agent picks the customer with the picker. */
    private void linkThroughPicker(RunningWorkbench w) {
        anonymous = chat.start("web", "");
        chat.customerSays(anonymous.id(), personQuestion);
        w.waitUntil("listed", () -> indexIn(chat.find(anonymous.id()).orElseThrow().state(), anonymous) >= 0);
        selectConversation(w, anonymous);
        assertFalse(console.createTicketButton().isEnabled(), "a ticket needs a customer");
        withDialog(w, CustomerPickerDialog.class, (shell, dialog) -> {
            CustomerPickerDialog picker = (CustomerPickerDialog) dialog;
            picker.searchBox().setText("Li Wei");
            w.waitUntil("the picker finds Li Wei", () -> !picker.isSearching() && picker.table().getItemCount() == 1
                    && "Li Wei".equals(picker.table().getItem(0).getText(0)));
            assertEquals(0, picker.table().getSelectionIndex(), "the only customer found is picked");
            Button link = Widgets.findButton(shell, Messages.Picker_ok);
            assertTrue(link != null && link.isEnabled(), "Link is ready for the customer found");
            assertNotNull(Widgets.findButton(shell, chinese ? "\u53d6\u6d88" : "Cancel"), "Cancel in the user's language");
            Widgets.settle(shell);
            Screenshots.saveDrawn(shell, "chat-console-picker" + suffix);
            press(shell, Messages.Picker_ok);
        }, () -> console.linkButton().notifyListeners(SWT.Selection, new Event()));
        w.waitUntil("the conversation is linked to Li Wei", () -> console.isSettled() && console.selected() != null
                && li.getId().equals(console.selected().customerId()));
        assertEquals(li.getId(), chat.find(anonymous.id()).orElseThrow().customerId());
        assertTrue(console.subtitleLabel().getText().contains("Li Wei"), console.subtitleLabel().getText());
    }

    private void createAndOpenTicket(RunningWorkbench w) {
        assertTrue(console.createTicketButton().isEnabled());
        console.createTicketButton().notifyListeners(SWT.Selection, new Event());
        w.waitUntil("the ticket is created", () -> console.isSettled() && console.selected() != null
                && console.selected().ticketId() != null);
        long ticketId = console.selected().ticketId();
        Ticket ticket = tickets.find(ticketId).orElseThrow();
        assertEquals(li.getId(), ticket.getCustomerId());
        assertTrue(console.openTicketButton().isEnabled());
        assertTrue(console.openTicketButton().getText().contains("#" + ticketId), console.openTicketButton().getText());
        assertFalse(console.createTicketButton().isEnabled(), "one ticket per conversation");
        console.openTicketButton().notifyListeners(SWT.Selection, new Event());
        MPart active = w.window().getContext().get(EPartService.class).getActivePart();
        assertNotNull(active);
        assertTrue(active.getTags().contains(TicketsUi.TAG_EDITOR), active.getElementId() + " is active, not a ticket");
        assertEquals(String.valueOf(ticketId), active.getPersistedState().get(TicketsUi.STATE_TICKET_ID));
    }

    private void handBackAndClose(RunningWorkbench w) {
        console.handBackButton().notifyListeners(SWT.Selection, new Event());
        w.waitUntil("the bot has it again", () -> console.isSettled() && console.selected() != null
                && console.selected().state() == ConversationState.BOT);
        assertEquals(ConversationState.BOT, chat.find(handedOver.id()).orElseThrow().state());
        console.closeButton().notifyListeners(SWT.Selection, new Event());
        w.waitUntil("closed", () -> console.isSettled() && console.selected() != null
                && console.selected().state() == ConversationState.CLOSED);
        assertEquals(ConversationState.CLOSED, chat.find(handedOver.id()).orElseThrow().state());
        for (ConversationState state : List.of(ConversationState.BOT, ConversationState.WAITING,
                ConversationState.AGENT)) {
            assertEquals(-1, indexIn(state, handedOver), "a closed conversation leaves the groups");
        }
        assertFalse(console.sendButton().isEnabled());
        assertFalse(console.input().isEnabled());
    }

    /** Window > Preferences has a Chat page; what it stores is what the web channel and the bot read. */
    private void chatPreferences(RunningWorkbench w) {
        withDialog(w, PreferenceDialog.class, (shell, dialog) -> {
            PreferenceDialog preferences = (PreferenceDialog) dialog;
            var chatNode = preferences.getPreferenceManager().find("chat");
            assertNotNull(chatNode, () -> "no Chat page; " + Fixtures.describe("io.switchboard.chat.ui",
                    PreferencePageContribution.class));
            Tree pages = Widgets.find(shell, Tree.class);
            TreeItem item = Stream.of(pages.getItems()).filter(i -> i.getData() == chatNode).findFirst()
                    .orElseThrow(() -> new AssertionError("no Chat page in the tree"));
            pages.setSelection(item);
            Event click = new Event();
            click.item = item;
            pages.notifyListeners(SWT.Selection, click);
            Widgets.settle(shell);
            ChatPreferencePage page = assertInstanceOf(ChatPreferencePage.class, chatNode.getPage());
            page.webEnabledBox().setSelection(true);
            page.portField().setSelection(18765);
            page.thresholdField().setSelection(65);
            Widgets.settle(shell);
            Screenshots.saveDrawn(shell, "chat-console-preferences" + suffix);
            Button ok = Widgets.findButton(shell, chinese ? "\u5e94\u7528\u5e76\u5173\u95ed" : "Apply and Close");
            assertNotNull(ok);
            ok.notifyListeners(SWT.Selection, new Event());
        }, () -> Commands.execute(w, "org.eclipse.ui.window.preferences"));
        assertEquals("true", settings.get(ChatSettings.WEB_ENABLED).orElseThrow());
        assertEquals("18765", settings.get(ChatSettings.WEB_PORT).orElseThrow());
        assertEquals("0.65", settings.get(ChatSettings.BOT_THRESHOLD).orElseThrow());
    }

    private static ChatMessage last(List<ChatMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    private void saveScreenshot(RunningWorkbench w, String name) throws Exception {
        waitUntilTreePainted(w);
        Widgets.settle(w.shell());
        Screenshots.saveDrawn(w.shell(), name);
    }

    /**
     * The conversations are on screen, not only in the widget: Xvfb without a window manager sometimes leaves a
     * tree unpainted until the window changes size, so the window is nudged while the rows stay blank.
     */
    private void waitUntilTreePainted(RunningWorkbench w) {
        TreeItem first = console.tree().getItem(0);
        long[] nudged = { System.currentTimeMillis() };
        w.waitUntil("the conversation tree is painted", () -> {
            if (colours(first) > 4) {
                return true;
            }
            if (System.currentTimeMillis() - nudged[0] > 1000) {
                nudged[0] = System.currentTimeMillis();
                Point size = w.shell().getSize();
                w.shell().setSize(size.x, size.y - 1);
                w.shell().setSize(size);
            }
            return false;
        }, () -> ": " + colours(first) + " colours at " + first.getBounds());
    }

    /** How many colours the screen shows where a tree row is: 1 or 2 for an empty row, many for text. */
    private static int colours(TreeItem item) {
        return Screenshots.colours(item.getParent(), item.getBounds());
    }
}
