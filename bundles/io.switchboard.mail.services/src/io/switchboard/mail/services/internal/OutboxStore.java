package io.switchboard.mail.services.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

import javax.mail.internet.InternetAddress;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.store.Database;
import io.switchboard.store.StoreException;

/**
 * The outbox's tables (one writer: this class). A message is validated and stored, attachments copied into the
 * outbox folder, before anything is sent; the sender then claims messages ({@code QUEUED -> SENDING} in one
 * transaction, each row only if it is still {@code QUEUED}) and records the outcome of a batch in one transaction.
 * Plain Java so a second process (the tests' killed sender) can run it without OSGi.
 */
public final class OutboxStore {

    static final String SEQ_OUTBOX = "mail_outbox";
    /** The default attachment limit: 20 MB per file. */
    public static final long DEFAULT_ATTACHMENT_LIMIT = 20L * 1024 * 1024;

    private final MailboxStore mailboxes;
    private final Database database;
    private final Path folder;
    private final Events events;
    private final LongSupplier attachmentLimit;
    private final SentJournal journal;

    /**
     * @param folder          where attachments are copied and the sent journal lives (inside the data folder)
     * @param attachmentLimit the largest attachment allowed, in bytes, read at each queueing
     */
    public OutboxStore(MailboxStore mailboxes, Database database, Path folder, Events events,
            LongSupplier attachmentLimit) {
        this.mailboxes = mailboxes;
        this.database = database;
        this.folder = folder;
        this.events = events;
        this.attachmentLimit = attachmentLimit;
        this.journal = new SentJournal(folder.resolve("sent.journal"));
    }

    public MailboxStore mailboxes() {
        return mailboxes;
    }

    SentJournal journal() {
        return journal;
    }

    Connection connect() throws SQLException {
        return mailboxes.connect();
    }

    /** Validates and stores one message (see {@link io.switchboard.mail.Outbox#queue}). */
    public OutboxEntry queue(OutgoingMail mail) {
        return queueAll(List.of(mail)).get(0);
    }

    /**
     * Validates all, then stores all in one transaction (a campaign's or a benchmark's batch): either every
     * message is queued or, when one is invalid, none is and the exception names it.
     */
    public List<OutboxEntry> queueAll(List<OutgoingMail> mails) {
        Map<String, Mailbox> boxes = new HashMap<>();
        List<Validated> valid = new ArrayList<>(mails.size());
        for (OutgoingMail mail : mails) {
            valid.add(validate(mail, boxes));
        }
        if (valid.isEmpty()) {
            return List.of();
        }
        long first;
        try (Connection ignored = connect()) {
            first = database.allocateIds(SEQ_OUTBOX, valid.size());
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
        Instant now = Instant.now();
        List<Path> copied = new ArrayList<>();
        List<OutboxEntry> entries = new ArrayList<>(valid.size());
        try {
            for (int i = 0; i < valid.size(); i++) {
                Validated v = valid.get(i);
                long id = first + i;
                for (int a = 0; a < v.mail.attachments().size(); a++) {
                    Path source = v.mail.attachments().get(a);
                    Path target = folder.resolve("attachments").resolve(Long.toString(id))
                            .resolve(a + "-" + source.getFileName());
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    copied.add(target);
                }
            }
            database.inTransaction(connection -> {
                insert(connection, valid, first, now, entries);
                return null;
            });
        } catch (IOException | SQLException | RuntimeException e) {
            for (Path path : copied) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(NLS.bind(Messages.Outbox_copyFailed, io.getMessage()), io);
            }
            if (e instanceof SQLException sql) {
                throw new StoreException(sql.getMessage(), sql);
            }
            throw (RuntimeException) e;
        }
        for (OutboxEntry entry : entries) {
            events.post(SwitchboardTopics.MAIL_QUEUED, entry.id());
        }
        return entries;
    }

    private record Validated(OutgoingMail mail, Mailbox mailbox, InternetAddress from, String messageId) {
    }

