package io.switchboard.tickets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.Database;
import io.switchboard.store.SchemaMigrations;
import io.switchboard.testing.Services;
import io.switchboard.tickets.StaleTicketException;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketChange;
import io.switchboard.tickets.TicketMessage;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.TicketType;
import io.switchboard.tickets.services.internal.TicketSchema;

/**
 * The repository on the real store: what is written, what is refused, and what the rest of the product sees.
 * The classifier bundle is stopped meanwhile, so a model trained by another test cannot route these tickets;
 * classification has its own test.
 */
class TicketRepositoryTest {

    private final TicketRepository tickets = Services.get(TicketRepository.class);

    @BeforeAll
    static void withoutClassifier() throws Exception {
        Fixtures.classifierBundle().stop();
    }

    @AfterAll
    static void classifierBack() throws Exception {
        Fixtures.classifierBundle().start();
    }

    private static Ticket ticket(Customer customer, String subject, String body) {
        return new Ticket(customer.getId(), subject, body);
    }

    @Test
    void theRepositoryIsADeclarativeServiceOfTheServicesBundleWithItsSchema() throws Exception {
        ServiceReference<TicketRepository> reference = Fixtures.context().getServiceReference(TicketRepository.class);
        assertNotNull(reference, "TicketRepository is registered");
        assertEquals("io.switchboard.tickets.services", reference.getBundle().getSymbolicName());
        assertNotNull(reference.getProperty("component.name"), "registered by Declarative Services");
        Collection<ServiceReference<SchemaMigrations>> schemas = Fixtures.context()
                .getServiceReferences(SchemaMigrations.class, null);
        assertTrue(schemas.stream().map(r -> Fixtures.context().getService(r).capability()).anyMatch("tickets"::equals));
        tickets.count(TicketQuery.ALL); // first use brings the schema up to date
        assertEquals(TicketSchema.MIGRATIONS_COUNT, Services.get(Database.class).schemaVersion("tickets"));
    }

    @Test
    void createStoresTheTicketItsFirstMessageHistoryAndTimelineEntry() throws Exception {
        Customer customer = Fixtures.customer("Lena Fischer");
        Ticket ticket = ticket(customer, "Parcel never arrived", "Order SO-4711 was due on Monday.");
        ticket.setType(TicketType.COMPLAINT);
        ticket.setPriority(TicketPriority.HIGH);
        ticket.setChannel(Channel.MAIL);
        ticket.setCategory("delivery");
        ticket.setTags(new LinkedHashSet<>(List.of("vip", "VIP ", "late")));
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        ticket.setDueAt(due);
        Ticket stored;
        try (Fixtures.Events events = new Fixtures.Events(SwitchboardTopics.TICKET_ALL)) {
            stored = tickets.create(ticket, "mail");
            assertNotNull(events.next(SwitchboardTopics.TICKET_CREATED, stored.getId()), "created event with the id");
        }
        assertNotNull(stored.getId());
        assertEquals(1, stored.getVersion());
        Ticket found = tickets.find(stored.getId()).orElseThrow();
        assertEquals(customer.getId(), found.getCustomerId());
        assertEquals("Parcel never arrived", found.getSubject());
        assertEquals("Order SO-4711 was due on Monday.", found.getBody());
        assertEquals(TicketType.COMPLAINT, found.getType());
        assertEquals(TicketPriority.HIGH, found.getPriority());
        assertEquals(TicketStatus.NEW, found.getStatus());
        assertEquals("delivery", found.getCategory());
        assertEquals(List.of("vip", "late"), List.copyOf(found.getTags()), "tags differing in case are one");
        assertEquals(due, found.getDueAt());
        assertNotNull(found.getCreatedAt());

        List<TicketMessage> conversation = tickets.conversation(stored.getId());
        assertEquals(1, conversation.size());
        assertEquals(Direction.INBOUND, conversation.get(0).direction());
        assertEquals("Lena Fischer", conversation.get(0).author());
        assertEquals("Order SO-4711 was due on Monday.", conversation.get(0).body());

        List<TicketChange> history = tickets.history(stored.getId());
        assertEquals(1, history.size(), history.toString());
        assertEquals("status", history.get(0).field());
        assertNull(history.get(0).oldValue());
        assertEquals("NEW", history.get(0).newValue());
        assertEquals("mail", history.get(0).agent());

        List<Interaction> timeline = Services.get(InteractionLog.class).timeline(customer.getId(), 0, 10);
        assertEquals(1, timeline.size());
        assertEquals(Channel.TICKET, timeline.get(0).getChannel());
        assertEquals(Long.toString(stored.getId()), timeline.get(0).getReference());
        assertEquals("Parcel never arrived", timeline.get(0).getSummary());
    }

