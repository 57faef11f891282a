package io.switchboard.tickets.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.switchboard.app.testing.Commands.execute;
import static io.switchboard.app.testing.Dialogs.withDialog;
import static io.switchboard.app.testing.Screenshots.saveDrawn;
import static io.switchboard.app.testing.Widgets.all;
import static io.switchboard.app.testing.Widgets.findButton;
import static io.switchboard.app.testing.Widgets.labelTexts;
import static io.switchboard.app.testing.Widgets.press;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.bindings.EBindingService;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolBar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.switchboard.app.AppIds;
import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.Progress;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.tickets.CategoryCorrection;
import io.switchboard.tickets.ClassifierRetraining;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.TicketType;
import io.switchboard.tickets.ui.TicketsUi;
import io.switchboard.tickets.ui.internal.parts.ClassifierPart;
import io.switchboard.tickets.ui.internal.parts.TicketEditorPart;
import io.switchboard.tickets.ui.internal.parts.TicketListPart;

/**
 * The Tickets perspective as an agent uses it, in the real workbench on the real services (tickets in Derby in
 * this runtime's own data folder, the liblinear classifier): the list with search, filters and sort, the editor
 * with the classifier's suggestion, a category change recorded as a correction, replies and notes, a conflicting
 * save, a new ticket, a deletion, and the ticket in the customer's timeline.
 */
class TicketsUiTest {

    /** Subject, customer, and the Banking77 category whose first held-out text is the customer's message. */
    private static final String[][] SUBJECTS = {
            { "Card has not arrived yet", "Anna Schmidt", "card_arrival" },
            { "Refund still not on my account", "Li Wei", "Refund_not_showing_up" },
            { "Exchange rate on my payment looks wrong", "Mateo L\u00f3pez", "card_payment_wrong_exchange_rate" },
            { "Top up failed twice", "Anna Schmidt", "top_up_failed" },
            { "Forgot my passcode", "Li Wei", "passcode_forgotten" },
            { "Contactless stopped working", "Mateo L\u00f3pez", "contactless_not_working" },
            { "Transfer not received by recipient", "Anna Schmidt", "transfer_not_received_by_recipient" },
            { "Charged twice for one purchase", "Li Wei", "transaction_charged_twice" },
            { "How do I verify my identity?", "Mateo L\u00f3pez", "verify_my_identity" },
            { "Cash withdrawal not recognised", "Anna Schmidt", "cash_withdrawal_not_recognised" },
            { "Card payment declined abroad", "Li Wei", "declined_card_payment" },
            { "Apple Pay top up", "Mateo L\u00f3pez", "apple_pay_or_google_pay" } };

    private static CustomerRepository customers;
    private static TicketRepository tickets;
    private static InteractionLog timeline;
    private static final Map<String, Customer> people = new LinkedHashMap<>();
    private static final List<Ticket> stored = new ArrayList<>();

    private final List<String> statusMessages = new ArrayList<>();
    private TicketListPart list;
    private TicketEditorPart editor;
    private Ticket opened;
    private int correctionsBefore;

