package io.switchboard.chat.services.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatMessage.Sender;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.ConversationTakenException;
import io.switchboard.chat.StatementPair;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.Database;
import io.switchboard.store.StoreException;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketRepository;

/**
 * Conversations in the database, with plain JDBC: the logic of {@link io.switchboard.chat.ChatService}. Plain Java,
 * so tools and tests can use it without OSGi; the DS component only wires it.
 *
 * <p>Each call is one short transaction on the conversation's row: it reads the conversation, decides (asking the
 * bot <em>before</em> the transaction, so no lock is held while it thinks), and writes the row only if its
 * {@code version} is still the one read, with the new messages; if someone else changed the conversation in
 * between, it reads again and decides again. Message ids are taken ({@link IdBlocks}) while the row is locked, so
 * in one conversation they grow in commit order. Events are posted and the customer's timeline written after the
 * commit.
 */
public final class ChatStore {

    /** The store's sequence for conversation and message ids. */
    static final String SEQUENCE = "chat";

    /** The author of bot messages. */
    static final String BOT = CustomerLink.BOT;

    /** Who created a ticket when the caller names no agent. */
    static final String TICKET_AGENT = "chat"; //$NON-NLS-1$

    private static final int ATTEMPTS = 20;

    private static final System.Logger LOG = System.getLogger(ChatStore.class.getName());

    private final Database database;
    private final Events events;
    private final CustomerLink customers;
    private final TicketRepository tickets;
    private final Supplier<Chatbot> bot;
    private final Executor background;
    private final IdBlocks ids = new IdBlocks(this::database, SEQUENCE);
    private volatile boolean migrated;

    /**
     * @param bot        the bot if one is there now, else {@code null}: then every customer message goes to the
     *                   agents
     * @param background runs the slow lookup of a chat handle after {@link #start} returned
     */
    public ChatStore(Database database, Events events, CustomerRepository customers, InteractionLog timeline,
            TicketRepository tickets, Supplier<Chatbot> bot, Executor background) {
        this.database = Objects.requireNonNull(database);
        this.events = Objects.requireNonNull(events);
        this.customers = new CustomerLink(Objects.requireNonNull(customers), Objects.requireNonNull(timeline));
        this.tickets = Objects.requireNonNull(tickets);
        this.bot = Objects.requireNonNull(bot);
        this.background = Objects.requireNonNull(background);
    }

    /** The database with the chat schema applied (and the customers' before it). */
    public Database database() {
        if (!migrated) {
            database.migrate(new ChatSchema());
            migrated = true;
        }
        return database;
    }

    // ---------------------------------------------------------------- reading

