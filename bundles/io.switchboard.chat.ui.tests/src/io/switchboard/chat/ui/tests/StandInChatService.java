package io.switchboard.chat.ui.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatMessage.Sender;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.ConversationTakenException;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketRepository;

/** TEMPORARY: stands in for the chat services until branch chat-services has them. */
final class StandInChatService implements ChatService {

    private final EventAdmin events;
    private final CustomerRepository customers;
    private final TicketRepository tickets;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<Long, List<ChatMessage>> messages = new ConcurrentHashMap<>();

    StandInChatService(EventAdmin events, CustomerRepository customers, TicketRepository tickets) {
        this.events = events;
        this.customers = customers;
        this.tickets = tickets;
    }

    private void post(String topic, long id) {
        events.postEvent(new Event(topic, Map.of(SwitchboardTopics.PROPERTY_ID, id)));
    }

    @Override
    public synchronized Conversation start(String channel, String handle) {
        long id = ids.incrementAndGet();
        Long customer = handle == null ? null : customers.findByEmail(handle).map(c -> c.getId()).orElse(null);
        Instant now = Instant.now();
        Conversation c = new Conversation(id, channel, handle, customer, ConversationState.BOT, null, "en", now, now,
                null, "", null, 0);
        conversations.put(id, c);
        messages.put(id, new ArrayList<>());
        post(SwitchboardTopics.CHAT_STARTED, id);
        return c;
    }

    private ChatMessage add(long id, Sender sender, String author, String text, double confidence) {
        ChatMessage m = new ChatMessage(ids.incrementAndGet(), id, sender, author, text, confidence, Instant.now());
        messages.get(id).add(m);
        Conversation c = conversations.get(id);
        conversations.put(id, new Conversation(c.id(), c.channel(), c.handle(), c.customerId(), c.state(), c.agent(),
                c.language(), c.startedAt(), m.sentAt(), c.waitingSince(), text, c.ticketId(), c.version() + 1));
        post(SwitchboardTopics.CHAT_MESSAGE, id);
        return m;
    }

    private Conversation change(long id, ConversationState state, String agent, Instant waiting) {
        Conversation c = conversations.get(id);
        Conversation n = new Conversation(c.id(), c.channel(), c.handle(), c.customerId(), state, agent, c.language(),
                c.startedAt(), c.lastMessageAt(), waiting, c.preview(), c.ticketId(), c.version() + 1);
        conversations.put(id, n);
        post(SwitchboardTopics.CHAT_CHANGED, id);
        return n;
    }

    @Override
    public synchronized List<ChatMessage> customerSays(long id, String text) {
        Conversation c = conversations.get(id);
        if (c == null || c.state() == ConversationState.CLOSED || text.isBlank()) {
            throw new IllegalArgumentException("no");
        }
        List<ChatMessage> out = new ArrayList<>();
        out.add(add(id, Sender.CUSTOMER, c.handle(), text, 0));
        if (c.state() == ConversationState.BOT) {
            if (text.toLowerCase().contains("hours")) {
                out.add(add(id, Sender.BOT, "bot", "We are open from 9 to 17.", 0.9));
            } else {
                out.add(add(id, Sender.BOT, "bot", "A person will answer you shortly.", 0.1));
                change(id, ConversationState.WAITING, null, Instant.now().minusSeconds(125));
            }
        }
        return out;
    }

    @Override
    public synchronized Conversation takeOver(long id, String agent) throws ConversationTakenException {
        Conversation c = conversations.get(id);
        if (c.state() == ConversationState.AGENT && !agent.equals(c.agent())) {
            throw new ConversationTakenException(id, c.agent());
        }
        return change(id, ConversationState.AGENT, agent, null);
    }

    @Override
    public synchronized Conversation handBack(long id, String agent) {
        return change(id, ConversationState.BOT, null, null);
    }

    @Override
    public synchronized ChatMessage agentSays(long id, String agent, String text) throws ConversationTakenException {
        Conversation c = conversations.get(id);
        if (c.state() != ConversationState.AGENT) {
            takeOver(id, agent);
        }
        return add(id, Sender.AGENT, agent, text, 0);
    }

    @Override
    public List<BotAnswer> suggestions(long id, int limit) {
        return List.of(new BotAnswer("Your card arrives within 5 working days.", 0.41, true, "en"),
                new BotAnswer("You can change your contract in the app under Settings.", 0.33, true, "en"),
                new BotAnswer("Please tell me your customer number.", 0.2, true, "en")).subList(0, Math.min(3, limit));
    }

    @Override
    public synchronized Conversation linkCustomer(long id, long customerId) {
        Conversation c = conversations.get(id);
        Conversation n = new Conversation(c.id(), c.channel(), c.handle(), customerId, c.state(), c.agent(),
                c.language(), c.startedAt(), c.lastMessageAt(), c.waitingSince(), c.preview(), c.ticketId(),
                c.version() + 1);
        conversations.put(id, n);
        post(SwitchboardTopics.CHAT_CHANGED, id);
        return n;
    }

    @Override
    public synchronized long toTicket(long id, String agent) {
        Conversation c = conversations.get(id);
        StringBuilder body = new StringBuilder();
        for (ChatMessage m : messages.get(id)) {
            body.append(m.sender()).append(": ").append(m.text()).append('\n');
        }
        Ticket ticket = tickets.create(new Ticket(c.customerId(), "Chat with " + c.handle(), body.toString()), agent);
        conversations.put(id, new Conversation(c.id(), c.channel(), c.handle(), c.customerId(), c.state(), c.agent(),
                c.language(), c.startedAt(), c.lastMessageAt(), c.waitingSince(), c.preview(), ticket.getId(),
                c.version() + 1));
        post(SwitchboardTopics.CHAT_CHANGED, id);
        return ticket.getId();
    }

    @Override
    public synchronized Conversation close(long id) {
        return change(id, ConversationState.CLOSED, conversations.get(id).agent(), null);
    }

    @Override
    public Optional<Conversation> find(long id) {
        return Optional.ofNullable(conversations.get(id));
    }

    @Override
    public List<Conversation> list(ConversationState state, int limit) {
        return conversations.values().stream().filter(c -> c.state() == state)
                .sorted(Comparator.comparing((Conversation c) -> c.waitingSince() == null ? c.startedAt()
                        : c.waitingSince()))
                .limit(limit).toList();
    }

    @Override
    public long count(ConversationState state) {
        return conversations.values().stream().filter(c -> c.state() == state).count();
    }

    @Override
    public List<ChatMessage> transcript(long id) {
        return List.copyOf(messages.get(id));
    }

    @Override
    public List<ChatMessage> transcriptAfter(long id, long after) {
        return messages.get(id).stream().filter(m -> m.id() > after).toList();
    }
}
