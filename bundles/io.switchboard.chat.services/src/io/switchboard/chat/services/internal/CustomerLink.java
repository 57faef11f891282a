package io.switchboard.chat.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.eclipse.osgi.util.NLS;

import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatMessage.Sender;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.Database;

/**
 * The conversation's side of the customers: finding the customer a handle belongs to, writing messages to the
 * customer's timeline, and finding where a merged customer's conversations went. It reads the customers' tables
 * (contact points, timeline) but writes them only through {@link InteractionLog}.
 *
 * <p>The timeline gets one entry per message (customer: INBOUND; bot and agent: OUTBOUND with "bot" or the agent's
 * name), each with the reference {@code chat:<conversation id>}: an entry is one append, cheap and never rewritten,
 * and the timeline then reads like the conversation did. One entry per conversation, updated as it grows, would
 * have to rewrite an entry the customers' capability owns on every message. System notices are not written.
 */
final class CustomerLink {

    /** The timeline's agent name for the bot's answers. */
    static final String BOT = "bot"; //$NON-NLS-1$
    /** Prefix of the timeline entries' reference: {@code chat:<conversation id>}. */
    static final String REFERENCE = "chat:"; //$NON-NLS-1$

    private static final System.Logger LOG = System.getLogger(CustomerLink.class.getName());

    private final CustomerRepository customers;
    private final InteractionLog timeline;

    CustomerLink(CustomerRepository customers, InteractionLog timeline) {
        this.customers = customers;
        this.timeline = timeline;
    }

    /**
     * The customer whose e-mail address {@code handle} is, or {@code null}: through the repository, which asks its
     * text index (milliseconds however many customers there are).
     */
    Long byEmail(String handle) {
        if (handle == null || handle.indexOf('@') <= 0) {
            return null;
        }
        return customers.findByEmail(handle).map(Customer::getId).orElse(null);
    }

    /**
     * The one customer with the chat handle {@code handle} ({@link ContactKind#CHAT}, compared as
     * {@link ContactKind#key} keys it), or {@code null} when none or several have it. The customers' API has no
     * such lookup and their text index does not key chat handles; the contact points have no index on their key
     * (the customers' schema dropped it for the bulk import's sake), so this reads them all: about half a second
     * at 300,000 customers. Callers run it off the caller's thread ({@link ChatStore#start}).
     */
    Long byChatHandle(Database database, String handle) {
        if (handle == null || handle.isBlank()) {
            return null;
        }
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement("SELECT DISTINCT p.customer_id"
                        + " FROM contact_points p JOIN customers c ON c.id = p.customer_id"
                        + " WHERE p.kind = ? AND p.contact_key = ? FETCH FIRST 2 ROWS ONLY")) {
            select.setString(1, ContactKind.CHAT.name());
            select.setString(2, ContactKind.CHAT.key(handle));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long id = row.getLong(1);
                return row.next() ? null : id;
            }
        } catch (SQLException e) {
            throw ChatStore.failure(e);
        }
    }

    /** @throws IllegalArgumentException if the customer does not exist */
    void requireCustomer(long customerId) {
        if (customers.find(customerId).isEmpty()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Chat_customerNotFound, customerId));
        }
    }

    /**
     * Where a conversation of a customer who is gone went: a merge moves the whole timeline to the customer
     * kept, so the customer whose timeline now has the conversation's entries; {@code null} if none has.
     */
    static Long timelineOwner(Connection connection, long conversationId, long goneCustomerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT i.customer_id FROM interactions i"
                + " JOIN customers c ON c.id = i.customer_id WHERE i.channel = ? AND i.reference_no = ?"
                + " AND i.customer_id <> ? FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, Channel.CHAT.name());
            select.setString(2, REFERENCE + conversationId);
            select.setLong(3, goneCustomerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    /**
     * Appends the messages to the customer's timeline. It runs after the conversation's own transaction: a
     * failing entry (the customer deleted meanwhile) is logged and undoes nothing.
     */
    void write(long customerId, long conversationId, String channel, List<ChatMessage> messages) {
        for (ChatMessage message : messages) {
            if (message.sender() == Sender.SYSTEM) {
                continue;
            }
            Interaction entry = new Interaction();
            entry.setCustomerId(customerId);
            entry.setChannel(Channel.CHAT);
            entry.setDirection(message.sender() == Sender.CUSTOMER ? Direction.INBOUND : Direction.OUTBOUND);
            entry.setAgent(switch (message.sender()) {
            case BOT -> BOT;
            case AGENT -> Text.truncate(message.author(), Limits.AGENT);
            default -> null;
            });
            entry.setSummary(Text.preview(NLS.bind(Messages.Chat_timelineSummary, message.text()),
                    Limits.TIMELINE_SUMMARY));
            entry.setBody(message.text());
            entry.setReference(REFERENCE + conversationId);
            entry.setOccurredAt(message.sentAt());
            try {
                timeline.append(entry);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "chat message " + message.id() + " of conversation "
                        + conversationId + " (" + channel + ") is stored but not in the timeline of customer "
                        + customerId + ": " + e.getMessage(), e);
            }
        }
    }
}