    @BeforeAll
    static void storeTickets() throws Exception {
        // The name the history and corrections record for the agent (a setting, here for this runtime only).
        System.setProperty("switchboard." + TicketsUi.AGENT_SETTING, "maria");
        FreshDataFolder.use();
        customers = Fixtures.service(CustomerRepository.class);
        tickets = Fixtures.service(TicketRepository.class);
        timeline = Fixtures.service(InteractionLog.class);
        TicketClassifier classifier = Fixtures.service(TicketClassifier.class);
        if (classifier.activeModel().isEmpty()) {
            classifier.train(Fixtures.read(Fixtures.TRAIN_SAMPLE), Progress.NONE);
        }
        if (!stored.isEmpty()) {
            return;
        }
        for (String name : List.of("Anna Schmidt", "Li Wei", "Mateo L\u00f3pez")) {
            Customer customer = new Customer(name);
            customer.addContact(ContactKind.EMAIL, name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "@example.com");
            people.put(name, customers.save(customer));
        }
        // Messages are held-out Banking77 texts (not trained on), so the suggestions are real predictions.
        List<LabeledText> texts = Fixtures.read(Fixtures.HELDOUT_SAMPLE);
        String[] assignees = { "maria", "jonas", null };
        TicketStatus[] statuses = { TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED };
        for (int i = 0; i < SUBJECTS.length; i++) {
            String category = SUBJECTS[i][2];
            String message = texts.stream().filter(t -> t.category().equals(category)).findFirst().orElseThrow().text();
            Ticket ticket = new Ticket(people.get(SUBJECTS[i][1]).getId(), SUBJECTS[i][0], message);
            ticket.setType(i % 5 == 0 ? TicketType.COMPLAINT : TicketType.INQUIRY);
            ticket.setPriority(i % 4 == 0 ? TicketPriority.HIGH : TicketPriority.NORMAL);
            Ticket created = tickets.create(ticket, "mail");
            created.setStatus(statuses[i % statuses.length]);
            created.setAssignee(assignees[i % assignees.length]);
            stored.add(tickets.save(created, "maria"));
        }
    }

    @Test
    @Tag("english")
    void agentWorksTicketsAndCorrectsTheClassifier() {
        assertFalse(stored.isEmpty());
        long total = SUBJECTS.length;
        RunningWorkbench.run(List.of(
                ClassifierPageTest::fixWindowSize,
                w -> listenToStatus(w),
                w -> switchToTickets(w),
                w -> waitForList(w, total),
                w -> checkRowsShown(w, total),
                w -> checkMenusAndKeys(w),
                w -> checkRowsPainted(w),
                w -> saveScreenshot(w, "tickets-list"),
                w -> search(w, "card", count(TicketQuery.ALL.withText("card"))),
                w -> search(w, "", total),
                w -> filterStatus(w, TicketStatus.OPEN),
                w -> filterStatus(w, null),
                w -> filterCombo(w, list.assigneeFilter(), "jonas", count(TicketQuery.ALL.withAssignee("jonas"))),
                w -> filterCombo(w, list.assigneeFilter(), null, total),
                w -> filterCategory(w),
                w -> filterCombo(w, list.categoryFilter(), null, total),
                w -> sortBySubject(w),
                w -> openTicket(w, "Card has not arrived yet"),
                w -> checkSuggestionShown(),
                w -> saveScreenshot(w, "ticket-editor"),
                w -> changeCategoryAndSave(w),
                w -> checkCorrectionRecorded(w),
                w -> addReplyAndNote(w),
                w -> saveWhileSomeoneElseSaved(w),
                w -> saveScreenshot(w, "ticket-editor-conflict"),
                w -> takeStoredVersion(w),
                w -> openCustomerTimeline(w),
                w -> switchToTickets(w),
                w -> createTicket(w),
                w -> waitForList(w, total + 1),
                w -> deleteTicket(w, "Forgot my passcode"),
                w -> waitForList(w, total),
                w -> classifierMeasuredOnTickets(w),
                w -> retrainRefusedWithTooFewTickets(w),
                w -> openTicket(w, "Card has not arrived yet"),
                w -> ctrl2AgainShowsTheList(w)));
    }

    /** Run by the build in a second runtime started with {@code -nl zh}. */
    @Test
    @Tag("chinese")
    void ticketsSpeakChinese() {
        assertEquals("zh", Locale.getDefault().getLanguage(), "this test needs a runtime started with -nl zh");
        RunningWorkbench.run(List.of(
                ClassifierPageTest::fixWindowSize,
                w -> switchToTickets(w),
                w -> waitForList(w, tickets.count(TicketQuery.ALL)),
                w -> assertEquals(List.of("\u4e3b\u9898", "\u5ba2\u6237", "\u72b6\u6001", "\u4f18\u5148\u7ea7",
                        "\u7c7b\u522b", "\u5904\u7406\u4eba", "\u66f4\u65b0\u65f6\u95f4"),
                        Stream.of(list.table().getColumns()).map(c -> c.getText()).collect(Collectors.toList())),
                w -> assertEquals("\u6240\u6709\u72b6\u6001", list.statusFilter().getItem(0)),
                w -> saveScreenshot(w, "tickets-list-zh"),
                w -> openTicket(w, "Card has not arrived yet"),
                w -> saveScreenshot(w, "ticket-editor-zh"),
                w -> ctrl2AgainShowsTheList(w)));
    }