    @Test
    void invalidTicketsAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        Customer customer = Fixtures.customer("Ravi Patel");
        TicketQuery theirs = TicketQuery.ALL.withCustomer(customer.getId());

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> tickets.create(ticket(customer, "  ", null), "agent"));
        assertTrue(empty.getMessage().startsWith("subject"), empty.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> tickets.create(new Ticket(987_654_321L, "Hello", "body"), "agent"));
        assertTrue(unknown.getMessage().startsWith("customerId") && unknown.getMessage().contains("987654321"),
                unknown.getMessage());

        IllegalArgumentException longSubject = assertThrows(IllegalArgumentException.class,
                () -> tickets.create(ticket(customer, "x".repeat(501), "body"), "agent"));
        assertTrue(longSubject.getMessage().startsWith("subject") && longSubject.getMessage().contains("500"),
                longSubject.getMessage());

        Ticket noStatus = ticket(customer, "Hello", "body");
        noStatus.setStatus(null);
        IllegalArgumentException status = assertThrows(IllegalArgumentException.class,
                () -> tickets.create(noStatus, "agent"));
        assertTrue(status.getMessage().startsWith("status"), status.getMessage());

        assertEquals(0, tickets.count(theirs));
        assertEquals(0, Services.get(InteractionLog.class).count(customer.getId()));

        Ticket stored = tickets.create(ticket(customer, "Valid", "A real question"), "agent");
        Ticket edited = tickets.find(stored.getId()).orElseThrow();
        edited.setBody("y".repeat(32001));
        IllegalArgumentException longBody = assertThrows(IllegalArgumentException.class,
                () -> tickets.save(edited, "agent"));
        assertTrue(longBody.getMessage().startsWith("body"), longBody.getMessage());
        assertEquals("A real question", tickets.find(stored.getId()).orElseThrow().getBody());
        assertEquals(1, tickets.find(stored.getId()).orElseThrow().getVersion());
    }

    @Test
    void everyChangedFieldIsInTheHistory() throws Exception {
        Customer customer = Fixtures.customer("Mei Chen");
        Ticket stored = tickets.create(ticket(customer, "Invoice copy", "Please send the invoice again."), "chat");
        Ticket edited = tickets.find(stored.getId()).orElseThrow();
        edited.setStatus(TicketStatus.OPEN);
        edited.setAssignee("anna");
        edited.setPriority(TicketPriority.URGENT);
        edited.getTags().add("billing");
        Ticket saved;
        try (Fixtures.Events events = new Fixtures.Events(SwitchboardTopics.TICKET_ALL)) {
            saved = tickets.save(edited, "anna");
            assertNotNull(events.next(SwitchboardTopics.TICKET_UPDATED, stored.getId()));
        }
        assertEquals(2, saved.getVersion());
        assertEquals("anna", saved.getAssignee());

        Map<String, TicketChange> changes = tickets.history(stored.getId()).stream().skip(1)
                .collect(Collectors.toMap(TicketChange::field, Function.identity()));
        assertEquals(Set.of("status", "assignee", "priority", "tags"), changes.keySet());
        assertEquals("NEW", changes.get("status").oldValue());
        assertEquals("OPEN", changes.get("status").newValue());
        assertNull(changes.get("assignee").oldValue());
        assertEquals("anna", changes.get("assignee").newValue());
        assertEquals("NORMAL", changes.get("priority").oldValue());
        assertEquals("URGENT", changes.get("priority").newValue());
        assertTrue(changes.values().stream().allMatch(c -> c.agent().equals("anna")));

        // saving without a change writes nothing
        Ticket same = tickets.save(tickets.find(stored.getId()).orElseThrow(), "anna");
        assertEquals(2, same.getVersion());
        assertEquals(5, tickets.history(stored.getId()).size());
    }

    @Test
    void aStaleSaveIsRefusedAndWritesNothing() throws Exception {
        Customer customer = Fixtures.customer("Omar Haddad");
        Ticket stored = tickets.create(ticket(customer, "Wrong size", "The shoes are too small."), "mail");
        Ticket first = tickets.find(stored.getId()).orElseThrow();
        Ticket second = tickets.find(stored.getId()).orElseThrow();
        first.setAssignee("anna");
        tickets.save(first, "anna");
        int historyBefore = tickets.history(stored.getId()).size();

        second.setAssignee("ben");
        second.setCategory("returns");
        second.setStatus(TicketStatus.CLOSED);
        StaleTicketException stale = assertThrows(StaleTicketException.class, () -> tickets.save(second, "ben"));
        assertEquals("anna", stale.current().getAssignee(), "the exception shows what is stored now");
        assertEquals(2, stale.current().getVersion());

        Ticket now = tickets.find(stored.getId()).orElseThrow();
        assertEquals("anna", now.getAssignee());
        assertNull(now.getCategory());
        assertEquals(TicketStatus.NEW, now.getStatus());
        assertEquals(historyBefore, tickets.history(stored.getId()).size());
        assertTrue(tickets.corrections().stream().noneMatch(c -> c.ticketId() == stored.getId()));
    }

    @Test
    void messagesExtendTheConversationAndTheTimelineButNotTheVersion() throws Exception {
        Customer customer = Fixtures.customer("Sofia Rossi");
        Ticket stored = tickets.create(ticket(customer, "Coupon", "My coupon code does not work."), "mail");
        TicketMessage reply = tickets.addMessage(new TicketMessage(null, stored.getId(), Direction.OUTBOUND, "anna",
                null, "Sorry! Here is a new code: SAVE10"));
        assertNotNull(reply.id());
        tickets.addMessage(new TicketMessage(null, stored.getId(), Direction.INTERNAL, "anna", null, "Gave a new code"));
        List<TicketMessage> conversation = tickets.conversation(stored.getId());
        assertEquals(List.of(Direction.INBOUND, Direction.OUTBOUND, Direction.INTERNAL),
                conversation.stream().map(TicketMessage::direction).toList());
        assertEquals(1, tickets.find(stored.getId()).orElseThrow().getVersion(), "an open editor does not go stale");
        List<Interaction> timeline = Services.get(InteractionLog.class).timeline(customer.getId(), 0, 10);
        assertEquals(3, timeline.size());
        assertTrue(timeline.stream().allMatch(
                i -> i.getChannel() == Channel.TICKET && i.getReference().equals(Long.toString(stored.getId()))));

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> tickets
                .addMessage(new TicketMessage(null, stored.getId(), Direction.OUTBOUND, "anna", null, " ")));
        assertTrue(empty.getMessage().startsWith("body"), empty.getMessage());
        IllegalArgumentException noTicket = assertThrows(IllegalArgumentException.class, () -> tickets
                .addMessage(new TicketMessage(null, 987_654_321L, Direction.OUTBOUND, "anna", null, "Hi")));
        assertTrue(noTicket.getMessage().contains("987654321"), noTicket.getMessage());
        assertEquals(3, tickets.conversation(stored.getId()).size());
    }

    @Test
    void searchTreatsPercentUnderscoreAndQuotesAsText() throws Exception {
        Customer customer = Fixtures.customer("Jonas Berg");
        TicketQuery theirs = TicketQuery.ALL.withCustomer(customer.getId());
        long percent = tickets.create(ticket(customer, "Only 100% refund?", "I want all of it back"), "mail").getId();
        tickets.create(ticket(customer, "1000 refunds", "decoy without the sign"), "mail");
        long underscore = tickets.create(ticket(customer, "Login", "user_name is rejected"), "mail").getId();
        tickets.create(ticket(customer, "Login again", "username is rejected"), "mail");
        long quoted = tickets.create(ticket(customer, "It's \"broken\"", "the 'app' crashes"), "mail").getId();

        assertEquals(List.of(percent), ids(theirs.withText("100%")));
        assertEquals(List.of(underscore), ids(theirs.withText("r_n")));
        assertEquals(List.of(quoted), ids(theirs.withText("\"BROKEN\"")), "ignoring case, quotes are text");
        assertEquals(List.of(quoted), ids(theirs.withText("'app'")));
        assertEquals(2, tickets.count(theirs.withText("REJECTED")), "body is searched too");
        assertEquals(List.of(percent), ids(theirs.withText("%")), "a lone % matches only the ticket containing it");
    }

    @Test
    void filtersSortsAndPages() throws Exception {
        Customer customer = Fixtures.customer("Ana Silva");
        TicketQuery theirs = TicketQuery.ALL.withCustomer(customer.getId());
        String queue = "queue-" + Fixtures.unique();
        long a = create(customer, "A first", TicketStatus.NEW, TicketPriority.LOW, queue, "anna");
        long b = create(customer, "B second", TicketStatus.OPEN, TicketPriority.URGENT, queue, "ben");
        long c = create(customer, "C third", TicketStatus.CLOSED, TicketPriority.HIGH, null, "anna");
        long d = create(customer, "D fourth", TicketStatus.PENDING, TicketPriority.NORMAL, "other", null);

        assertEquals(List.of(d, c, b, a), ids(theirs), "newest first by default");
        assertEquals(Set.of(a, b, d), Set.copyOf(ids(theirs.withStatuses(Set.of(TicketStatus.NEW, TicketStatus.OPEN,
                TicketStatus.PENDING)))));
        assertEquals(List.of(b, a), ids(theirs.withCategory(queue.toUpperCase())), "category ignoring case");
        assertEquals(List.of(c, a), ids(theirs.withAssignee("anna")));
        assertEquals(2, tickets.count(theirs.withAssignee("ANNA")));
        assertEquals(List.of(b, c, d, a), ids(theirs.sortedBy(TicketQuery.Sort.PRIORITY, false)), "urgent first");
        assertEquals(List.of(a, b, d, c), ids(theirs.sortedBy(TicketQuery.Sort.STATUS, true)), "in the life cycle's order");
        assertEquals(List.of(a, b, c, d), ids(theirs.sortedBy(TicketQuery.Sort.SUBJECT, true)));
        assertEquals(List.of(b, c), ids(theirs.sortedBy(TicketQuery.Sort.SUBJECT, true).page(1, 2)));
        assertEquals(4, tickets.count(theirs));

        TicketSummary row = tickets.list(theirs.withAssignee("ben")).get(0);
        assertEquals("Ana Silva", row.customerName());
        assertEquals(TicketPriority.URGENT, row.priority());
        assertEquals(queue, row.category());
        assertTrue(tickets.categories().contains(queue));
        assertTrue(tickets.assignees().containsAll(List.of("anna", "ben")));
    }

    @Test
    void deleteRemovesTheTicketWithItsConversationAndHistory() throws Exception {
        Customer customer = Fixtures.customer("Kim Park");
        long id = tickets.create(ticket(customer, "Delete me", "spam"), "mail").getId();
        try (Fixtures.Events events = new Fixtures.Events(SwitchboardTopics.TICKET_ALL)) {
            tickets.delete(id);
            assertNotNull(events.next(SwitchboardTopics.TICKET_DELETED, id));
        }
        assertFalse(tickets.find(id).isPresent());
        assertTrue(tickets.conversation(id).isEmpty());
        assertTrue(tickets.history(id).isEmpty());
        assertEquals(0, tickets.count(TicketQuery.ALL.withCustomer(customer.getId())));
    }

    @Test
    void ticketsFollowAMergedCustomerAndGoWithADeletedOne() throws Exception {
        Customer kept = Fixtures.customer("Maria Lopez");
        Customer other = Fixtures.customer("Maria L\u00f3pez");
        long keptTicket = tickets.create(ticket(kept, "New order", "Where is it?"), "mail").getId();
        long otherTicket = tickets.create(ticket(other, "Old account", "Please merge my accounts"), "mail").getId();
        Services.get(CustomerMerger.class).merge(kept.getId(), other.getId(), Map.of());
        waitUntil(() -> tickets.find(otherTicket).orElseThrow().getCustomerId() == kept.getId(),
                "the merged-away customer's ticket moves to the customer kept");
        TicketChange moved = last(tickets.history(otherTicket));
        assertEquals("customerId", moved.field());
        assertEquals(Long.toString(other.getId()), moved.oldValue());
        assertEquals(Long.toString(kept.getId()), moved.newValue());
        assertEquals("merge", moved.agent());
        assertEquals(2, tickets.count(TicketQuery.ALL.withCustomer(kept.getId())));

        Customer gone = Fixtures.customer("Short Lived");
        long goneTicket = tickets.create(ticket(gone, "Bye", "Delete my data"), "mail").getId();
        Services.get(CustomerRepository.class).delete(gone.getId());
        waitUntil(() -> tickets.find(goneTicket).isEmpty(), "a deleted customer's tickets go with them");
        assertTrue(tickets.find(keptTicket).isPresent());
        assertTrue(tickets.find(otherTicket).isPresent());
    }

    private static TicketChange last(List<TicketChange> history) {
        return history.get(history.size() - 1);
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(50);
        }
    }

    private long create(Customer customer, String subject, TicketStatus status, TicketPriority priority,
            String category, String assignee) throws Exception {
        Ticket ticket = ticket(customer, subject, "body of " + subject);
        ticket.setStatus(status);
        ticket.setPriority(priority);
        ticket.setCategory(category);
        ticket.setAssignee(assignee);
        long id = tickets.create(ticket, "agent").getId();
        Thread.sleep(5); // distinct creation times for the default order
        return id;
    }

    private List<Long> ids(TicketQuery query) {
        List<Long> ids = tickets.list(query).stream().map(TicketSummary::id).toList();
        assertEquals(ids.size(), Math.min(tickets.count(query) - query.offset(), query.limit()),
                "count agrees with list for " + query);
        return ids;
    }
}
