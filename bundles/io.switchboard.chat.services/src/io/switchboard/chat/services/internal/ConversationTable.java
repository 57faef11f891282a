package io.switchboard.chat.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;

/**
 * All SQL of {@code chat_conversations}: the one class that writes it. Every write raises {@code version}; the
 * writes that must not overwrite a concurrent change check the version they read, and the take-over checks who
 * has the conversation in the same statement, so of two agents only one can take it.
 */
final class ConversationTable {

    private static final String COLUMNS = "id, version, channel, handle, customer_id, state, agent, language,"
            + " started_at, last_message_at, waiting_since, preview, ticket_id";

    private ConversationTable() {
    }

    static void insert(Connection connection, Conversation conversation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_conversations (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, conversation.id());
            insert.setLong(2, conversation.version());
            insert.setString(3, conversation.channel());
            insert.setString(4, conversation.handle());
            setLong(insert, 5, conversation.customerId());
            insert.setString(6, conversation.state().name());
            insert.setString(7, conversation.agent());
            insert.setString(8, conversation.language());
            insert.setTimestamp(9, Timestamp.from(conversation.startedAt()));
            insert.setTimestamp(10, Timestamp.from(conversation.lastMessageAt()));
            setInstant(insert, 11, conversation.waitingSince());
            insert.setString(12, conversation.preview());
            setLong(insert, 13, conversation.ticketId());
            insert.executeUpdate();
        }
    }

    /** The conversation, or {@code null}. */
    static Conversation load(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection
                .prepareStatement("SELECT " + COLUMNS + " FROM chat_conversations WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? read(row) : null;
            }
        }
    }

    /**
     * Writes every changed field of {@code next} (all but id, channel, start) if the stored version is still
     * {@code expectedVersion}; the stored version becomes {@code expectedVersion + 1}.
     *
     * @return whether it was written (false: someone changed it since it was read)
     */
    static boolean update(Connection connection, Conversation next, long expectedVersion) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE chat_conversations SET"
                + " version = version + 1, handle = ?, customer_id = ?, state = ?, agent = ?, language = ?,"
                + " last_message_at = ?, waiting_since = ?, preview = ?, ticket_id = ? WHERE id = ? AND version = ?")) {
            update.setString(1, next.handle());
            setLong(update, 2, next.customerId());
            update.setString(3, next.state().name());
            update.setString(4, next.agent());
            update.setString(5, next.language());
            update.setTimestamp(6, Timestamp.from(next.lastMessageAt()));
            setInstant(update, 7, next.waitingSince());
            update.setString(8, next.preview());
            setLong(update, 9, next.ticketId());
            update.setLong(10, next.id());
            update.setLong(11, expectedVersion);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * The atomic take-over: {@code agent} gets the conversation unless it is closed or another agent has it,
     * decided by the database in one statement (whoever commits second finds the other's name and changes
     * nothing).
     *
     * @return whether {@code agent} has it now
     */
    static boolean take(Connection connection, long id, String agent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE chat_conversations SET"
                + " version = version + 1, state = ?, agent = ?, waiting_since = NULL"
                + " WHERE id = ? AND state <> ? AND (agent IS NULL OR agent = ?)")) {
            update.setString(1, ConversationState.AGENT.name());
            update.setString(2, agent);
            update.setLong(3, id);
            update.setString(4, ConversationState.CLOSED.name());
            update.setString(5, agent);
            return update.executeUpdate() == 1;
        }
    }

    /** Records the ticket unless one is recorded already; whether it was recorded. */
    static boolean setTicket(Connection connection, long id, long ticketId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE chat_conversations SET"
                + " version = version + 1, ticket_id = ? WHERE id = ? AND ticket_id IS NULL")) {
            update.setLong(1, ticketId);
            update.setLong(2, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Ids of the conversations linked to a customer. */
    static List<Long> ofCustomer(Connection connection, long customerId) throws SQLException {
        try (PreparedStatement select = connection
                .prepareStatement("SELECT id FROM chat_conversations WHERE customer_id = ? ORDER BY id")) {
            select.setLong(1, customerId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Moves the conversation from a customer who is gone to {@code customerId}, if it is still linked to the one
     * gone; {@code null} unlinks it and forgets its ticket, which goes with a deleted customer (a merged customer's
     * tickets move with them, so a moved conversation keeps it).
     */
    static boolean relink(Connection connection, long id, long goneCustomerId, Long customerId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE chat_conversations SET"
                + " version = version + 1, customer_id = ?" + (customerId == null ? ", ticket_id = NULL" : "")
                + " WHERE id = ? AND customer_id = ?")) {
            setLong(update, 1, customerId);
            update.setLong(2, id);
            update.setLong(3, goneCustomerId);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Conversations in one state ({@code null}: all), the longest-waiting first for {@link ConversationState#WAITING},
     * else the oldest first.
     */
    static List<Conversation> list(Connection connection, ConversationState state, int limit) throws SQLException {
        String where = state == null ? "" : " WHERE state = ?";
        String order = state == ConversationState.WAITING ? " ORDER BY waiting_since, id" : " ORDER BY started_at, id";
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM chat_conversations"
                + where + order + " OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            int index = 1;
            if (state != null) {
                select.setString(index++, state.name());
            }
            select.setInt(index, limit);
            List<Conversation> conversations = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    conversations.add(read(row));
                }
            }
            return conversations;
        }
    }

    static long count(Connection connection, ConversationState state) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM chat_conversations" + (state == null ? "" : " WHERE state = ?"))) {
            if (state != null) {
                select.setString(1, state.name());
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Conversation read(ResultSet row) throws SQLException {
        long customerId = row.getLong(5);
        Long customer = row.wasNull() ? null : customerId;
        long ticketId = row.getLong(13);
        Long ticket = row.wasNull() ? null : ticketId;
        return new Conversation(row.getLong(1), row.getString(3), row.getString(4), customer,
                ConversationState.valueOf(row.getString(6)), row.getString(7), row.getString(8),
                instant(row.getTimestamp(9)), instant(row.getTimestamp(10)), instant(row.getTimestamp(11)),
                row.getString(12), ticket, row.getLong(2));
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