    private static long count(TicketQuery query) {
        return tickets.count(query);
    }

    private void listenToStatus(RunningWorkbench w) {
        w.application().getContext().get(IEventBroker.class)
                .subscribe(SwitchboardTopics.STATUS_MESSAGE, event -> statusMessages
                        .add(String.valueOf(event.getProperty(SwitchboardTopics.PROPERTY_MESSAGE))));
    }

    /** Ctrl+2, as the agent does: the Tickets perspective with the ticket list first. */
    private void switchToTickets(RunningWorkbench w) {
        IEclipseContext context = w.window().getContext();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(
                AppIds.COMMAND_SWITCH_PERSPECTIVE, Map.of(AppIds.PARAMETER_PERSPECTIVE_ID, AppIds.PERSPECTIVE_TICKETS));
        assertEquals("M1+2", String.valueOf(context.get(EBindingService.class).getBestSequenceFor(command))
                .replace("CTRL", "M1"));
        context.get(EHandlerService.class).executeHandler(command);
        MPerspective perspective = w.find(AppIds.PERSPECTIVE_TICKETS, MPerspective.class);
        assertEquals(perspective, perspective.getParent().getSelectedElement());
        MPartStack stack = w.find(AppIds.PARTSTACK_TICKETS, MPartStack.class);
        assertEquals(TicketsUi.PART_LIST, stack.getChildren().get(0).getElementId());
        assertTrue(stack.getChildren().stream().noneMatch(p -> p.getElementId().endsWith("tickets.overview")),
                "the overview placeholder should give way to the list");
        MPart part = w.find(TicketsUi.PART_LIST, MPart.class);
        context.get(EPartService.class).activate(part);
        list = assertInstanceOf(TicketListPart.class, part.getObject());
    }

    /** Ctrl+2 in the Tickets perspective, with a ticket editor in front: the list tab comes to the front. */
    private void ctrl2AgainShowsTheList(RunningWorkbench w) {
        MPartStack stack = w.find(AppIds.PARTSTACK_TICKETS, MPartStack.class);
        MPart listPart = w.find(TicketsUi.PART_LIST, MPart.class);
        EPartService parts = w.window().getContext().get(EPartService.class);
        assertTrue(parts.getActivePart().getTags().contains(TicketsUi.TAG_EDITOR), "an editor should be in front");
        assertTrue(stack.getSelectedElement() != listPart, "the editor's tab should be in front of the list's");
        IEclipseContext context = w.window().getContext();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(
                AppIds.COMMAND_SWITCH_PERSPECTIVE, Map.of(AppIds.PARAMETER_PERSPECTIVE_ID, AppIds.PERSPECTIVE_TICKETS));
        context.get(EHandlerService.class).executeHandler(command);
        assertEquals(listPart, stack.getSelectedElement());
        assertEquals(listPart, parts.getActivePart());
        assertTrue(list.table().isVisible(), "the list's table is not showing");
        assertTrue(stack.getChildren().stream().anyMatch(p -> p.getTags().contains(TicketsUi.TAG_EDITOR)),
                "the editor stays open behind the list");
    }

