package io.switchboard.tickets.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.Prediction;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.Database;
import io.switchboard.store.StoreException;
import io.switchboard.tickets.CategoryCorrection;
import io.switchboard.tickets.StaleTicketException;
import io.switchboard.tickets.Suggestion;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketChange;
import io.switchboard.tickets.TicketMessage;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.TicketType;

/**
 * Tickets in the database, with plain JDBC like the customers: the optimistic version check, the history and the
 * correction are written in the ticket's own transaction. Plain Java, so tools and tests can use it without OSGi;
 * the DS component only wires it.
 *
 * <p>The customer's timeline is written through {@link InteractionLog} after the ticket's transaction has
 * committed (it is another capability's service with its own transaction); a failing timeline entry is logged
 * and does not undo the ticket.
 */
public final class TicketStore {

    /**
     * One sequence for the ids of tickets, messages, history entries and corrections: a new ticket reserves all
     * its ids at once (each reservation is a commit of its own, which is what costs time on a disk).
     */
    static final String SEQ_TICKETS = "tickets";

    /** The agent name under which the classifier's routing is recorded in the history. */
    public static final String CLASSIFIER_AGENT = "classifier";
    /** The agent name under which moving a ticket to the customer it was merged into is recorded. */
    public static final String MERGE_AGENT = "merge";

    private static final System.Logger LOG = System.getLogger(TicketStore.class.getName());

    private static final String TICKET_COLUMNS = "t.id, t.version, t.customer_id, t.ticket_type, t.subject, t.body,"
            + " t.channel, t.status, t.priority, t.category, t.assignee, t.created_at, t.updated_at, t.due_at,"
            + " t.suggested_category, t.suggested_confidence, t.suggested_unsure, t.suggested_terms,"
            + " t.suggested_model, t.suggested_at";

    private final Database database;
    private final Events events;
    private final CustomerRepository customers;
    private final InteractionLog timeline;
    private final Supplier<TicketClassifier> classifier;
    private volatile boolean migrated;

    /**
     * @param classifier the classifier if one is there now, else {@code null}; asked on every new ticket
     */
    public TicketStore(Database database, Events events, CustomerRepository customers, InteractionLog timeline,
            Supplier<TicketClassifier> classifier) {
        this.database = Objects.requireNonNull(database);
        this.events = Objects.requireNonNull(events);
        this.customers = Objects.requireNonNull(customers);
        this.timeline = Objects.requireNonNull(timeline);
        this.classifier = Objects.requireNonNull(classifier);
    }

    /** The database with the tickets' schema applied. */
    public Database database() {
        if (!migrated) {
            // The tickets' schema declares that it needs the customers' (lists join their table): the store
            // brings that up to date first.
            database.migrate(new TicketSchema());
            migrated = true;
        }
        return database;
    }

    Connection connect() throws SQLException {
        return database().connect();
    }

    // ---------------------------------------------------------------- reading

    public Optional<Ticket> find(long id) {
        try (Connection connection = connect()) {
            return Optional.ofNullable(load(connection, id));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static Ticket load(Connection connection, long id) throws SQLException {
        Ticket ticket;
        try (PreparedStatement select = connection
                .prepareStatement("SELECT " + TICKET_COLUMNS + " FROM tickets t WHERE t.id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                ticket = new Ticket();
                ticket.setId(row.getLong(1));
                ticket.setVersion(row.getLong(2));
                ticket.setCustomerId(row.getLong(3));
                ticket.setType(TicketType.valueOf(row.getString(4)));
                ticket.setSubject(row.getString(5));
                ticket.setBody(row.getString(6));
                ticket.setChannel(Channel.valueOf(row.getString(7)));
                ticket.setStatus(TicketStatus.valueOf(row.getString(8)));
                ticket.setPriority(TicketPriority.valueOf(row.getString(9)));
                ticket.setCategory(row.getString(10));
                ticket.setAssignee(row.getString(11));
                ticket.setCreatedAt(instant(row.getTimestamp(12)));
                ticket.setUpdatedAt(instant(row.getTimestamp(13)));
                ticket.setDueAt(instant(row.getTimestamp(14)));
                String suggested = row.getString(15);
                if (suggested != null) {
                    String terms = row.getString(18);
                    ticket.setSuggestion(new Suggestion(suggested, row.getDouble(16), row.getBoolean(17),
                            terms == null || terms.isEmpty() ? List.of() : Arrays.asList(terms.split("\n")),
                            row.getString(19), instant(row.getTimestamp(20))));
                }
            }
        }
        ticket.setTags(new LinkedHashSet<>());
        try (PreparedStatement select = connection
                .prepareStatement("SELECT tag FROM ticket_tags WHERE ticket_id = ? ORDER BY sort_order")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ticket.getTags().add(row.getString(1));
                }
            }
        }
        return ticket;
    }

