package io.switchboard.chat.services.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatMessage.Sender;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.ConversationTakenException;
import io.switchboard.chat.services.internal.ChatSchema;
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
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketRepository;

/**
 * The conversation service on the real store: states, agents, refusals, events, the customer's timeline and
 * tickets. Nothing here depends on what the bot knows: where a conversation must wait for an agent, the customer
 * asks for a person, which hands over whatever the bot knows.
 */
class ConversationTest {

    private final ChatService chat = Services.get(ChatService.class);

    @Test
    void theServiceIsADeclarativeServiceOfTheServicesBundleWithItsSchema() throws Exception {
        ServiceReference<ChatService> reference = Fixtures.context().getServiceReference(ChatService.class);
        assertEquals("io.switchboard.chat.services", reference.getBundle().getSymbolicName());
        assertNotNull(reference.getProperty("component.name"), "registered by Declarative Services");
        Collection<ServiceReference<SchemaMigrations>> schemas = Fixtures.context()
                .getServiceReferences(SchemaMigrations.class, null);
        assertTrue(schemas.stream().map(r -> Fixtures.context().getService(r).capability()).anyMatch("chat"::equals));
        chat.count(ConversationState.WAITING); // first use brings the schema up to date
        assertEquals(ChatSchema.MIGRATIONS_COUNT, Services.get(Database.class).schemaVersion("chat"));
    }

    @Test
    void aNewConversationIsWithTheBotAndAnnounced() throws Exception {
        Conversation started;
        try (Fixtures.Events events = new Fixtures.Events(SwitchboardTopics.CHAT_ALL)) {
            started = chat.start("web", "  visitor-" + Fixtures.unique() + " ");
            assertNotNull(events.next(SwitchboardTopics.CHAT_STARTED, started.id(), null), "started event");
        }
        assertEquals(ConversationState.BOT, started.state());
        assertEquals("web", started.channel());
        assertTrue(started.handle().startsWith("visitor-"), "the handle is trimmed: " + started.handle());
        assertNull(started.customerId(), "no customer has this handle");
        assertNull(started.agent());
        assertNull(started.waitingSince());
        assertEquals(started, chat.find(started.id()).orElseThrow());
        assertTrue(chat.transcript(started.id()).isEmpty());
        assertTrue(chat.find(Long.MAX_VALUE).isEmpty());
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        long id = chat.start("web", "").id();
        assertMessage("message: a message needs text", () -> chat.customerSays(id, ""));
        assertMessage("message: a message needs text", () -> chat.customerSays(id, " \n\t "));
        assertMessage("message: a message needs text", () -> chat.customerSays(id, null));
        assertMessage("message: 4,001 characters, longer than the 4,000 a chat message may have",
                () -> chat.customerSays(id, "x".repeat(4001)));
        assertMessage("message: 1,048,576 characters, longer than the 4,000 a chat message may have",
                () -> chat.customerSays(id, "y".repeat(1 << 20)));
        assertMessage("message: a message needs text", () -> chat.agentSays(id, "anna", "  "));
        assertMessage("agent: a value is required", () -> chat.agentSays(id, " ", "Hello"));
        assertMessage("agent: a value is required", () -> chat.takeOver(id, null));
        assertTrue(chat.transcript(id).isEmpty(), "nothing refused was stored");
        assertEquals(ConversationState.BOT, chat.find(id).orElseThrow().state());
        assertEquals(1, chat.find(id).orElseThrow().version(), "the conversation was not touched");

        assertMessage("conversation " + Long.MAX_VALUE + " does not exist",
                () -> chat.customerSays(Long.MAX_VALUE, "Hello"));
        assertMessage("conversation -1 does not exist", () -> chat.takeOver(-1, "anna"));
        assertMessage("conversation -1 does not exist", () -> chat.transcript(-1));
        assertMessage("conversation -1 does not exist", () -> chat.close(-1));
        assertMessage("conversation -1 does not exist", () -> chat.agentSays(-1, "anna", "Hi"));
        assertMessage("conversation -1 does not exist", () -> chat.handBack(-1, "anna"));
        assertMessage("conversation -1 does not exist", () -> chat.transcriptAfter(-1, 0));
        assertMessage("conversation -1 does not exist", () -> chat.suggestions(-1, 3));
        assertMessage("conversation -1 does not exist", () -> chat.toTicket(-1, "anna"));
        Customer customer = Fixtures.customer("Nobody Special");
        assertMessage("conversation -1 does not exist", () -> chat.linkCustomer(-1, customer.getId()));
        assertMessage("channel: a value is required", () -> chat.start(" ", "someone"));
        assertMessage("channel: longer than 32 characters", () -> chat.start("c".repeat(33), "someone"));
        assertMessage("handle: longer than 254 characters", () -> chat.start("web", "h".repeat(255)));

        String longest = "z".repeat(4000);
        assertEquals(longest, chat.customerSays(id, longest).get(0).text(), "the limit itself is allowed");

        long closedBefore = chat.count(ConversationState.CLOSED);
        Conversation closed = chat.close(id);
        assertEquals(ConversationState.CLOSED, closed.state());
        assertEquals(closed, chat.find(id).orElseThrow());
        assertEquals(closed, chat.close(id), "closing again changes nothing");
        assertEquals(closedBefore + 1, chat.count(ConversationState.CLOSED));
        int messages = chat.transcript(id).size();
        assertMessage("conversation " + id + " is closed", () -> chat.customerSays(id, "Still there?"));
        assertMessage("conversation " + id + " is closed", () -> chat.agentSays(id, "anna", "Yes"));
        assertMessage("conversation " + id + " is closed", () -> chat.takeOver(id, "anna"));
        assertMessage("conversation " + id + " is closed", () -> chat.handBack(id, "anna"));
        assertEquals(messages, chat.transcript(id).size(), "nothing stored in a closed conversation");
    }