    private void waitForList(RunningWorkbench w, long expected) {
        list = assertInstanceOf(TicketListPart.class, w.find(TicketsUi.PART_LIST, MPart.class).getObject());
        w.waitUntil("the list shows " + expected + " tickets", () -> list.isSettled() && list.matchCount() == expected,
                () -> "; it shows " + list.matchCount() + ", the store counts " + tickets.count(TicketQuery.ALL)
                        + ", it says '" + list.matchesLabel().getText() + "'");
        assertEquals(expected, list.table().getItemCount());
    }

    private void checkRowsShown(RunningWorkbench w, long total) {
        Table table = list.table();
        assertEquals(7, table.getColumnCount());
        assertTrue(table.isVisible() && table.getClientArea().height > 300, "table too small: " + table.getClientArea());
        // Newest change first, as the store sorts.
        TicketSummary first = tickets.list(TicketQuery.ALL.sortedBy(TicketQuery.Sort.UPDATED, false).page(0, 1)).get(0);
        assertEquals(first.id(), list.row(0).id());
        TableItem item = table.getItem(0);
        assertEquals(first.subject(), item.getText(0));
        assertEquals(first.customerName(), item.getText(1));
        assertFalse(item.getText(2).isEmpty(), "status shown");
        assertEquals(first.category() == null ? "" : first.category(), item.getText(4));
        assertEquals(total + " tickets", list.matchesLabel().getText());
        long routed = stored.stream().filter(t -> t.getCategory() != null).count();
        assertTrue(routed > 0, "the classifier routed none of the tickets");
    }

    /** The rows are on screen, not only in the widget. */
    private void checkRowsPainted(RunningWorkbench w) {
        ClassifierPageTest.waitUntilPainted(w, list.table(), 0);
    }

    private void checkMenusAndKeys(RunningWorkbench w) {
        List<String> menus = Stream.of(w.shell().getMenuBar().getItems()).map(MenuItem::getText)
                .collect(Collectors.toList());
        assertTrue(menus.contains("&Tickets"), "menus: " + menus);
        IEclipseContext context = w.window().getContext();
        ParameterizedCommand newTicket = context.get(ECommandService.class).createCommand(TicketsUi.COMMAND_NEW, null);
        assertEquals("M1+M2+N", String.valueOf(context.get(EBindingService.class).getBestSequenceFor(newTicket))
                .replace("CTRL", "M1").replace("SHIFT", "M2"));
    }

    private void search(RunningWorkbench w, String text, long expected) {
        if (!text.isEmpty()) {
            assertTrue(expected > 0 && expected < SUBJECTS.length, "'" + text + "' should match some tickets: " + expected);
        }
        list.searchBox().setText(text);
        w.waitUntil("search '" + text + "' finds " + expected, () -> list.isSettled()
                && (text.isEmpty() ? list.query().text() == null : text.equals(list.query().text()))
                && list.matchCount() == expected);
        assertEquals(expected, list.table().getItemCount());
    }

    private void filterStatus(RunningWorkbench w, TicketStatus status) {
        Combo combo = list.statusFilter();
        // all, needs work, then each status in order
        combo.select(status == null ? 0 : 2 + status.ordinal());
        combo.notifyListeners(SWT.Selection, new Event());
        long expected = status == null ? SUBJECTS.length : count(TicketQuery.ALL.withStatuses(EnumSet.of(status)));
        assertTrue(status == null || expected > 0);
        w.waitUntil("status filter " + status, () -> list.isSettled() && list.matchCount() == expected);
        for (int i = 0; status != null && i < expected; i++) {
            assertEquals(status, list.row(i).status());
        }
    }

    private void filterCombo(RunningWorkbench w, Combo combo, String value, long expected) {
        w.waitUntil("choices are listed", () -> combo.getItemCount() > 1);
        int index = value == null ? 0 : Arrays.asList(combo.getItems()).indexOf(value);
        assertTrue(index >= 0, value + " not among " + Arrays.toString(combo.getItems()));
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
        w.waitUntil(value + " filters to " + expected, () -> list.isSettled() && list.matchCount() == expected);
        assertTrue(value == null || expected < SUBJECTS.length, "a filter that keeps every row shows nothing");
    }