    private Validated validate(OutgoingMail mail, Map<String, Mailbox> boxes) {
        Mailbox mailbox;
        if (mail.mailbox() == null) {
            mailbox = boxes.computeIfAbsent("", k -> mailboxes.defaultMailbox()
                    .orElseThrow(() -> new IllegalArgumentException(Messages.Mail_noMailbox)));
        } else {
            mailbox = boxes.computeIfAbsent(mail.mailbox(), k -> mailboxes.find(k)
                    .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Mail_unknownMailbox, k))));
        }
        InternetAddress from = Headers.address(Messages.Field_from, mailbox.from());
        if (mail.to().isEmpty() && mail.cc().isEmpty() && mail.bcc().isEmpty()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_required, Messages.Field_to));
        }
        for (String to : mail.to()) {
            Headers.address(Messages.Field_to, to);
        }
        for (String cc : mail.cc()) {
            Headers.address(Messages.Field_cc, cc);
        }
        for (String bcc : mail.bcc()) {
            Headers.address(Messages.Field_bcc, bcc);
        }
        Headers.noLineBreaks(Messages.Field_subject, mail.subject());
        if (mail.subject() == null || mail.subject().isBlank()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_required, Messages.Field_subject));
        }
        tooLong(Messages.Field_subject, mail.subject(), MailSchema.SUBJECT);
        Headers.noLineBreaks("In-Reply-To", mail.inReplyTo());
        for (String reference : mail.references()) {
            Headers.noLineBreaks("References", reference);
        }
        tooLong("In-Reply-To", mail.inReplyTo(), MailSchema.ADDRESS);
        tooLong("References", String.join(" ", mail.references()), MailSchema.SUBJECT);
        if ((mail.text() == null || mail.text().isEmpty()) && (mail.html() == null || mail.html().isEmpty())) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_required, Messages.Field_body));
        }
        tooLong(Messages.Field_text, mail.text(), MailSchema.BODY);
        tooLong(Messages.Field_html, mail.html(), MailSchema.BODY);
        Headers.noLineBreaks(Messages.Field_agent, mail.agent());
        long limit = attachmentLimit.getAsLong();
        for (Path attachment : mail.attachments()) {
            if (!Files.isRegularFile(attachment) || !Files.isReadable(attachment)) {
                throw new IllegalArgumentException(NLS.bind(Messages.Mail_attachmentMissing, attachment));
            }
            try {
                long size = Files.size(attachment);
                if (size > limit) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Mail_attachmentTooLarge,
                            new Object[] { attachment, size, limit }));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(NLS.bind(Messages.Mail_attachmentMissing, attachment), e);
            }
            Headers.noLineBreaks(Messages.Field_attachment, attachment.getFileName().toString());
        }
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (domain.length() > 100) {
            domain = domain.substring(0, 100);
        }
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        return new Validated(mail, mailbox, from, messageId);
    }

    private static void tooLong(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_tooLong, field, max));
        }
    }

    private void insert(Connection connection, List<Validated> valid, long first, Instant now,
            List<OutboxEntry> entries) throws SQLException {
        try (PreparedStatement outbox = connection.prepareStatement("INSERT INTO mail_outbox (id, mailbox, message_id,"
                + " from_address, subject, text_body, html_body, state, attempts, next_attempt, last_error, queued_at,"
                + " sent_at, customer_id, ticket_id, campaign_id, agent, in_reply_to, refs)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?, NULL, ?, ?, NULL, ?, ?, ?)");
                PreparedStatement recipients = connection.prepareStatement(
                        "INSERT INTO mail_outbox_recipients (outbox_id, position, kind, address) VALUES (?, ?, ?, ?)");
                PreparedStatement attachments = connection.prepareStatement("INSERT INTO mail_outbox_attachments"
                        + " (outbox_id, position, file_name, stored_path, size_bytes) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < valid.size(); i++) {
                Validated v = valid.get(i);
                OutgoingMail mail = v.mail;
                long id = first + i;
                outbox.setLong(1, id);
                outbox.setString(2, v.mailbox.name());
                outbox.setString(3, v.messageId);
                outbox.setString(4, v.mailbox.from().strip());
                outbox.setString(5, mail.subject());
                outbox.setString(6, mail.text());
                outbox.setString(7, mail.html());
                outbox.setString(8, OutboxState.QUEUED.name());
                outbox.setTimestamp(9, Timestamp.from(now));
                setLong(outbox, 10, mail.customerId());
                setLong(outbox, 11, mail.ticketId());
                outbox.setString(12, mail.agent());
                outbox.setString(13, mail.inReplyTo());
                outbox.setString(14, mail.references().isEmpty() ? null : String.join(" ", mail.references()));
                outbox.addBatch();
                List<String> all = new ArrayList<>();
                int position = 0;
                for (String[] kindAndList : new String[][] { { "TO" }, { "CC" }, { "BCC" } }) {
                    List<String> list = switch (kindAndList[0]) {
                        case "TO" -> mail.to();
                        case "CC" -> mail.cc();
                        default -> mail.bcc();
                    };
                    for (String address : list) {
                        recipients.setLong(1, id);
                        recipients.setInt(2, position++);
                        recipients.setString(3, kindAndList[0]);
                        recipients.setString(4, address.strip());
                        recipients.addBatch();
                        all.add(address.strip());
                    }
                }
                for (int a = 0; a < mail.attachments().size(); a++) {
                    Path source = mail.attachments().get(a);
                    Path stored = folder.resolve("attachments").resolve(Long.toString(id))
                            .resolve(a + "-" + source.getFileName());
                    attachments.setLong(1, id);
                    attachments.setInt(2, a);
                    attachments.setString(3, source.getFileName().toString());
                    attachments.setString(4, folder.relativize(stored).toString());
                    try {
                        attachments.setLong(5, Files.size(stored));
                    } catch (IOException e) {
                        throw new SQLException(e.getMessage(), e);
                    }
                    attachments.addBatch();
                }
                entries.add(new OutboxEntry(id, v.mailbox.name(), v.messageId, all, mail.subject(), OutboxState.QUEUED,
                        0, null, null, now, null, mail.customerId(), mail.ticketId(), null));
            }
            outbox.executeBatch();
            recipients.executeBatch();
            attachments.executeBatch();
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static final String ENTRY_COLUMNS = "id, mailbox, message_id, subject, state, attempts, next_attempt,"
            + " last_error, queued_at, sent_at, customer_id, ticket_id, campaign_id";

    public Optional<OutboxEntry> find(long id) {
        try (Connection connection = connect(); PreparedStatement select = connection
                .prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM mail_outbox WHERE id = ?")) {
            select.setLong(1, id);
            List<OutboxEntry> found = entries(connection, select);
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    public List<OutboxEntry> list(OutboxState state, int offset, int limit) {
        String where = state == null ? "" : " WHERE state = ?";
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement("SELECT "
                + ENTRY_COLUMNS + " FROM mail_outbox" + where + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int i = 1;
            if (state != null) {
                select.setString(i++, state.name());
            }
            select.setInt(i++, Math.max(0, offset));
            select.setInt(i, Math.max(1, limit));
            return entries(connection, select);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    public long count(OutboxState state) {
        String where = state == null ? "" : " WHERE state = ?";
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM mail_outbox" + where)) {
            if (state != null) {
                select.setString(1, state.name());
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static List<OutboxEntry> entries(Connection connection, PreparedStatement select) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(new OutboxEntry(rows.getLong(1), rows.getString(2), rows.getString(3), List.of(),
                        rows.getString(4), OutboxState.valueOf(rows.getString(5)), rows.getInt(6),
                        instant(rows.getTimestamp(7)), rows.getString(8), instant(rows.getTimestamp(9)),
                        instant(rows.getTimestamp(10)), (Long) rows.getObject(11, Long.class),
                        (Long) rows.getObject(12, Long.class), (Long) rows.getObject(13, Long.class)));
            }
        }
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<String>> recipients = new HashMap<>();
        try (PreparedStatement select2 = connection.prepareStatement("SELECT outbox_id, address FROM"
                + " mail_outbox_recipients WHERE outbox_id BETWEEN ? AND ? ORDER BY outbox_id, position")) {
            long min = entries.stream().mapToLong(OutboxEntry::id).min().getAsLong();
            long max = entries.stream().mapToLong(OutboxEntry::id).max().getAsLong();
            select2.setLong(1, min);
            select2.setLong(2, max);
            try (ResultSet rows = select2.executeQuery()) {
                while (rows.next()) {
                    recipients.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        List<OutboxEntry> result = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            result.add(new OutboxEntry(e.id(), e.mailbox(), e.messageId(), recipients.getOrDefault(e.id(), List.of()),
                    e.subject(), e.state(), e.attempts(), e.nextAttempt(), e.lastError(), e.queuedAt(), e.sentAt(),
                    e.customerId(), e.ticketId(), e.campaignId()));
        }
        return result;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Puts a failed message back in the queue, due at once. */
    public void retry(long id) {
        int changed;
        try (Connection connection = connect(); PreparedStatement update = connection.prepareStatement("UPDATE"
                + " mail_outbox SET state = ?, next_attempt = NULL WHERE id = ? AND state = ?")) {
            update.setString(1, OutboxState.QUEUED.name());
            update.setLong(2, id);
            update.setString(3, OutboxState.FAILED.name());
            changed = update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
        if (changed == 0) {
            throw new IllegalArgumentException(NLS.bind(Messages.Outbox_notFailed, id));
        }
        events.post(SwitchboardTopics.MAIL_CHANGED, id);
    }

    /**
     * Start-up recovery, before the first claim. Messages the journal shows as accepted by the server are marked
     * sent. A message whose end of data was written but whose acceptance was not recorded ("unconfirmed") is marked
     * sent too, with a note saying so: the process died in the round trip between the final "." and the server's
     * answer, and the server normally has it by then; sending it again would deliver it twice. (It is lost only if
     * the process died in the microseconds between the journal's line and the write of the "." itself.) Every
     * other message still in {@code SENDING} never had its end of data sent, so the server dropped it: it goes back
     * to the queue and is sent again with the same Message-ID.
     *
     * @return the journal's entries that were applied
     */
    public SentJournal.Entries recover() {
        SentJournal.Entries journaled = journal.read();
        java.util.Set<Long> unconfirmed = journaled.unconfirmed();
        Instant now = Instant.now();
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement mark = connection.prepareStatement("UPDATE mail_outbox SET state = ?,"
                        + " sent_at = ?, next_attempt = NULL, last_error = ? WHERE id = ? AND state = ?");
                        PreparedStatement requeue = connection.prepareStatement(
                                "UPDATE mail_outbox SET state = ? WHERE state = ?")) {
                    for (long id : journaled.sent()) {
                        mark(mark, id, now, null);
                    }
                    for (long id : unconfirmed) {
                        mark(mark, id, now, Messages.Send_unconfirmed);
                    }
                    mark.executeBatch();
                    requeue.setString(1, OutboxState.QUEUED.name());
                    requeue.setString(2, OutboxState.SENDING.name());
                    requeue.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
        journal.clear();
        for (long id : journaled.pending()) {
            events.post(SwitchboardTopics.MAIL_CHANGED, id);
        }
        return journaled;
    }

    private static void mark(PreparedStatement mark, long id, Instant now, String note) throws SQLException {
        mark.setString(1, OutboxState.SENT.name());
        mark.setTimestamp(2, Timestamp.from(now));
        mark.setString(3, note);
        mark.setLong(4, id);
        mark.setString(5, OutboxState.SENDING.name());
        mark.addBatch();
    }

    /** The moment the next queued message is due, or empty when none is queued. */
    public Optional<Instant> nextDue() {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT MIN(next_attempt), COUNT(*), SUM(CASE WHEN next_attempt IS NULL THEN 1 ELSE 0 END)"
                        + " FROM mail_outbox WHERE state = ?")) {
            select.setString(1, OutboxState.QUEUED.name());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                if (rows.getLong(2) == 0) {
                    return Optional.empty();
                }
                if (rows.getLong(3) > 0 || rows.getTimestamp(1) == null) {
                    return Optional.of(Instant.EPOCH);
                }
                return Optional.of(rows.getTimestamp(1).toInstant());
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /**
     * Claims up to {@code limit} due messages in one transaction: each row changes to {@code SENDING} only if it is
     * still {@code QUEUED} ({@code UPDATE ... WHERE id = ? AND state = 'QUEUED'}), so two senders never take the
     * same message.
     */
    List<Pending> claim(int limit, Instant now) {
        try {
            return database.inTransaction(connection -> {
                List<Long> due = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT id FROM mail_outbox WHERE state = ?"
                        + " AND (next_attempt IS NULL OR next_attempt <= ?) ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                    select.setString(1, OutboxState.QUEUED.name());
                    select.setTimestamp(2, Timestamp.from(now));
                    select.setInt(3, limit);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            due.add(rows.getLong(1));
                        }
                    }
                }
                List<Long> claimed = new ArrayList<>();
                try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET state = ?,"
                        + " attempts = attempts + 1 WHERE id = ? AND state = ?")) {
                    for (long id : due) {
                        update.setString(1, OutboxState.SENDING.name());
                        update.setLong(2, id);
                        update.setString(3, OutboxState.QUEUED.name());
                        if (update.executeUpdate() == 1) {
                            claimed.add(id);
                        }
                    }
                }
                return load(connection, claimed);
            });
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private List<Pending> load(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        long min = ids.get(0);
        long max = ids.get(ids.size() - 1);
        Map<Long, List<String[]>> recipients = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT outbox_id, kind, address FROM"
                + " mail_outbox_recipients WHERE outbox_id BETWEEN ? AND ? ORDER BY outbox_id, position")) {
            select.setLong(1, min);
            select.setLong(2, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recipients.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(new String[] { rows.getString(2), rows.getString(3) });
                }
            }
        }
        Map<Long, List<Pending.Attachment>> attachments = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT outbox_id, file_name, stored_path FROM"
                + " mail_outbox_attachments WHERE outbox_id BETWEEN ? AND ? ORDER BY outbox_id, position")) {
            select.setLong(1, min);
            select.setLong(2, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attachments.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(new Pending.Attachment(rows.getString(2), folder.resolve(rows.getString(3))));
                }
            }
        }
        Map<Long, Pending> pending = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, mailbox, message_id, from_address,"
                + " subject, text_body, html_body, in_reply_to, refs, customer_id, ticket_id, agent, attempts"
                + " FROM mail_outbox WHERE id BETWEEN ? AND ? AND state = ? ORDER BY id")) {
            select.setLong(1, min);
            select.setLong(2, max);
            select.setString(3, OutboxState.SENDING.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (!ids.contains(id)) {
                        continue;
                    }
                    List<String> to = new ArrayList<>();
                    List<String> cc = new ArrayList<>();
                    List<String> bcc = new ArrayList<>();
                    for (String[] r : recipients.getOrDefault(id, List.of())) {
                        (r[0].equals("TO") ? to : r[0].equals("CC") ? cc : bcc).add(r[1]);
                    }
                    pending.put(id, new Pending(id, rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), to, cc, bcc,
                            attachments.getOrDefault(id, List.of()), rows.getString(8), rows.getString(9),
                            (Long) rows.getObject(10, Long.class), (Long) rows.getObject(11, Long.class),
                            rows.getString(12), rows.getInt(13)));
                }
            }
        }
        List<Pending> result = new ArrayList<>(pending.values());
        result.sort(Comparator.comparingLong(Pending::id));
        return result;
    }

    /** Records a batch's outcomes in one transaction, then empties the journal and announces the changes. */
    void finish(List<SendResult> results) {
        if (results.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET state = ?,"
                        + " sent_at = ?, next_attempt = ?, last_error = ? WHERE id = ? AND state = ?")) {
                    for (SendResult result : results) {
                        OutboxState state = switch (result.outcome()) {
                            case SENT -> OutboxState.SENT;
                            case RETRY -> OutboxState.QUEUED;
                            case FAILED -> OutboxState.FAILED;
                        };
                        update.setString(1, state.name());
                        update.setTimestamp(2, state == OutboxState.SENT ? Timestamp.from(now) : null);
                        update.setTimestamp(3, result.nextAttempt() == null ? null : Timestamp.from(result.nextAttempt()));
                        update.setString(4, result.reason());
                        update.setLong(5, result.id());
                        update.setString(6, OutboxState.SENDING.name());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
        journal.clear();
        for (SendResult result : results) {
            events.post(SwitchboardTopics.MAIL_CHANGED, result.id());
        }
    }
}