    public List<TicketMessage> conversation(long ticketId) {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT id, ticket_id, direction, author,"
                        + " sent_at, body FROM ticket_messages WHERE ticket_id = ? ORDER BY sent_at, id")) {
            select.setLong(1, ticketId);
            List<TicketMessage> messages = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(new TicketMessage(row.getLong(1), row.getLong(2), Direction.valueOf(row.getString(3)),
                            row.getString(4), instant(row.getTimestamp(5)), row.getString(6)));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public List<TicketChange> history(long ticketId) {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT ticket_id, changed_at, agent,"
                        + " field_name, old_value, new_value FROM ticket_history WHERE ticket_id = ? ORDER BY id")) {
            select.setLong(1, ticketId);
            List<TicketChange> changes = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    changes.add(new TicketChange(row.getLong(1), instant(row.getTimestamp(2)), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public List<CategoryCorrection> corrections() {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT ticket_id, text, predicted, corrected,"
                        + " agent, model_version, corrected_at FROM ticket_corrections ORDER BY corrected_at, id")) {
            List<CategoryCorrection> corrections = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    corrections.add(new CategoryCorrection(row.getLong(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), instant(row.getTimestamp(7))));
                }
            }
            return corrections;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public List<TicketSummary> list(TicketQuery query) {
        if (query.limit() == 0) {
            return List.of();
        }
        TicketSearch search = TicketSearch.of(query);
        // Customers live in another capability's table; LEFT JOIN, so a ticket of a vanished customer still shows.
        String sql = "SELECT t.id, t.subject, t.customer_id, c.name, t.ticket_type, t.status, t.priority, t.category,"
                + " t.assignee, t.created_at, t.updated_at, t.due_at FROM tickets t"
                + " LEFT JOIN customers c ON c.id = t.customer_id" + search.where() + TicketSearch.orderBy(query)
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            int index = bind(select, search.parameters());
            select.setInt(index++, query.offset());
            select.setInt(index, query.limit());
            List<TicketSummary> summaries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    summaries.add(new TicketSummary(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                            TicketType.valueOf(row.getString(5)), TicketStatus.valueOf(row.getString(6)),
                            TicketPriority.valueOf(row.getString(7)), row.getString(8), row.getString(9),
                            instant(row.getTimestamp(10)), instant(row.getTimestamp(11)), instant(row.getTimestamp(12))));
                }
            }
            return summaries;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public long count(TicketQuery query) {
        TicketSearch search = TicketSearch.of(query);
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM tickets t" + search.where())) {
            bind(select, search.parameters());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public List<String> categories() {
        return distinct("category");
    }

    public List<String> assignees() {
        return distinct("assignee");
    }

    private List<String> distinct(String column) {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT DISTINCT " + column + " FROM tickets"
                        + " WHERE " + column + " IS NOT NULL ORDER BY " + column)) {
            List<String> values = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Every ticket with a category, as text and category, for training; oldest first. */
    public List<String[]> categorised() {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT id, subject, body, category FROM tickets"
                        + " WHERE category IS NOT NULL ORDER BY id")) {
            List<String[]> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Ticket ticket = new Ticket(0, row.getString(2), row.getString(3));
                    rows.add(new String[] { Long.toString(row.getLong(1)), ticket.classifierText(), row.getString(4) });
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // ---------------------------------------------------------------- writing

    public Ticket create(Ticket ticket, String agent) {
        return create(ticket, agent, null).orElseThrow();
    }

    /** Whether a ticket was created under {@code importKey}. */
    public boolean isImported(String importKey) {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM tickets WHERE import_key = ?")) {
            select.setString(1, importKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Creates the ticket, under {@code importKey} when it is not {@code null}; empty (and nothing written) when a
     * ticket with that key is already stored. The key is stored in the ticket's own transaction, so a killed import
     * never leaves a ticket without its key.
     */
    public Optional<Ticket> create(Ticket ticket, String agent, String importKey) {
        if (importKey != null && importKey.isBlank()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Ticket_required, "importKey"));
        }
        if (importKey != null && importKey.length() > Limits.IMPORT_KEY) {
            throw new IllegalArgumentException(NLS.bind(Messages.Ticket_tooLong, "importKey", Limits.IMPORT_KEY));
        }
        if (importKey != null && isImported(importKey)) {
            return Optional.empty();
        }
        if (ticket.getId() != null) {
            throw new IllegalArgumentException(NLS.bind(Messages.Ticket_newHasId, ticket.getId()));
        }
        Validation.check(ticket);
        Customer customer = customer(ticket.getCustomerId());
        Instant now = now();
        ticket.setSuggestion(classify(ticket, now));
        boolean routed = false;
        if (ticket.getCategory() == null && ticket.getSuggestion() != null && !ticket.getSuggestion().unsure()) {
            ticket.setCategory(ticket.getSuggestion().category());
            routed = true;
        }
        ticket.setCreatedAt(now);
        ticket.setUpdatedAt(now);
        ticket.setVersion(1);
        boolean hasBody = ticket.getBody() != null && !ticket.getBody().isBlank();
        // ids: the ticket, its first message if any, then its history entries
        long id = database().allocateIds(SEQ_TICKETS, 1 + (hasBody ? 1 : 0) + (routed ? 2 : 1));
        long messageId = hasBody ? id + 1 : 0;
        long historyId = id + (hasBody ? 2 : 1);
        List<TicketChange> changes = new ArrayList<>();
        changes.add(new TicketChange(id, now, agent, "status", null, ticket.getStatus().name()));
        if (routed) {
            changes.add(new TicketChange(id, now, CLASSIFIER_AGENT, "category", null, ticket.getCategory()));
        }
        try {
            database().inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tickets (id, version,"
                        + " customer_id, ticket_type, subject, body, channel, status, priority, category, category_key,"
                        + " assignee, assignee_key, created_at, updated_at, due_at, suggested_category,"
                        + " suggested_confidence, suggested_unsure, suggested_terms, suggested_model, suggested_at,"
                        + " import_key) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, id);
                    int index = bindFields(insert, 2, ticket);
                    insert.setTimestamp(index++, Timestamp.from(now));
                    insert.setTimestamp(index++, Timestamp.from(now));
                    setInstant(insert, index++, ticket.getDueAt());
                    index = bindSuggestion(insert, index, ticket.getSuggestion());
                    insert.setString(index, importKey);
                    insert.executeUpdate();
                }
                insertTags(connection, id, ticket);
                if (hasBody) {
                    insertMessage(connection, new TicketMessage(messageId, id, Direction.INBOUND, customer.getName(), now,
                            ticket.getBody()));
                }
                insertHistory(connection, historyId, changes);
                return null;
            });
        } catch (SQLException e) {
            if (importKey != null && "23505".equals(e.getSQLState())) {
                // another import stored the same key in the meantime; the rollback left nothing behind
                ticket.setId(null);
                return Optional.empty();
            }
            throw failure(e);
        }
        ticket.setId(id);
        appendToTimeline(ticket.getCustomerId(), Direction.INBOUND, agent, ticket.getSubject(), ticket.getBody(), id,
                now);
        events.post(SwitchboardTopics.TICKET_CREATED, id);
        return Optional.of(find(id).orElseThrow());
    }

    public Ticket save(Ticket ticket, String agent) throws StaleTicketException {
        if (ticket.getId() == null) {
            throw new IllegalArgumentException(Messages.Ticket_saveWithoutId);
        }
        Validation.check(ticket);
        long id = ticket.getId();
        Ticket stored = find(id).orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Ticket_notFound, id)));
        if (stored.getVersion() != ticket.getVersion()) {
            throw new StaleTicketException(stored);
        }
        if (stored.getCustomerId() != ticket.getCustomerId()) {
            customer(ticket.getCustomerId());
        }
        Instant now = now();
        List<TicketChange> changes = Changes.between(stored, ticket, id, now, agent);
        CategoryCorrection correction = correction(stored, ticket, agent, now);
        if (changes.isEmpty()) {
            return stored;
        }
        long historyId = database().allocateIds(SEQ_TICKETS, changes.size() + (correction == null ? 0 : 1));
        long correctionId = historyId + changes.size();
        boolean written;
        try {
            written = database().inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE tickets SET version = version + 1,"
                        + " customer_id = ?, ticket_type = ?, subject = ?, body = ?, channel = ?, status = ?,"
                        + " priority = ?, category = ?, category_key = ?, assignee = ?, assignee_key = ?,"
                        + " updated_at = ?, due_at = ? WHERE id = ? AND version = ?")) {
                    int index = bindFields(update, 1, ticket);
                    update.setTimestamp(index++, Timestamp.from(now));
                    setInstant(update, index++, ticket.getDueAt());
                    update.setLong(index++, id);
                    update.setLong(index, ticket.getVersion());
                    if (update.executeUpdate() == 0) {
                        return false;
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ticket_tags WHERE ticket_id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
                insertTags(connection, id, ticket);
                insertHistory(connection, historyId, changes);
                if (correction != null) {
                    insertCorrection(connection, correctionId, correction);
                }
                return true;
            });
        } catch (SQLException e) {
            throw failure(e);
        }
        if (!written) {
            // Someone saved between our read and our write: nothing of ours was written.
            throw new StaleTicketException(
                    find(id).orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Ticket_notFound, id))));
        }
        events.post(SwitchboardTopics.TICKET_UPDATED, id);
        return find(id).orElseThrow();
    }

    public void delete(long id) {
        int deleted;
        try (Connection connection = connect();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM tickets WHERE id = ?")) {
            // Tags, messages, history and corrections go with it (ON DELETE CASCADE).
            delete.setLong(1, id);
            deleted = delete.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        if (deleted > 0) {
            events.post(SwitchboardTopics.TICKET_DELETED, id);
        }
    }

    public TicketMessage addMessage(TicketMessage message) {
        if (message.direction() == null) {
            throw new IllegalArgumentException(NLS.bind(Messages.Ticket_required, "direction"));
        }
        if (message.body() == null || message.body().isBlank()) {
            throw new IllegalArgumentException(Messages.Message_bodyRequired);
        }
        Validation.length("body", message.body(), Limits.BODY);
        Validation.length("author", message.author(), Limits.AUTHOR);
        long ticketId = message.ticketId();
        Ticket ticket = find(ticketId)
                .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Ticket_notFound, ticketId)));
        Instant sentAt = message.sentAt() != null ? message.sentAt().truncatedTo(ChronoUnit.MILLIS) : now();
        TicketMessage stored = new TicketMessage(database().allocateIds(SEQ_TICKETS, 1), ticketId, message.direction(),
                message.author(), sentAt, message.body());
        try {
            database().inTransaction(connection -> {
                insertMessage(connection, stored);
                // A reply is activity on the ticket, but not an edit: the version stays, so an open editor is not stale.
                try (PreparedStatement touch = connection
                        .prepareStatement("UPDATE tickets SET updated_at = ? WHERE id = ?")) {
                    touch.setTimestamp(1, Timestamp.from(now()));
                    touch.setLong(2, ticketId);
                    touch.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw failure(e);
        }
        appendToTimeline(ticket.getCustomerId(), message.direction(), message.author(), ticket.getSubject(),
                message.body(), ticketId, sentAt);
        events.post(SwitchboardTopics.TICKET_UPDATED, ticketId);
        return stored;
    }

    /**
     * Follows a customer who is gone: after a merge the customer's timeline was moved to the customer kept, and the
     * ticket's own timeline entry (channel TICKET, reference = ticket id) says where; the ticket moves there, with
     * a history entry. A ticket whose entry leads nowhere belonged to a deleted customer and goes with them.
     *
     * @return how many tickets were moved and deleted
     */
    public int[] customerGone(long customerId) {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM tickets WHERE customer_id = ?")) {
            select.setLong(1, customerId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        int moved = 0;
        int deleted = 0;
        for (long id : ids) {
            Long owner;
            try (Connection connection = connect();
                    PreparedStatement select = connection.prepareStatement("SELECT i.customer_id FROM interactions i"
                            + " JOIN customers c ON c.id = i.customer_id WHERE i.channel = 'TICKET'"
                            + " AND i.reference_no = ? AND i.customer_id <> ? FETCH FIRST 1 ROWS ONLY")) {
                select.setString(1, Long.toString(id));
                select.setLong(2, customerId);
                try (ResultSet row = select.executeQuery()) {
                    owner = row.next() ? row.getLong(1) : null;
                }
            } catch (SQLException e) {
                throw failure(e);
            }
            if (owner == null) {
                delete(id);
                deleted++;
                continue;
            }
            Instant now = now();
            long historyId = database().allocateIds(SEQ_TICKETS, 1);
            try {
                database().inTransaction(connection -> {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE tickets SET version = version"
                            + " + 1, customer_id = ?, updated_at = ? WHERE id = ? AND customer_id = ?")) {
                        update.setLong(1, owner);
                        update.setTimestamp(2, Timestamp.from(now));
                        update.setLong(3, id);
                        update.setLong(4, customerId);
                        if (update.executeUpdate() == 0) {
                            return null;
                        }
                    }
                    insertHistory(connection, historyId, List.of(new TicketChange(id, now, MERGE_AGENT, "customerId",
                            Long.toString(customerId), Long.toString(owner))));
                    return null;
                });
            } catch (SQLException e) {
                throw failure(e);
            }
            events.post(SwitchboardTopics.TICKET_UPDATED, id);
            moved++;
        }
        return new int[] { moved, deleted };
    }

    // ---------------------------------------------------------------- classification

    /**
     * The active model's answer, or {@code null} when there is no classifier, no active model, or it fails: the
     * ticket is stored either way.
     */
    private Suggestion classify(Ticket ticket, Instant now) {
        TicketClassifier current = classifier.get();
        if (current == null) {
            return null;
        }
        try {
            Optional<ModelInfo> model = current.activeModel();
            if (model.isEmpty()) {
                return null;
            }
            Prediction prediction = current.predict(ticket.classifierText());
            return new Suggestion(prediction.category(), prediction.confidence(), prediction.unsure(),
                    prediction.terms().stream().map(Prediction.Term::text).limit(10).toList(), model.get().version(),
                    now);
        } catch (ClassifierException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ticket stored without a suggestion: " + e.getMessage(), e);
            return null;
        }
    }

    /** The correction this save records, or {@code null}: only a change of category away from the suggestion. */
    private static CategoryCorrection correction(Ticket stored, Ticket changed, String agent, Instant now) {
        Suggestion suggestion = stored.getSuggestion();
        String category = changed.getCategory();
        if (suggestion == null || category == null || Objects.equals(category, stored.getCategory())
                || category.equals(suggestion.category())) {
            return null;
        }
        return new CategoryCorrection(stored.getId(), truncate(changed.classifierText(), Limits.CLASSIFIER_TEXT),
                suggestion.category(), category, agent, suggestion.modelVersion(), now);
    }

    // ---------------------------------------------------------------- helpers

    private Customer customer(long customerId) {
        return customers.find(customerId).orElseThrow(
                () -> new IllegalArgumentException(NLS.bind(Messages.Ticket_customerNotFound, customerId)));
    }

    private void appendToTimeline(long customerId, Direction direction, String agent, String subject, String body,
            long ticketId, Instant at) {
        Interaction entry = new Interaction();
        entry.setCustomerId(customerId);
        entry.setChannel(Channel.TICKET);
        entry.setDirection(direction);
        entry.setAgent(truncate(agent, 100));
        entry.setSummary(truncate(subject, 500));
        entry.setBody(body);
        entry.setReference(Long.toString(ticketId));
        entry.setOccurredAt(at);
        try {
            timeline.append(entry);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ticket " + ticketId + " is stored but not in the timeline of customer "
                    + customerId + ": " + e.getMessage(), e);
        }
    }

    private static int bindFields(PreparedStatement statement, int index, Ticket ticket) throws SQLException {
        statement.setLong(index++, ticket.getCustomerId());
        statement.setString(index++, ticket.getType().name());
        statement.setString(index++, ticket.getSubject());
        statement.setString(index++, ticket.getBody());
        statement.setString(index++, ticket.getChannel().name());
        statement.setString(index++, ticket.getStatus().name());
        statement.setString(index++, ticket.getPriority().name());
        statement.setString(index++, ticket.getCategory());
        statement.setString(index++, Validation.key(ticket.getCategory()));
        statement.setString(index++, ticket.getAssignee());
        statement.setString(index++, Validation.key(ticket.getAssignee()));
        return index;
    }

    /** @return the index after the suggestion's parameters */
    private static int bindSuggestion(PreparedStatement statement, int index, Suggestion suggestion)
            throws SQLException {
        if (suggestion == null) {
            statement.setNull(index++, Types.VARCHAR);
            statement.setNull(index++, Types.DOUBLE);
            statement.setNull(index++, Types.BOOLEAN);
            statement.setNull(index++, Types.VARCHAR);
            statement.setNull(index++, Types.VARCHAR);
            statement.setNull(index, Types.TIMESTAMP);
            return index + 1;
        }
        statement.setString(index++, truncate(suggestion.category(), Limits.CATEGORY));
        statement.setDouble(index++, suggestion.confidence());
        statement.setBoolean(index++, suggestion.unsure());
        statement.setString(index++, truncate(String.join("\n", suggestion.terms()), 2000));
        statement.setString(index++, truncate(suggestion.modelVersion(), 100));
        setInstant(statement, index, suggestion.at());
        return index + 1;
    }

    private static void insertTags(Connection connection, long id, Ticket ticket) throws SQLException {
        try (PreparedStatement insert = connection
                .prepareStatement("INSERT INTO ticket_tags (ticket_id, tag_key, tag, sort_order) VALUES (?, ?, ?, ?)")) {
            int order = 0;
            for (String tag : ticket.getTags()) {
                insert.setLong(1, id);
                insert.setString(2, Validation.key(tag));
                insert.setString(3, tag);
                insert.setInt(4, order++);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertMessage(Connection connection, TicketMessage message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket_messages (id, ticket_id,"
                + " direction, author, sent_at, body) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, message.id());
            insert.setLong(2, message.ticketId());
            insert.setString(3, message.direction().name());
            insert.setString(4, truncate(message.author(), Limits.AUTHOR));
            insert.setTimestamp(5, Timestamp.from(message.sentAt()));
            insert.setString(6, message.body());
            insert.executeUpdate();
        }
    }

    private static void insertHistory(Connection connection, long firstId, List<TicketChange> changes)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket_history (id, ticket_id,"
                + " changed_at, agent, field_name, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            long next = firstId;
            for (TicketChange change : changes) {
                insert.setLong(1, next++);
                insert.setLong(2, change.ticketId());
                insert.setTimestamp(3, Timestamp.from(change.changedAt()));
                insert.setString(4, truncate(change.agent(), Limits.AUTHOR));
                insert.setString(5, change.field());
                insert.setString(6, truncate(change.oldValue(), Limits.HISTORY_VALUE));
                insert.setString(7, truncate(change.newValue(), Limits.HISTORY_VALUE));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertCorrection(Connection connection, long id, CategoryCorrection correction)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticket_corrections (id, ticket_id,"
                + " text, predicted, corrected, agent, model_version, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, correction.ticketId());
            insert.setString(3, correction.text());
            insert.setString(4, truncate(correction.predicted(), Limits.CATEGORY));
            insert.setString(5, correction.corrected());
            insert.setString(6, truncate(correction.agent(), Limits.AUTHOR));
            insert.setString(7, truncate(correction.modelVersion(), 100));
            insert.setTimestamp(8, Timestamp.from(correction.at()));
            insert.executeUpdate();
        }
    }

    static String truncate(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit - 1) + "\u2026";
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static StoreException failure(SQLException e) {
        return new StoreException(e.getMessage(), e);
    }
}
