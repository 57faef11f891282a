package io.switchboard.chat.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatMessage.Sender;

/** All SQL of {@code chat_messages}: the one class that writes it. Messages are never changed once stored. */
final class MessageTable {

    private MessageTable() {
    }

    static void insert(Connection connection, List<ChatMessage> messages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_messages (id, conversation_id,"
                + " sender, author, body, confidence, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ChatMessage message : messages) {
                insert.setLong(1, message.id());
                insert.setLong(2, message.conversationId());
                insert.setString(3, message.sender().name());
                insert.setString(4, message.author());
                insert.setString(5, message.text());
                insert.setDouble(6, message.confidence());
                insert.setTimestamp(7, Timestamp.from(message.sentAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The conversation's messages with an id above {@code afterId} (0: all), oldest first. */
    static List<ChatMessage> after(Connection connection, long conversationId, long afterId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, conversation_id, sender, author, body,"
                + " confidence, sent_at FROM chat_messages WHERE conversation_id = ? AND id > ? ORDER BY id")) {
            select.setLong(1, conversationId);
            select.setLong(2, afterId);
            List<ChatMessage> messages = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(new ChatMessage(row.getLong(1), row.getLong(2), Sender.valueOf(row.getString(3)),
                            row.getString(4), row.getString(5), row.getDouble(6),
                            ConversationTable.instant(row.getTimestamp(7))));
                }
            }
            return messages;
        }
    }

    /** The text of the conversation's last customer message, or {@code null}. */
    static String lastFromCustomer(Connection connection, long conversationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT body FROM chat_messages"
                + " WHERE conversation_id = ? AND sender = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setLong(1, conversationId);
            select.setString(2, Sender.CUSTOMER.name());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