    public Optional<Conversation> find(long id) {
        try (Connection connection = database().connect()) {
            return Optional.ofNullable(ConversationTable.load(connection, id));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Conversation existing(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Chat_notFound, id)));
    }

    private Conversation open(long id) {
        Conversation conversation = existing(id);
        if (conversation.state() == ConversationState.CLOSED) {
            throw new IllegalArgumentException(NLS.bind(Messages.Chat_closed, id));
        }
        return conversation;
    }

    public List<Conversation> list(ConversationState state, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        try (Connection connection = database().connect()) {
            return ConversationTable.list(connection, state, limit);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public long count(ConversationState state) {
        try (Connection connection = database().connect()) {
            return ConversationTable.count(connection, state);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public List<ChatMessage> transcript(long conversationId) {
        return transcriptAfter(conversationId, 0);
    }

    /** @throws IllegalArgumentException for an unknown conversation */
    public List<ChatMessage> transcriptAfter(long conversationId, long afterMessageId) {
        List<ChatMessage> messages;
        try (Connection connection = database().connect()) {
            messages = MessageTable.after(connection, conversationId, afterMessageId);
        } catch (SQLException e) {
            throw failure(e);
        }
        if (messages.isEmpty()) {
            existing(conversationId);
        }
        return messages;
    }

    public List<BotAnswer> suggestions(long conversationId, int limit) {
        existing(conversationId);
        Chatbot current = bot.get();
        if (current == null || limit <= 0) {
            return List.of();
        }
        String last;
        try (Connection connection = database().connect()) {
            last = MessageTable.lastFromCustomer(connection, conversationId);
        } catch (SQLException e) {
            throw failure(e);
        }
        if (last == null) {
            return List.of();
        }
        try {
            return current.suggest(last, limit);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "no suggestions for conversation " + conversationId + ": "
                    + e.getMessage(), e);
            return List.of();
        }
    }

    // ---------------------------------------------------------------- writing

    public Conversation start(String channel, String handle) {
        String checkedChannel = Text.required("channel", channel, Limits.CHANNEL); //$NON-NLS-1$
        String checkedHandle = Text.optional("handle", handle, Limits.HANDLE); //$NON-NLS-1$
        Long customerId = customers.byEmail(checkedHandle);
        Instant now = now();
        long id = ids.take(1);
        Conversation conversation = new Conversation(id, checkedChannel, checkedHandle, customerId,
                ConversationState.BOT, null, null, now, now, null, null, null, 1);
        try {
            database().inTransaction(connection -> {
                ConversationTable.insert(connection, conversation);
                return null;
            });
        } catch (SQLException e) {
            throw failure(e);
        }
        events.post(SwitchboardTopics.CHAT_STARTED, id, null);
        if (customerId == null && !checkedHandle.isEmpty()) {
            // A chat handle is a scan of the contact points (CustomerLink#byChatHandle): not on the channel's
            // thread. The conversation is linked when it is found, announced like any link.
            try {
                background.execute(() -> linkByChatHandle(id, checkedHandle));
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "conversation " + id + " is not linked by its handle: too many"
                        + " lookups waiting; an agent can link it");
            }
        }
        return conversation;
    }

    private void linkByChatHandle(long conversationId, String handle) {
        try {
            Long customerId = customers.byChatHandle(database(), handle);
            if (customerId != null) {
                link(conversationId, customerId, true);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "conversation " + conversationId + " is not linked by its handle: "
                    + e.getMessage(), e);
        }
    }

    public List<ChatMessage> customerSays(long conversationId, String text) {
        String message = Text.message(text);
        boolean personPlease = Text.asksForPerson(message);
        BotAnswer answer = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Conversation before = open(conversationId);
            boolean botHasIt = before.state() == ConversationState.BOT;
            if (botHasIt && answer == null) {
                answer = personPlease ? null : ask(message);
                if (answer == null) {
                    String language = Text.language(message);
                    answer = new BotAnswer(CustomerTexts.handOver(language), 0, true, language);
                }
            }
            BotAnswer reply = botHasIt ? answer : null;
            String language = reply != null && reply.language() != null && !reply.language().isBlank()
                    ? Text.truncate(reply.language(), Limits.LANGUAGE)
                    : Text.language(message);
            Instant now = now();
            String last = reply != null ? reply.text() : message;
            ConversationState state = reply != null && reply.handOver() ? ConversationState.WAITING : before.state();
            Conversation after = new Conversation(before.id(), before.channel(), before.handle(), before.customerId(),
                    state, before.agent(), language, before.startedAt(), now,
                    state == ConversationState.WAITING && before.state() != ConversationState.WAITING ? now
                            : before.waitingSince(),
                    Text.preview(last, Limits.PREVIEW), before.ticketId(), before.version() + 1);
            List<ChatMessage> stored = write(after, before.version(), (first) -> {
                List<ChatMessage> messages = new ArrayList<>();
                messages.add(new ChatMessage(first, conversationId, Sender.CUSTOMER, before.handle(), message, 0, now));
                if (reply != null) {
                    messages.add(new ChatMessage(first + 1, conversationId, Sender.BOT, BOT,
                            Text.truncate(Text.clean(reply.text()), Limits.MESSAGE), confidence(reply), now));
                }
                return messages;
            }, reply != null ? 2 : 1);
            if (stored != null) {
                announce(before, after, stored);
                return stored;
            }
        }
        throw busy(conversationId);
    }

    /** The bot's answer, or {@code null} when there is no bot or it failed (the conversation is handed over). */
    private BotAnswer ask(String message) {
        Chatbot current = bot.get();
        if (current == null) {
            return null;
        }
        try {
            BotAnswer answer = current.answer(message);
            return answer == null || answer.text() == null || answer.text().isBlank() ? null : answer;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the bot failed to answer; handing over: " + e.getMessage(), e);
            return null;
        }
    }

    /** The bot's confidence as a column takes it: 0..1, never NaN (which Derby refuses). */
    private static double confidence(BotAnswer answer) {
        double confidence = answer.confidence();
        return Double.isFinite(confidence) ? Math.max(0, Math.min(1, confidence)) : 0;
    }

    public Conversation takeOver(long conversationId, String agent) throws ConversationTakenException {
        String name = Text.required("agent", agent, Limits.AGENT); //$NON-NLS-1$
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Conversation before = open(conversationId);
            if (before.agent() != null && !before.agent().equals(name)) {
                throw new ConversationTakenException(conversationId, before.agent());
            }
            if (before.state() == ConversationState.AGENT) {
                return before;
            }
            Instant now = now();
            List<ChatMessage> joined;
            try {
                joined = database().inTransaction(connection -> {
                    if (!ConversationTable.take(connection, conversationId, name)) {
                        return null;
                    }
                    long id = ids.take(1);
                    List<ChatMessage> messages = List.of(new ChatMessage(id, conversationId, Sender.SYSTEM, name,
                            CustomerTexts.agentJoined(before.language(), name), 0, now));
                    MessageTable.insert(connection, messages);
                    return messages;
                });
            } catch (SQLException e) {
                throw failure(e);
            }
            if (joined != null) {
                Conversation after = existing(conversationId);
                announce(before, after, joined);
                return after;
            }
            // Another agent was faster, or the conversation was closed: the next round says which.
        }
        throw busy(conversationId);
    }

    public Conversation handBack(long conversationId, String agent) {
        String name = Text.required("agent", agent, Limits.AGENT); //$NON-NLS-1$
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Conversation before = open(conversationId);
            if (before.agent() != null && !before.agent().equals(name)) {
                throw new IllegalArgumentException(NLS.bind(Messages.Chat_withAgent, conversationId, before.agent()));
            }
            if (before.state() == ConversationState.BOT) {
                return before;
            }
            Conversation after = new Conversation(before.id(), before.channel(), before.handle(), before.customerId(),
                    ConversationState.BOT, null, before.language(), before.startedAt(), before.lastMessageAt(), null,
                    before.preview(), before.ticketId(), before.version() + 1);
            Instant now = now();
            List<ChatMessage> stored = write(after, before.version(),
                    first -> List.of(new ChatMessage(first, conversationId, Sender.SYSTEM, name,
                            CustomerTexts.botAgain(before.language()), 0, now)),
                    1);
            if (stored != null) {
                announce(before, after, stored);
                return after;
            }
        }
        throw busy(conversationId);
    }

    public ChatMessage agentSays(long conversationId, String agent, String text) throws ConversationTakenException {
        String name = Text.required("agent", agent, Limits.AGENT); //$NON-NLS-1$
        String message = Text.message(text);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Conversation before = open(conversationId);
            if (before.agent() != null && !before.agent().equals(name)) {
                throw new ConversationTakenException(conversationId, before.agent());
            }
            boolean takes = before.state() != ConversationState.AGENT;
            Instant now = now();
            Conversation after = new Conversation(before.id(), before.channel(), before.handle(), before.customerId(),
                    ConversationState.AGENT, name, before.language(), before.startedAt(), now, null,
                    Text.preview(message, Limits.PREVIEW), before.ticketId(), before.version() + 1);
            List<ChatMessage> stored = write(after, before.version(), first -> {
                List<ChatMessage> messages = new ArrayList<>();
                if (takes) {
                    messages.add(new ChatMessage(first, conversationId, Sender.SYSTEM, name,
                            CustomerTexts.agentJoined(before.language(), name), 0, now));
                }
                messages.add(new ChatMessage(first + messages.size(), conversationId, Sender.AGENT, name, message, 0,
                        now));
                return messages;
            }, takes ? 2 : 1);
            if (stored != null) {
                announce(before, after, stored);
                return stored.get(stored.size() - 1);
            }
        }
        throw busy(conversationId);
    }

    public Conversation linkCustomer(long conversationId, long customerId) {
        customers.requireCustomer(customerId);
        return link(conversationId, customerId, false);
    }

    /**
     * Links the conversation and writes what was said so far to the customer's timeline: the messages read while
     * the row is locked, so each message is written once, by this or by the call that stores it.
     *
     * @param onlyIfUnlinked leave a conversation linked meanwhile (by an agent) as it is
     */
    private Conversation link(long conversationId, long customerId, boolean onlyIfUnlinked) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Conversation before = existing(conversationId);
            if (Objects.equals(before.customerId(), customerId) || onlyIfUnlinked && before.customerId() != null) {
                return before;
            }
            Conversation after = withCustomer(before, customerId);
            List<ChatMessage> soFar;
            try {
                soFar = database().inTransaction(connection -> ConversationTable.update(connection, after,
                        before.version()) ? MessageTable.after(connection, conversationId, 0) : null);
            } catch (SQLException e) {
                throw failure(e);
            }
            if (soFar != null) {
                events.post(SwitchboardTopics.CHAT_CHANGED, conversationId, null);
                customers.write(customerId, conversationId, after.channel(), soFar);
                return after;
            }
        }
        throw busy(conversationId);
    }

    public long toTicket(long conversationId, String agent) {
        Conversation conversation = existing(conversationId);
        if (conversation.customerId() == null) {
            throw new IllegalArgumentException(NLS.bind(Messages.Chat_noCustomer, conversationId));
        }
        if (conversation.ticketId() != null) {
            return conversation.ticketId();
        }
        List<ChatMessage> messages = transcript(conversationId);
        // The customer's first message says what it is about, unless it only asked for a person.
        String subject = messages.stream()
                .filter(m -> m.sender() == Sender.CUSTOMER && !Text.asksForPerson(m.text())).findFirst()
                .map(m -> Text.preview(m.text(), Limits.TICKET_SUBJECT))
                .orElse(NLS.bind(Messages.Chat_ticketSubject, conversationId));
        Ticket ticket = new Ticket(conversation.customerId(), subject, Transcripts.text(messages, Limits.TICKET_BODY));
        ticket.setChannel(Channel.CHAT);
        String by = agent == null || agent.isBlank() ? TICKET_AGENT : Text.truncate(agent.strip(), Limits.AGENT);
        long ticketId = tickets.create(ticket, by).getId();
        boolean recorded;
        try {
            recorded = database().inTransaction(connection -> ConversationTable.setTicket(connection, conversationId,
                    ticketId));
        } catch (SQLException e) {
            throw failure(e);
        }
        if (!recorded) {
            // Someone turned it into a ticket at the same time: theirs is the conversation's, ours goes.
            tickets.delete(ticketId);
            return existing(conversationId).ticketId();
        }
        events.post(SwitchboardTopics.CHAT_CHANGED, conversationId, null);
        return ticketId;
    }

    public Conversation close(long conversationId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Conversation before = existing(conversationId);
            if (before.state() == ConversationState.CLOSED) {
                return before;
            }
            Conversation after = new Conversation(before.id(), before.channel(), before.handle(), before.customerId(),
                    ConversationState.CLOSED, before.agent(), before.language(), before.startedAt(),
                    before.lastMessageAt(), null, before.preview(), before.ticketId(), before.version() + 1);
            if (write(after, before.version(), first -> List.of(), 0) != null) {
                events.post(SwitchboardTopics.CHAT_CHANGED, conversationId, null);
                learn(conversationId);
                return after;
            }
        }
        throw busy(conversationId);
    }

    /** The bot learns what the agents answered in the conversation; a failure is logged, the close stands. */
    private void learn(long conversationId) {
        Chatbot current = bot.get();
        if (current == null) {
            return;
        }
        List<StatementPair> pairs = Transcripts.agentAnswers(transcript(conversationId));
        if (pairs.isEmpty()) {
            return;
        }
        try {
            current.learn(pairs, "conversation " + conversationId); //$NON-NLS-1$
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the bot did not learn from conversation " + conversationId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Follows a customer who is gone: after a merge the timeline, with the conversation's entries, was moved to the
     * customer kept, and the conversation follows it; else the customer its handle belongs to now (a merge moves
     * the contact points too), else it is unlinked. The conversation itself always stays.
     *
     * @return how many conversations were moved to another customer and how many unlinked
     */
    public int[] customerGone(long customerId) {
        List<Long> ids;
        try (Connection connection = database().connect()) {
            ids = ConversationTable.ofCustomer(connection, customerId);
        } catch (SQLException e) {
            throw failure(e);
        }
        int moved = 0;
        int unlinked = 0;
        for (long id : ids) {
            Conversation conversation = find(id).orElse(null);
            if (conversation == null) {
                continue;
            }
            Long owner;
            try (Connection connection = database().connect()) {
                owner = CustomerLink.timelineOwner(connection, id, customerId);
            } catch (SQLException e) {
                throw failure(e);
            }
            boolean timelineMoved = owner != null;
            if (owner == null) {
                Long byHandle = customers.byEmail(conversation.handle());
                if (byHandle == null || byHandle == customerId) {
                    byHandle = customers.byChatHandle(database(), conversation.handle());
                }
                owner = byHandle == null || byHandle == customerId ? null : byHandle;
            }
            Long next = owner;
            boolean written;
            try {
                written = database().inTransaction(connection -> ConversationTable.relink(connection, id, customerId,
                        next));
            } catch (SQLException e) {
                throw failure(e);
            }
            if (!written) {
                continue;
            }
            if (next == null) {
                unlinked++;
            } else {
                moved++;
                if (!timelineMoved) {
                    customers.write(next, id, conversation.channel(), transcript(id));
                }
            }
            events.post(SwitchboardTopics.CHAT_CHANGED, id, null);
        }
        return new int[] { moved, unlinked };
    }

    // ---------------------------------------------------------------- helpers

    /** The messages of one write, given the first of the ids reserved for them. */
    @FunctionalInterface
    private interface NewMessages {
        List<ChatMessage> with(long firstId);
    }

    /**
     * Writes {@code after} if the conversation is still at {@code expectedVersion}, with the new messages, in one
     * transaction; the ids are reserved after the row is locked.
     *
     * @return the messages written, or {@code null} when someone changed the conversation first (nothing written)
     */
    private List<ChatMessage> write(Conversation after, long expectedVersion, NewMessages messages, int count) {
        try {
            return database().inTransaction(connection -> {
                if (!ConversationTable.update(connection, after, expectedVersion)) {
                    return null;
                }
                if (count == 0) {
                    return List.of();
                }
                List<ChatMessage> stored = messages.with(ids.take(count));
                MessageTable.insert(connection, stored);
                return stored;
            });
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** After the commit: the events, and the customer's timeline. */
    private void announce(Conversation before, Conversation after, List<ChatMessage> messages) {
        if (before.state() != after.state() || !Objects.equals(before.agent(), after.agent())) {
            events.post(SwitchboardTopics.CHAT_CHANGED, after.id(), null);
        }
        for (ChatMessage message : messages) {
            events.post(SwitchboardTopics.CHAT_MESSAGE, after.id(), message.id());
        }
        if (after.customerId() != null) {
            customers.write(after.customerId(), after.id(), after.channel(), messages);
        }
    }

    private static Conversation withCustomer(Conversation c, Long customerId) {
        return new Conversation(c.id(), c.channel(), c.handle(), customerId, c.state(), c.agent(), c.language(),
                c.startedAt(), c.lastMessageAt(), c.waitingSince(), c.preview(), c.ticketId(), c.version() + 1);
    }

    private static StoreException busy(long conversationId) {
        return new StoreException(NLS.bind(Messages.Chat_busy, conversationId), null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static StoreException failure(SQLException e) {
        return new StoreException(e.getMessage(), e);
    }
}