    private void filterCategory(RunningWorkbench w) {
        String category = stored.stream().map(Ticket::getCategory).filter(c -> c != null).findFirst().orElseThrow();
        long expected = count(TicketQuery.ALL.withCategory(category));
        filterCombo(w, list.categoryFilter(), category, expected);
        for (int i = 0; i < expected; i++) {
            assertEquals(category, list.row(i).category());
        }
    }

    private void sortBySubject(RunningWorkbench w) {
        list.table().getColumn(0).notifyListeners(SWT.Selection, new Event());
        w.waitUntil("sorted by subject", () -> list.isSettled() && list.query().sort() == TicketQuery.Sort.SUBJECT);
        assertTrue(list.query().ascending());
        assertEquals(SWT.UP, list.table().getSortDirection());
        assertEquals(tickets.list(TicketQuery.ALL.sortedBy(TicketQuery.Sort.SUBJECT, true).page(0, 1)).get(0).id(),
                list.row(0).id());
    }

    private int rowOf(String subject) {
        for (int i = 0; i < list.table().getItemCount(); i++) {
            if (list.row(i) != null && subject.equals(list.row(i).subject())) {
                return i;
            }
        }
        throw new AssertionError(subject + " is not in the list");
    }

    private void select(int row) {
        list.table().setFocus();
        list.table().setSelection(row);
        list.table().notifyListeners(SWT.Selection, new Event());
    }

    /** Double-click or Enter on a row opens the ticket's editor. */
    private void openTicket(RunningWorkbench w, String subject) {
        select(rowOf(subject));
        list.table().notifyListeners(SWT.DefaultSelection, new Event());
        MPart part = w.window().getContext().get(EPartService.class).getActivePart();
        assertNotNull(part);
        assertTrue(part.getTags().contains(TicketsUi.TAG_EDITOR), part.getElementId() + " is active, not an editor");
        editor = assertInstanceOf(TicketEditorPart.class, part.getObject());
        opened = editor.ticket();
        assertEquals(subject, opened.getSubject());
        assertEquals(subject, editor.subjectField().getText());
        assertFalse(part.isDirty());
        assertTrue(editor.conversationTable().getItemCount() >= 1, "the first message starts the conversation");
        assertTrue(editor.historyTable().getItemCount() >= 1, "creation is in the history");
    }

    private void checkSuggestionShown() {
        var suggestion = opened.getSuggestion();
        assertNotNull(suggestion, "the ticket was classified when it was stored");
        assertEquals(suggestion.category(), editor.suggestedCategoryLabel().getText());
        assertEquals((int) Math.round(suggestion.confidence() * 100), editor.confidenceBar().getSelection());
        assertEquals(suggestion.unsure(), editor.unsureMarker().getVisible());
        if (!suggestion.terms().isEmpty()) {
            assertTrue(editor.termsLabel().getText().contains(suggestion.terms().get(0)), editor.termsLabel().getText());
        }
    }

    /** The agent puts the ticket in another queue than the classifier said; Ctrl+S saves. */
    private void changeCategoryAndSave(RunningWorkbench w) {
        correctionsBefore = tickets.corrections().size();
        String suggested = opened.getSuggestion().category();
        String other = Stream.of(editor.categoryField().getItems()).filter(c -> !c.equals(suggested)
                && !c.equals(opened.getCategory())).findFirst().orElseThrow();
        editor.categoryField().setText(other);
        MPart part = w.window().getContext().get(EPartService.class).getActivePart();
        assertTrue(part.isDirty());
        assertTrue(editor.saveButton().isEnabled());
        execute(w, "org.eclipse.ui.file.save");
        assertFalse(part.isDirty(), "saved");
        assertEquals(other, tickets.find(opened.getId()).orElseThrow().getCategory());
    }