    @Test
    void markupAndScriptAreStoredAsTheTextTyped() throws Exception {
        long id = chat.start("web", "").id();
        String html = "<script>alert('hi')</script><b>bold</b> &amp; <img src=x onerror=alert(1)> \"quoted\"";
        List<ChatMessage> stored = chat.customerSays(id, html);
        assertEquals(html, stored.get(0).text());
        assertEquals(html, chat.transcript(id).get(0).text(), "read back verbatim");
        chat.takeOver(id, "anna");
        String reply = "Use <br> & </textarea> as you like";
        assertEquals(reply, chat.agentSays(id, "anna", reply).text());
        assertEquals(reply, last(chat.transcript(id)).text());
        // What no portable text column takes is dropped, the rest kept.
        assertEquals("ab\u00e9 \ud83d\ude00 \ufffd",
                chat.agentSays(id, "anna", "a\u0000b\u00e9 \ud83d\ude00 \ud800").text());
    }

    @Test
    void onlyOneAgentCanTakeAConversation() throws Exception {
        long id = chat.start("web", "").id();
        Conversation taken = chat.takeOver(id, "anna");
        assertEquals(ConversationState.AGENT, taken.state());
        assertEquals("anna", taken.agent());
        assertEquals(taken, chat.takeOver(id, "anna"), "taking it again changes nothing");
        ConversationTakenException refused = assertThrows(ConversationTakenException.class,
                () -> chat.takeOver(id, "ben"));
        assertEquals("anna", refused.getAgent());
        assertEquals("anna", assertThrows(ConversationTakenException.class,
                () -> chat.agentSays(id, "ben", "I'll take this")).getAgent());
        assertThrows(IllegalArgumentException.class, () -> chat.handBack(id, "ben"));
        Conversation now = chat.find(id).orElseThrow();
        assertEquals("anna", now.agent());
        assertEquals(taken.version(), now.version(), "the refused agents changed nothing");
        assertTrue(chat.transcript(id).stream().noneMatch(m -> "ben".equals(m.author())));
    }

