package io.switchboard.mail.fetch.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.switchboard.store.Database;
import io.switchboard.store.StoreException;

/** The fetcher's rows ({@link FetchSchema}); plain JDBC, one transaction per message taken. */
public final class FetchStore {

    /** What the store knows of a server folder. */
    public record FolderState(long uidValidity, long lastUid) {
    }

    /** One message taken (or rejected). */
    public record Incoming(long id, String mailbox, String folder, long uidValidity, long uid, String messageKey,
            String messageId, String sender, String subject, String kind, Long customerId, Long ticketId,
            Instant receivedAt, String note) {
    }

    private final Database database;
    private volatile boolean migrated;

    public FetchStore(Database database) {
        this.database = database;
    }

    private void migrate() {
        if (!migrated) {
            database.migrate(new FetchSchema());
            migrated = true;
        }
    }

    /** The key a message is known by: the SHA-256 of its Message-ID, or of its place on the server when it has none. */
    public static String messageKey(String messageId, String mailbox, String folder, long uidValidity, long uid) {
        String source = messageId != null ? messageId.strip().toLowerCase(Locale.ROOT)
                : "no-id:" + mailbox + "/" + folder + "/" + uidValidity + "/" + uid;
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<FolderState> folder(String mailbox, String folder) {
        migrate();
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT uid_validity, last_uid FROM mail_fetch_folders WHERE mailbox = ? AND folder = ?")) {
            s.setString(1, mailbox);
            s.setString(2, folder);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new FolderState(r.getLong(1), r.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Whether the message was taken before: by its place on the server or by its key. */
    public boolean known(String messageKey, String mailbox, String folder, long uidValidity, long uid) {
        migrate();
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM mail_incoming WHERE message_key = ?"
                        + " OR (mailbox = ? AND folder = ? AND uid_validity = ? AND uid = ?)")) {
            s.setString(1, messageKey);
            s.setString(2, mailbox);
            s.setString(3, folder);
            s.setLong(4, uidValidity);
            s.setLong(5, uid);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /**
     * The ticket of the first of {@code messageIds} that is known with one: a message taken before, or a message
     * the outbox sent for a ticket (its table {@code mail_outbox}, read only; absent when the outbox is not
     * installed). Empty when none is.
     */
    public Optional<Long> threadTicket(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        migrate();
        List<String> ids = messageIds.subList(0, Math.min(messageIds.size(), 50));
        try (Connection c = database.connect()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT ticket_id FROM mail_incoming WHERE message_key = ? AND ticket_id IS NOT NULL")) {
                for (String id : ids) {
                    s.setString(1, messageKey(id, null, null, 0, 0));
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            return Optional.of(r.getLong(1));
                        }
                    }
                }
            }
            return outboxTicket(c, ids);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static Optional<Long> outboxTicket(Connection c, List<String> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT ticket_id FROM mail_outbox WHERE message_id = ? AND ticket_id IS NOT NULL")) {
            for (String id : ids) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return Optional.of(r.getLong(1));
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            if ("42X05".equals(e.getSQLState())) {
                return Optional.empty(); // no outbox in this installation
            }
            throw e;
        }
    }

    /** The ticket created under the tickets' import key (a message taken again after a crash), or empty. */
    public Optional<Long> ticketByImportKey(String importKey) {
        migrate();
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement("SELECT id FROM tickets WHERE import_key = ?")) {
            s.setString(1, importKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Reserves {@code count} consecutive ids for incoming rows and answers the first. */
    public long newIds(int count) {
        migrate();
        return database.allocateIds("mail_incoming", count);
    }

    /**
     * Records a message as taken and moves the folder's last UID to it, in one transaction.
     *
     * @return {@code false} when the message was already recorded (by its place or its key): nothing was written
     *         except the folder's last UID
     */
    public boolean record(Incoming row) {
        migrate();
        try {
            return database.inTransaction(c -> {
                boolean inserted = true;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO mail_incoming (id, mailbox, folder,"
                        + " uid_validity, uid, message_key, message_id, sender, subject, kind, customer_id, ticket_id,"
                        + " received_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setLong(1, row.id());
                    s.setString(2, row.mailbox());
                    s.setString(3, row.folder());
                    s.setLong(4, row.uidValidity());
                    s.setLong(5, row.uid());
                    s.setString(6, row.messageKey());
                    s.setString(7, cut(row.messageId(), FetchSchema.MESSAGE_ID));
                    s.setString(8, cut(row.sender(), FetchSchema.ADDRESS));
                    s.setString(9, cut(row.subject(), FetchSchema.SUBJECT));
                    s.setString(10, row.kind());
                    setLong(s, 11, row.customerId());
                    setLong(s, 12, row.ticketId());
                    s.setTimestamp(13, Timestamp.from(row.receivedAt()));
                    s.setString(14, cut(row.note(), FetchSchema.NOTE));
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    inserted = false;
                }
                advance(c, row.mailbox(), row.folder(), row.uidValidity(), row.uid());
                return inserted;
            });
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Moves the folder's last UID to {@code uid} (never back), or starts over for a new UIDVALIDITY. */
    public void advance(String mailbox, String folder, long uidValidity, long uid) {
        migrate();
        try {
            database.inTransaction(c -> {
                advance(c, mailbox, folder, uidValidity, uid);
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static void advance(Connection c, String mailbox, String folder, long uidValidity, long uid)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE mail_fetch_folders SET uid_validity = ?,"
                + " last_uid = CASE WHEN uid_validity = ? AND last_uid > ? THEN last_uid ELSE ? END"
                + " WHERE mailbox = ? AND folder = ?")) {
            s.setLong(1, uidValidity);
            s.setLong(2, uidValidity);
            s.setLong(3, uid);
            s.setLong(4, uid);
            s.setString(5, mailbox);
            s.setString(6, folder);
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO mail_fetch_folders (mailbox, folder, uid_validity, last_uid) VALUES (?, ?, ?, ?)")) {
            s.setString(1, mailbox);
            s.setString(2, folder);
            s.setLong(3, uidValidity);
            s.setLong(4, uid);
            s.executeUpdate();
        }
    }

    /** The messages taken, newest first (tests, the CLI). */
    public List<Incoming> recent(int limit) {
        migrate();
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement("SELECT id, mailbox, folder, uid_validity, uid, message_key,"
                        + " message_id, sender, subject, kind, customer_id, ticket_id, received_at, note"
                        + " FROM mail_incoming ORDER BY id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                List<Incoming> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(new Incoming(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5),
                            r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                            (Long) r.getObject(11), (Long) r.getObject(12), r.getTimestamp(13).toInstant(),
                            r.getString(14)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "\u2026";
    }
}