    private void checkCorrectionRecorded(RunningWorkbench w) {
        List<CategoryCorrection> corrections = tickets.corrections();
        assertEquals(correctionsBefore + 1, corrections.size(), "one correction for one change of category");
        CategoryCorrection correction = corrections.get(corrections.size() - 1);
        assertEquals(opened.getId().longValue(), correction.ticketId());
        assertEquals(opened.getSuggestion().category(), correction.predicted());
        assertEquals(editor.categoryField().getText(), correction.corrected());
        assertEquals(editor.agent(), correction.agent());
        assertTrue(Stream.of(editor.historyTable().getItems()).anyMatch(i -> i.getText(2).equals("Category")
                && i.getText(4).equals(correction.corrected())), "the history shows the change");
        w.waitUntil("the status line reports the save", () -> statusMessages.stream()
                .anyMatch(m -> m.equals("Ticket #" + opened.getId() + " saved")), () -> " " + statusMessages);
    }

    private void addReplyAndNote(RunningWorkbench w) {
        int before = editor.conversationTable().getItemCount();
        assertFalse(editor.addReplyButton().isEnabled(), "nothing to send yet");
        editor.replyField().setText("We have sent a new card; it arrives within 5 working days.");
        assertTrue(editor.addReplyButton().isEnabled());
        editor.addReplyButton().notifyListeners(SWT.Selection, new Event());
        editor.replyField().setText("Customer called twice already, keep an eye on it.");
        editor.addNoteButton().notifyListeners(SWT.Selection, new Event());
        assertEquals(before + 2, editor.conversationTable().getItemCount());
        var conversation = tickets.conversation(opened.getId());
        assertEquals(Direction.OUTBOUND, conversation.get(conversation.size() - 2).direction());
        assertEquals(Direction.INTERNAL, conversation.get(conversation.size() - 1).direction());
        assertEquals("", editor.replyField().getText());
    }

    /** Someone else saves the ticket while the agent edits it: the agent's save shows both, overwrites nothing. */
    private void saveWhileSomeoneElseSaved(RunningWorkbench w) throws Exception {
        Ticket theirs = tickets.find(opened.getId()).orElseThrow();
        theirs.setPriority(TicketPriority.URGENT);
        theirs.setAssignee("jonas");
        tickets.save(theirs, "jonas");
        editor.subjectField().setText("Card has not arrived yet (second request)");
        assertTrue(editor.subjectField().getText().endsWith("(second request)"));
        // The other save reaches the dirty editor as an event: its history grows, the agent's edit stays.
        int history = tickets.history(opened.getId()).size();
        w.waitUntil("the editor shows the other save in the history", () -> editor.historyTable().getItemCount() == history,
                () -> ": " + editor.historyTable().getItemCount() + " of " + history);
        assertEquals("Card has not arrived yet (second request)", editor.subjectField().getText());
        editor.saveButton().notifyListeners(SWT.Selection, new Event());
        assertTrue(editor.hasConflict(), "the stale save is reported");
        assertTrue(editor.conflictPanel().isVisible());
        Ticket now = tickets.find(opened.getId()).orElseThrow();
        assertEquals("Card has not arrived yet", now.getSubject(), "nothing was overwritten");
        assertEquals(TicketPriority.URGENT, now.getPriority());
        List<String> fields = Stream.of(editor.conflictTable().getItems()).map(i -> i.getText(0)).collect(Collectors.toList());
        assertTrue(fields.contains("Subject") && fields.contains("Priority"), "differences: " + fields);
    }

    private void takeStoredVersion(RunningWorkbench w) {
        editor.reloadStored();
        assertFalse(editor.hasConflict());
        assertEquals("Card has not arrived yet", editor.subjectField().getText());
        assertEquals("jonas", editor.assigneeField().getText());
        assertFalse(w.window().getContext().get(EPartService.class).getActivePart().isDirty());
    }

