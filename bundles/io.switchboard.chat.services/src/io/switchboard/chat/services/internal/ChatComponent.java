package io.switchboard.chat.services.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.ConversationTakenException;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.Database;
import io.switchboard.tickets.TicketRepository;

/**
 * The conversation service, one component over one {@link ChatStore}. The bot is optional and may come and go
 * (dynamic, greedy): without it every customer message is handed over to the agents.
 *
 * <p>Events, after each commit: {@link SwitchboardTopics#CHAT_STARTED} for a new conversation,
 * {@link SwitchboardTopics#CHAT_MESSAGE} for each new message (with {@link SwitchboardTopics#PROPERTY_MESSAGE_ID}),
 * {@link SwitchboardTopics#CHAT_CHANGED} when its state, agent, customer or ticket changed; always with
 * {@link SwitchboardTopics#PROPERTY_ID}, the conversation.
 *
 * <p>It also listens for customers that are deleted or merged away: their conversations follow the customer they
 * were merged into, or are unlinked ({@link ChatStore#customerGone}).
 */
@Component(service = { ChatService.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + SwitchboardTopics.CUSTOMER_DELETED)
public class ChatComponent implements ChatService, EventHandler {

    private static final System.Logger LOG = System.getLogger(ChatComponent.class.getName());

    /** Chat handle lookups that may wait for the one thread that does them. */
    private static final int LOOKUPS_WAITING = 1000;

    @Reference
    private Database database;

    @Reference
    private CustomerRepository customers;

    @Reference
    private InteractionLog timeline;

    @Reference
    private TicketRepository tickets;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Chatbot chatbot;

    private ChatStore store;
    private ThreadPoolExecutor background;

    @Activate
    void activate() {
        // One thread for the chat handle lookups (a scan each), with a bounded queue: a flood of new conversations
        // leaves some unlinked (an agent can link them) rather than queueing without end.
        background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(LOOKUPS_WAITING),
                runnable -> {
                    Thread thread = new Thread(runnable, "chat handle lookup"); //$NON-NLS-1$
                    thread.setDaemon(true);
                    return thread;
                });
        // Nothing touches the database here: the data folder may not be chosen yet.
        store = new ChatStore(database, this::post, customers, timeline, tickets, () -> chatbot, background);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
            background.shutdownNow();
        }
    }

    /** The store behind the service, for the tests in the friend bundle. */
    ChatStore store() {
        return store;
    }

    private void post(String topic, long conversationId, Long messageId) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(SwitchboardTopics.PROPERTY_ID, conversationId);
            if (messageId != null) {
                properties.put(SwitchboardTopics.PROPERTY_MESSAGE_ID, messageId);
            }
            events.postEvent(new Event(topic, properties));
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(SwitchboardTopics.PROPERTY_ID) instanceof Long customerId) {
            try {
                store.customerGone(customerId);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "conversations of customer " + customerId
                        + " could not follow the customer's deletion: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Conversation start(String channel, String handle) {
        return store.start(channel, handle);
    }

    @Override
    public List<ChatMessage> customerSays(long conversationId, String text) {
        return store.customerSays(conversationId, text);
    }

    @Override
    public Conversation takeOver(long conversationId, String agent) throws ConversationTakenException {
        return store.takeOver(conversationId, agent);
    }

    @Override
    public Conversation handBack(long conversationId, String agent) {
        return store.handBack(conversationId, agent);
    }

    @Override
    public ChatMessage agentSays(long conversationId, String agent, String text) throws ConversationTakenException {
        return store.agentSays(conversationId, agent, text);
    }

    @Override
    public List<BotAnswer> suggestions(long conversationId, int limit) {
        return store.suggestions(conversationId, limit);
    }

    @Override
    public Conversation linkCustomer(long conversationId, long customerId) {
        return store.linkCustomer(conversationId, customerId);
    }

    @Override
    public long toTicket(long conversationId, String agent) {
        return store.toTicket(conversationId, agent);
    }

    @Override
    public Conversation close(long conversationId) {
        return store.close(conversationId);
    }

    @Override
    public Optional<Conversation> find(long conversationId) {
        return store.find(conversationId);
    }

    @Override
    public List<Conversation> list(ConversationState state, int limit) {
        return store.list(state, limit);
    }

    @Override
    public long count(ConversationState state) {
        return store.count(state);
    }

    @Override
    public List<ChatMessage> transcript(long conversationId) {
        return store.transcript(conversationId);
    }

    @Override
    public List<ChatMessage> transcriptAfter(long conversationId, long afterMessageId) {
        return store.transcriptAfter(conversationId, afterMessageId);
    }
}