    @Test
    void ofAgentsTakingAtOnceOneWinsTheOthersAreTold() throws Exception {
        List<String> agents = List.of("anna", "ben", "chen", "dora");
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        try {
            for (int round = 0; round < 20; round++) {
                long id = chat.start("web", "").id();
                if (round % 2 == 1) {
                    chat.customerSays(id, "agent"); // waiting in the queue rather than with the bot
                }
                CyclicBarrier together = new CyclicBarrier(agents.size());
                List<Future<String>> results = new ArrayList<>();
                for (String agent : agents) {
                    results.add(pool.submit(() -> {
                        together.await(5, TimeUnit.SECONDS);
                        try {
                            return "took:" + chat.takeOver(id, agent).agent();
                        } catch (ConversationTakenException e) {
                            return "refused:" + e.getAgent();
                        }
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> result : results) {
                    outcomes.add(result.get(30, TimeUnit.SECONDS));
                }
                String winner = chat.find(id).orElseThrow().agent();
                assertNotNull(winner);
                assertEquals(1, outcomes.stream().filter(o -> o.startsWith("took:")).count(), outcomes.toString());
                assertEquals(agents.size() - 1, outcomes.stream().filter(("refused:" + winner)::equals).count(),
                        "the others are told who has it: " + outcomes);
                assertEquals(1, chat.transcript(id).stream().filter(m -> m.sender() == Sender.SYSTEM).count(),
                        "one agent joined");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTwoAgentsBothSawItFreeTheDatabaseLetsOnlyOneTakeIt() throws Exception {
        long id = chat.start("web", "").id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection reader = Services.get(Database.class).connect()) {
            // A reader holding a shared lock on the row until it commits: both agents read the conversation as
            // free, then both wait to write it, so their writes meet in the database, not in the service's check.
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement select = reader
                    .prepareStatement("SELECT agent FROM chat_conversations WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                }
            }
            List<Future<String>> results = new ArrayList<>();
            for (String agent : List.of("anna", "ben")) {
                results.add(pool.submit(() -> {
                    try {
                        return "took:" + chat.takeOver(id, agent).agent();
                    } catch (ConversationTakenException e) {
                        return "refused:" + e.getAgent();
                    }
                }));
            }
            Thread.sleep(1000); // both have read it and wait for the reader
            assertFalse(results.get(0).isDone() || results.get(1).isDone(), "both wait to write");
            reader.commit();
            List<String> outcomes = List.of(results.get(0).get(30, TimeUnit.SECONDS),
                    results.get(1).get(30, TimeUnit.SECONDS));
            String winner = chat.find(id).orElseThrow().agent();
            assertTrue(outcomes.contains("took:" + winner), outcomes.toString());
            assertTrue(outcomes.contains("refused:" + winner), "the other is told who has it: " + outcomes);
            assertEquals(1, chat.transcript(id).size(), "one agent joined");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChannelCatchingUpAfterEachEventMissesNothingWhileBothSidesWrite() throws Exception {
        long id = chat.start("web", "").id();
        chat.takeOver(id, "anna");
        List<Long> seen = new ArrayList<>();
        long[] lastSeen = { last(chat.transcript(id)).id() }; // the agent's joining
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, SwitchboardTopics.CHAT_MESSAGE);
        ServiceRegistration<EventHandler> follower = Fixtures.context().registerService(EventHandler.class, event -> {
            if (Long.valueOf(id).equals(event.getProperty(SwitchboardTopics.PROPERTY_ID))) {
                synchronized (seen) {
                    for (ChatMessage message : chat.transcriptAfter(id, lastSeen[0])) {
                        seen.add(message.id());
                        lastSeen[0] = message.id();
                    }
                }
            }
        }, properties);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int each = 25;
            Future<?> customer = pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    chat.customerSays(id, "customer " + i);
                }
                return null;
            });
            Future<?> agent = pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    chat.agentSays(id, "anna", "agent " + i);
                }
                return null;
            });
            customer.get(60, TimeUnit.SECONDS);
            agent.get(60, TimeUnit.SECONDS);
            List<Long> all = chat.transcript(id).stream().map(ChatMessage::id).toList();
            assertEquals(1 + 2 * each, all.size());
            Fixtures.waitUntil(() -> {
                synchronized (seen) {
                    return seen.size() >= all.size() - 1;
                }
            }, "the follower caught up");
            synchronized (seen) {
                assertEquals(all.subList(1, all.size()), seen, "every message, in order, none skipped");
            }
        } finally {
            pool.shutdownNow();
            follower.unregister();
        }
    }

    @Test
    void manyCustomersAtOnceLoseNothing() throws Exception {
        int customers = 8;
        int each = 6;
        ExecutorService pool = Executors.newFixedThreadPool(customers);
        try {
            List<Future<Long>> started = new ArrayList<>();
            CyclicBarrier together = new CyclicBarrier(customers);
            for (int c = 0; c < customers; c++) {
                int customer = c;
                started.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    long id = chat.start("web", "").id();
                    for (int i = 0; i < each; i++) {
                        chat.customerSays(id, i == 0 ? "agent" : "customer " + customer + " message " + i);
                    }
                    return id;
                }));
            }
            for (Future<Long> future : started) {
                long id = future.get(120, TimeUnit.SECONDS);
                List<Sender> senders = chat.transcript(id).stream().map(ChatMessage::sender).toList();
                assertEquals(List.of(Sender.CUSTOMER, Sender.BOT, Sender.CUSTOMER, Sender.CUSTOMER, Sender.CUSTOMER,
                        Sender.CUSTOMER, Sender.CUSTOMER), senders, "the hand-over, then every message and no reply");
                assertEquals(ConversationState.WAITING, chat.find(id).orElseThrow().state());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAgentAnswersAndHandsBack() throws Exception {
        long id = chat.start("terminal", "").id();
        chat.customerSays(id, "human");
        Conversation waiting = chat.find(id).orElseThrow();
        assertEquals(ConversationState.WAITING, waiting.state());
        assertNotNull(waiting.waitingSince());

        List<ChatMessage> whileWaiting = chat.customerSays(id, "Is anyone there?");
        assertEquals(1, whileWaiting.size(), "no bot reply while waiting: " + whileWaiting);
        assertEquals(ConversationState.WAITING, chat.find(id).orElseThrow().state());

        ChatMessage reply = chat.agentSays(id, "anna", "Hello, I'm Anna. How can I help?");
        assertEquals(Sender.AGENT, reply.sender());
        assertEquals("anna", reply.author());
        Conversation withAgent = chat.find(id).orElseThrow();
        assertEquals(ConversationState.AGENT, withAgent.state(), "answering takes the conversation");
        assertEquals("anna", withAgent.agent());
        assertNull(withAgent.waitingSince());
        assertEquals("Hello, I'm Anna. How can I help?", withAgent.preview());

        List<ChatMessage> toAgent = chat.customerSays(id, "My card does not work");
        assertEquals(1, toAgent.size(), "no bot reply while an agent has it");
        assertEquals(ConversationState.AGENT, chat.find(id).orElseThrow().state());

        List<ChatMessage> transcript = chat.transcript(id);
        assertEquals(List.of(Sender.CUSTOMER, Sender.BOT, Sender.CUSTOMER, Sender.SYSTEM, Sender.AGENT,
                Sender.CUSTOMER), transcript.stream().map(ChatMessage::sender).toList());
        assertEquals("anna joined the conversation.", transcript.get(3).text());
        for (int i = 1; i < transcript.size(); i++) {
            assertTrue(transcript.get(i).id() > transcript.get(i - 1).id(), "ids grow within the conversation");
        }
        assertEquals(transcript.subList(4, 6), chat.transcriptAfter(id, transcript.get(3).id()));
        assertTrue(chat.transcriptAfter(id, last(transcript).id()).isEmpty());

        Conversation back = chat.handBack(id, "anna");
        assertEquals(ConversationState.BOT, back.state());
        assertNull(back.agent());
        assertEquals(back, chat.find(id).orElseThrow());
        assertEquals("The assistant answers again.", last(chat.transcript(id)).text());
        assertEquals("ben", chat.takeOver(id, "ben").agent(), "another agent can take it after the hand-back");
    }

    @Test
    void aCustomerAskingForAPersonWaitsInTheirLanguage() throws Exception {
        long id = chat.start("web", "").id();
        List<ChatMessage> stored = chat.customerSays(id, " 人工 ");
        assertEquals(2, stored.size());
        assertEquals("人工", stored.get(0).text());
        assertEquals(Sender.BOT, stored.get(1).sender());
        assertEquals("谢谢，人工客服马上为您服务。", stored.get(1).text());
        Conversation waiting = chat.find(id).orElseThrow();
        assertEquals(ConversationState.WAITING, waiting.state());
        assertEquals("zh", waiting.language());
        chat.takeOver(id, "anna");
        assertEquals("anna 已加入对话。", last(chat.transcript(id)).text(), "told in the customer's language");

        long english = chat.start("web", "").id();
        assertEquals("Thank you, a person will answer you shortly.",
                chat.customerSays(english, "Agent!").get(1).text());
        assertEquals(ConversationState.WAITING, chat.find(english).orElseThrow().state());
    }

    @Test
    void eventsFollowEveryStoredChange() throws Exception {
        try (Fixtures.Events events = new Fixtures.Events(SwitchboardTopics.CHAT_ALL)) {
            long id = chat.start("web", "").id();
            assertNotNull(events.next(SwitchboardTopics.CHAT_STARTED, id, null));
            List<ChatMessage> stored = chat.customerSays(id, "agent");
            for (ChatMessage message : stored) {
                Event event = events.next(SwitchboardTopics.CHAT_MESSAGE, id, message.id());
                assertNotNull(event, "message event for " + message);
                // Stored before it is announced: a handler reading the transcript finds the message.
                assertTrue(chat.transcriptAfter(id, message.id() - 1).contains(message));
            }
            assertNotNull(events.next(SwitchboardTopics.CHAT_CHANGED, id, null), "handed over");
            chat.takeOver(id, "anna");
            assertNotNull(events.next(SwitchboardTopics.CHAT_CHANGED, id, null), "taken over");
            ChatMessage reply = chat.agentSays(id, "anna", "Hi");
            assertNotNull(events.next(SwitchboardTopics.CHAT_MESSAGE, id, reply.id()));
            chat.close(id);
            assertNotNull(events.next(SwitchboardTopics.CHAT_CHANGED, id, null), "closed");
        }
    }

    @Test
    void waitingConversationsAreListedLongestWaitingFirstAndCounted() throws Exception {
        long before = chat.count(ConversationState.WAITING);
        long first = chat.start("web", "").id();
        long second = chat.start("web", "").id();
        chat.customerSays(second, "agent");
        Thread.sleep(5);
        chat.customerSays(first, "agent");
        assertEquals(before + 2, chat.count(ConversationState.WAITING));
        List<Long> waiting = chat.list(ConversationState.WAITING, 10_000).stream().map(Conversation::id).toList();
        assertTrue(waiting.indexOf(second) < waiting.indexOf(first), "the one waiting longer comes first");
        assertTrue(chat.list(ConversationState.WAITING, 0).isEmpty());
        chat.takeOver(second, "anna");
        assertEquals(before + 1, chat.count(ConversationState.WAITING));
        assertTrue(chat.list(ConversationState.AGENT, 10_000).stream().anyMatch(c -> c.id() == second));
    }

    @Test
    void aConversationStartedWithACustomersAddressIsWrittenToTheirTimeline() throws Exception {
        Customer customer = Fixtures.customer("Lena Fischer");
        Conversation conversation = chat.start("web", Fixtures.email(customer).toUpperCase());
        assertEquals(customer.getId(), conversation.customerId(), "linked by e-mail, ignoring case");
        long id = conversation.id();
        chat.customerSays(id, "person");
        chat.agentSays(id, "anna", "Hello Lena, what can I do for you?");

        List<Interaction> timeline = timeline(customer.getId());
        assertEquals(List.of(Direction.INBOUND, Direction.OUTBOUND, Direction.OUTBOUND),
                timeline.stream().map(Interaction::getDirection).toList(), "one entry per message, not the notice");
        assertTrue(timeline.stream().allMatch(i -> i.getChannel() == Channel.CHAT));
        assertTrue(timeline.stream().allMatch(i -> ("chat:" + id).equals(i.getReference())));
        assertEquals("person", timeline.get(0).getBody());
        assertNull(timeline.get(0).getAgent());
        assertEquals("bot", timeline.get(1).getAgent());
        assertEquals("anna", timeline.get(2).getAgent());
        assertEquals("Hello Lena, what can I do for you?", timeline.get(2).getBody());
    }

    @Test
    void aChatHandleOfExactlyOneCustomerLinksThemJustAfterTheStart() throws Exception {
        String shared = "shared_" + Fixtures.unique();
        Fixtures.customerWithChat("Twin One", shared);
        Fixtures.customerWithChat("Twin Two", shared);
        long ambiguous = chat.start("wechat", shared).id();

        String handle = "wx_" + Fixtures.unique();
        Customer customer = Fixtures.customerWithChat("Wei Zhang", handle);
        long id;
        try (Fixtures.Events events = new Fixtures.Events(SwitchboardTopics.CHAT_CHANGED)) {
            id = chat.start("wechat", " " + handle.toUpperCase() + " ").id();
            chat.customerSays(id, "agent"); // said before the link is found: written to the timeline once
            assertNotNull(events.next(SwitchboardTopics.CHAT_CHANGED, id, null), "the link is announced");
        }
        Fixtures.waitUntil(() -> customer.getId().equals(chat.find(id).orElseThrow().customerId()),
                "linked by the chat handle, ignoring case");
        chat.customerSays(id, "Hello?");
        Fixtures.waitUntil(() -> timeline(customer.getId()).size() == 3, "both messages and the hand-over");
        assertEquals(List.of("agent", "Hello?"), timeline(customer.getId()).stream()
                .filter(i -> i.getDirection() == Direction.INBOUND).map(Interaction::getBody).toList());
        // The lookups run one after the other: the ambiguous one is done, and linked none.
        assertNull(chat.find(ambiguous).orElseThrow().customerId(), "two customers have it: none is linked");
        assertNull(chat.start("web", "nobody." + Fixtures.unique() + "@example.com").customerId());
    }

    @Test
    void linkingLaterWritesTheConversationSoFar() throws Exception {
        long id = chat.start("web", "").id();
        chat.customerSays(id, "agent");
        chat.customerSays(id, "I ordered the wrong size");
        chat.agentSays(id, "ben", "I can change it for you.");
        Customer customer = Fixtures.customer("Ravi Patel");
        assertMessage("customer -5 does not exist", () -> chat.linkCustomer(id, -5));
        try (Fixtures.Events events = new Fixtures.Events(SwitchboardTopics.CHAT_CHANGED)) {
            Conversation linked = chat.linkCustomer(id, customer.getId());
            assertEquals(customer.getId(), linked.customerId());
            assertNotNull(events.next(SwitchboardTopics.CHAT_CHANGED, id, null));
        }
        List<Interaction> timeline = timeline(customer.getId());
        assertEquals(List.of("agent", chat.transcript(id).get(1).text(), "I ordered the wrong size",
                "I can change it for you."), timeline.stream().map(Interaction::getBody).toList());
        chat.linkCustomer(id, customer.getId());
        assertEquals(4, timeline(customer.getId()).size(), "linking again writes nothing twice");

        chat.customerSays(id, "Size M please");
        assertEquals(5, timeline(customer.getId()).size(), "later messages follow");
    }

    @Test
    void aLinkedConversationBecomesATicketWithItsTranscript() throws Exception {
        long id = chat.start("web", "").id();
        chat.customerSays(id, "operator");
        chat.customerSays(id, "My parcel <SO-4711> never arrived");
        chat.agentSays(id, "anna", "I'm sorry, I'll open a ticket.");
        assertMessage("conversation " + id + " is not linked to a customer: link one before turning it into a ticket",
                () -> chat.toTicket(id, "anna"));

        Customer customer = Fixtures.customer("Maria Lopez");
        chat.linkCustomer(id, customer.getId());
        long ticketId;
        try (Fixtures.Events events = new Fixtures.Events(SwitchboardTopics.CHAT_CHANGED)) {
            ticketId = chat.toTicket(id, "anna");
            assertNotNull(events.next(SwitchboardTopics.CHAT_CHANGED, id, null));
        }
        Ticket ticket = Services.get(TicketRepository.class).find(ticketId).orElseThrow();
        assertEquals(customer.getId(), ticket.getCustomerId());
        assertEquals(Channel.CHAT, ticket.getChannel());
        assertEquals("My parcel <SO-4711> never arrived", ticket.getSubject(),
                "the first customer message that is not only a request for a person");
        for (ChatMessage message : chat.transcript(id)) {
            assertTrue(ticket.getBody().contains(message.text()), "the transcript has " + message.text());
        }
        assertTrue(ticket.getBody().contains("anna: I'm sorry, I'll open a ticket."), ticket.getBody());
        assertEquals(ticketId, chat.find(id).orElseThrow().ticketId());
        assertEquals(ticketId, chat.toTicket(id, "anna"), "a conversation becomes one ticket");

        long onlyAsked = chat.start("web", Fixtures.email(customer)).id();
        chat.customerSays(onlyAsked, "人工");
        long second = chat.toTicket(onlyAsked, null);
        assertEquals("Chat conversation " + onlyAsked,
                Services.get(TicketRepository.class).find(second).orElseThrow().getSubject());
    }

    @Test
    void conversationsFollowAMergedCustomerAndStayWhenTheirsIsDeleted() throws Exception {
        Customer kept = Fixtures.customer("Maria Lopez");
        Customer other = Fixtures.customer("Maria L\u00f3pez");
        long merged = chat.start("web", Fixtures.email(other)).id();
        chat.customerSays(merged, "agent");
        long silent = chat.start("web", Fixtures.email(other)).id(); // no timeline entries: found by its handle
        Services.get(CustomerMerger.class).merge(kept.getId(), other.getId(), Map.of());
        Fixtures.waitUntil(() -> kept.getId().equals(chat.find(merged).orElseThrow().customerId()),
                "the conversation follows the customer kept");
        Fixtures.waitUntil(() -> kept.getId().equals(chat.find(silent).orElseThrow().customerId()),
                "the one without messages follows the moved address");

        Customer gone = Fixtures.customer("Short Lived");
        long orphan = chat.start("web", Fixtures.email(gone)).id();
        chat.customerSays(orphan, "agent");
        chat.customerSays(orphan, "Please delete my account");
        long goneTicket = chat.toTicket(orphan, "anna");
        Services.get(CustomerRepository.class).delete(gone.getId());
        Fixtures.waitUntil(() -> chat.find(orphan).orElseThrow().customerId() == null,
                "a deleted customer's conversation is unlinked");
        assertEquals(3, chat.transcript(orphan).size(), "and keeps its messages");
        assertNull(chat.find(orphan).orElseThrow().ticketId(), "its ticket went with the customer");
        Fixtures.waitUntil(() -> Services.get(TicketRepository.class).find(goneTicket).isEmpty(),
                "the tickets' own handling of the deletion");
        chat.customerSays(orphan, "Hello again"); // no timeline to write to: no failure
        assertMessage("conversation " + orphan + " is not linked to a customer: link one before turning it into"
                + " a ticket", () -> chat.toTicket(orphan, "anna"));
    }

    private static List<Interaction> timeline(long customerId) {
        List<Interaction> entries = new ArrayList<>(Services.get(InteractionLog.class).timeline(customerId, 0, 100));
        entries.sort((a, b) -> a.getId().compareTo(b.getId()));
        return entries;
    }

    private static ChatMessage last(List<ChatMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