    /** Open Customer shows the customer editor, whose timeline lists the ticket. */
    private void openCustomerTimeline(RunningWorkbench w) {
        assertTrue(timeline.timeline(opened.getCustomerId(), 0, 100).stream()
                .anyMatch(i -> i.getChannel() == Interaction.Channel.TICKET),
                "the ticket is in the customer's timeline");
        Button open = findButton(w.shell(), "Open Customer");
        assertNotNull(open);
        open.notifyListeners(SWT.Selection, new Event());
        MPart part = w.window().getContext().get(EPartService.class).getActivePart();
        assertTrue(part.getTags().contains("customerEditor"), part.getElementId() + " is active");
        checkPerspectiveBarShows(w, AppIds.PERSPECTIVE_CUSTOMERS, "Customers");
        Composite widget = (Composite) part.getWidget();
        List<String> rows = new ArrayList<>();
        all(widget, Table.class).forEach(t -> Stream.of(t.getItems()).forEach(i -> {
            StringBuilder all = new StringBuilder();
            for (int c = 0; c < t.getColumnCount(); c++) {
                all.append(i.getText(c)).append(' ');
            }
            rows.add(all.toString());
        }));
        assertTrue(rows.stream().anyMatch(r -> r.contains("Card has not arrived yet")),
                "the customer editor's timeline shows the ticket: " + rows);
    }

    /** The perspective bar and the Window menu tick the perspective in front, however it came to the front. */
    private static void checkPerspectiveBarShows(RunningWorkbench w, String perspectiveId, String label) {
        String suffix = perspectiveId.substring(perspectiveId.lastIndexOf('.'));
        List<String> ticked = w.models().findElements(w.application(), null,
                MHandledItem.class, null,
                EModelService.ANYWHERE
                        | EModelService.IN_MAIN_MENU
                        | EModelService.IN_TRIM)
                .stream().filter(item -> item.isSelected()).map(item -> item.getElementId()).toList();
        assertEquals(2, ticked.size(), "one tool item and one menu item should be ticked: " + ticked);
        assertTrue(ticked.stream().allMatch(id -> id.endsWith(suffix)), "ticked instead of " + perspectiveId + ": " + ticked);
        // What the agent sees: the tool item of the perspective bar is pressed.
        List<String> pressed = all(w.shell(), ToolBar.class)
                .flatMap(bar -> Stream.of(bar.getItems())).filter(item -> item.getSelection())
                .map(item -> item.getText()).toList();
        assertEquals(List.of(label), pressed);
    }

    private void createTicket(RunningWorkbench w) {
        execute(w, TicketsUi.COMMAND_NEW);
        MPart part = w.window().getContext().get(EPartService.class).getActivePart();
        editor = assertInstanceOf(TicketEditorPart.class, part.getObject());
        assertNull(editor.ticket().getId());
        assertFalse(editor.saveButton().isEnabled(), "no customer, no subject: nothing to save");
        Customer li = people.get("Li Wei");
        // Typing finds the customer; choosing the entry sets it.
        Combo customer = editor.customerField();
        customer.setText("Li W");
        w.waitUntil("customers matching 'Li W' are offered", () -> customer.getItemCount() > 0);
        int index = Arrays.asList(customer.getItems()).indexOf("Li Wei  #" + li.getId());
        assertTrue(index >= 0, "offered: " + Arrays.toString(customer.getItems()));
        customer.select(index);
        customer.notifyListeners(SWT.Selection, new Event());
        assertEquals("Li Wei  #" + li.getId(), customer.getText());
        editor.subjectField().setText("Where is my money?");
        editor.bodyField().setText("I transferred money to my friend yesterday and it has not arrived.");
        assertTrue(editor.saveButton().isEnabled());
        execute(w, "org.eclipse.ui.file.save");
        assertNotNull(editor.ticket().getId(), "stored");
        assertEquals(li.getId().longValue(), editor.ticket().getCustomerId());
        assertNotNull(editor.ticket().getSuggestion(), "classified when stored");
        assertEquals(editor.ticket().getSuggestion().category(), editor.suggestedCategoryLabel().getText());
        assertNotEquals("", part.getLabel());
        switchToTickets(w);
    }

