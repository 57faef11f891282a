package io.switchboard.tickets.services.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;

/**
 * The tickets' tables. {@code category_key} and {@code assignee_key} hold the lower-case neighbour, so the list
 * filters compare indexed plain values. Ids come from the store's sequences.
 *
 * <p>The schema requires the customers' ({@link #requires()}): the lists join their table, so the store applies
 * the customers' migrations first, whoever opens the database. {@code customer_id} still has no foreign key to
 * {@code customers}: a customer's deletion is followed by the repository (tickets move or go with it), and a
 * failing migration would stop the database from opening. The repository checks the customer when a ticket is
 * written. The child tables cascade from {@code tickets}.
 *
 * <p>Released migrations are never edited; a change is a new version.
 */
@Component(service = SchemaMigrations.class)
public class TicketSchema implements SchemaMigrations {

    public static final String CAPABILITY = "tickets";
    /** The customers' capability: the ticket lists join its table, so its schema comes first. */
    static final String CUSTOMERS = "customers";

    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "tickets, tags, messages, history, corrections",
                    "CREATE TABLE tickets (id BIGINT NOT NULL PRIMARY KEY, version BIGINT NOT NULL,"
                            + " customer_id BIGINT NOT NULL, ticket_type VARCHAR(16) NOT NULL,"
                            + " subject VARCHAR(" + Limits.SUBJECT + "), body VARCHAR(" + Limits.BODY + "),"
                            + " channel VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL, priority VARCHAR(16) NOT NULL,"
                            + " category VARCHAR(" + Limits.CATEGORY + "), category_key VARCHAR(" + Limits.CATEGORY + "),"
                            + " assignee VARCHAR(" + Limits.ASSIGNEE + "), assignee_key VARCHAR(" + Limits.ASSIGNEE + "),"
                            + " created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, due_at TIMESTAMP,"
                            + " suggested_category VARCHAR(" + Limits.CATEGORY + "), suggested_confidence DOUBLE,"
                            + " suggested_unsure BOOLEAN, suggested_terms VARCHAR(2000), suggested_model VARCHAR(100),"
                            + " suggested_at TIMESTAMP)",
                    "CREATE TABLE ticket_tags (ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
                            + " tag_key VARCHAR(" + Limits.TAG + ") NOT NULL, tag VARCHAR(" + Limits.TAG + ") NOT NULL,"
                            + " sort_order INTEGER NOT NULL, PRIMARY KEY (ticket_id, tag_key))",
                    "CREATE TABLE ticket_messages (id BIGINT NOT NULL PRIMARY KEY,"
                            + " ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
                            + " direction VARCHAR(16) NOT NULL, author VARCHAR(" + Limits.AUTHOR + "),"
                            + " sent_at TIMESTAMP NOT NULL, body VARCHAR(" + Limits.BODY + ") NOT NULL)",
                    "CREATE TABLE ticket_history (id BIGINT NOT NULL PRIMARY KEY,"
                            + " ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
                            + " changed_at TIMESTAMP NOT NULL, agent VARCHAR(" + Limits.AUTHOR + "),"
                            + " field_name VARCHAR(32) NOT NULL, old_value VARCHAR(" + Limits.HISTORY_VALUE + "),"
                            + " new_value VARCHAR(" + Limits.HISTORY_VALUE + "))",
                    "CREATE TABLE ticket_corrections (id BIGINT NOT NULL PRIMARY KEY,"
                            + " ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,"
                            + " text VARCHAR(" + Limits.CLASSIFIER_TEXT + ") NOT NULL,"
                            + " predicted VARCHAR(" + Limits.CATEGORY + ") NOT NULL,"
                            + " corrected VARCHAR(" + Limits.CATEGORY + ") NOT NULL, agent VARCHAR(" + Limits.AUTHOR + "),"
                            + " model_version VARCHAR(100), corrected_at TIMESTAMP NOT NULL)"),
            Migration.sql(2, "indexes for the list filters, sorts and the conversation",
                    "CREATE INDEX tickets_status ON tickets (status, created_at)",
                    "CREATE INDEX tickets_category ON tickets (category_key, created_at)",
                    "CREATE INDEX tickets_assignee ON tickets (assignee_key, created_at)",
                    "CREATE INDEX tickets_customer ON tickets (customer_id, created_at)",
                    "CREATE INDEX tickets_created ON tickets (created_at)",
                    "CREATE INDEX tickets_updated ON tickets (updated_at)",
                    "CREATE INDEX tickets_due ON tickets (due_at)",
                    "CREATE INDEX ticket_tags_key ON ticket_tags (tag_key)",
                    "CREATE INDEX ticket_messages_sent ON ticket_messages (ticket_id, sent_at)",
                    "CREATE INDEX ticket_corrections_at ON ticket_corrections (corrected_at)"),
            Migration.sql(3, "import keys, so importing the same rows again does not create their tickets again",
                    "ALTER TABLE tickets ADD COLUMN import_key VARCHAR(" + Limits.IMPORT_KEY + ")",
                    "ALTER TABLE tickets ADD CONSTRAINT tickets_import_key UNIQUE (import_key)"));

    /** The newest version of the tickets' schema. */
    public static final int MIGRATIONS_COUNT = MIGRATIONS.size();

    @Override
    public String capability() {
        return CAPABILITY;
    }

    @Override
    public List<Migration> migrations() {
        return MIGRATIONS;
    }

    @Override
    public Set<String> requires() {
        return Set.of(CUSTOMERS);
    }
}