    private void deleteTicket(RunningWorkbench w, String subject) {
        switchToTickets(w);
        select(rowOf(subject));
        IEclipseContext leaf = w.window().getContext().getActiveLeaf();
        ParameterizedCommand delete = leaf.get(ECommandService.class).createCommand(TicketsUi.COMMAND_DELETE, null);
        assertEquals("DEL", String.valueOf(leaf.get(EBindingService.class).getBestSequenceFor(delete)),
                "Delete is bound while the table has the focus");
        list.searchBox().setFocus();
        assertNull(w.window().getContext().getActiveLeaf().get(EBindingService.class).getBestSequenceFor(delete),
                "in the search box Delete must still delete text");
        select(rowOf(subject));
        long id = list.row(rowOf(subject)).id();
        String[] question = new String[1];
        withDialog(w, Window.class, (shell, dialog) -> {
            question[0] = labelTexts(shell).collect(Collectors.joining(" "));
            press(shell, "Delete");
        }, () -> execute(w, TicketsUi.COMMAND_DELETE));
        assertTrue(question[0] != null && question[0].contains(subject), "the confirmation names the ticket: " + question[0]);
        assertTrue(tickets.find(id).isEmpty(), "deleted");
    }

    // --- the classifier page on the store's tickets

    /** The page measures the active model on the categorised tickets by itself when it opens. */
    private void classifierMeasuredOnTickets(RunningWorkbench w) throws Exception {
        execute(w, TicketsUi.COMMAND_CLASSIFIER);
        ClassifierPart page = assertInstanceOf(ClassifierPart.class,
                w.find(TicketsUi.PART_CLASSIFIER, MPart.class).getObject());
        Set<String> known = new HashSet<>(Fixtures.service(TicketClassifier.class).activeModel()
                .orElseThrow().categories());
        long categorised = tickets.list(TicketQuery.ALL.page(0, 1000)).stream()
                .filter(t -> t.category() != null && known.contains(t.category())).count();
        assertTrue(categorised > 0);
        w.waitUntil("the matrix is measured on the tickets", () -> !page.isBusy() && page.matrix().evaluation() != null
                && page.matrixSourceLabel().getText().contains("categorised tickets"),
                () -> ": '" + page.matrixSourceLabel().getText() + "' '" + page.statusLabel().getText() + "'");
        assertEquals(categorised, page.matrix().evaluation().n());
        assertTrue(page.matrixSourceLabel().getText().startsWith("Measured on " + categorised + " categorised tickets"),
                page.matrixSourceLabel().getText());
    }

    /** Retraining needs more categorised tickets than this store has: refused, said so, the active model stays. */
    private void retrainRefusedWithTooFewTickets(RunningWorkbench w) throws Exception {
        ClassifierPart page = (ClassifierPart) w.find(TicketsUi.PART_CLASSIFIER, MPart.class).getObject();
        TicketClassifier classifier = Fixtures.service(TicketClassifier.class);
        String before = classifier.activeModel().orElseThrow().version();
        assertTrue(page.retrainButton().isEnabled(), "the retraining service is there: " + page.retrainButton().getToolTipText());
        assertTrue(tickets.count(TicketQuery.ALL) < ClassifierRetraining.MINIMUM_TICKETS);
        page.retrainButton().notifyListeners(SWT.Selection, new Event());
        w.waitUntil("the retraining ends", () -> !page.isBusy() && page.statusLabel().getText().startsWith(
                "Training failed; the active model stays"), () -> ": '" + page.statusLabel().getText() + "'");
        assertEquals(before, classifier.activeModel().orElseThrow().version());
        assertEquals(before, page.activeModel().version());
    }

    // --- helpers

    private static void saveScreenshot(RunningWorkbench w, String name) throws Exception {
        ClassifierPageTest.settle(w);
        saveDrawn(w.shell(), name);
    }
}
