package io.switchboard.tickets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;
import io.switchboard.store.StoreException;
import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.testing.Services;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.services.internal.Events;
import io.switchboard.tickets.services.internal.TicketSchema;
import io.switchboard.tickets.services.internal.TicketStore;

/**
 * The tickets' schema in real Derby databases of the test's own: a released version 2 opens with the import keys and
 * keeps its rows, and a fresh store opened by the tickets first gets the customers' schema before its own.
 */
class TicketSchemaUpgradeTest {

    @TempDir
    Path temp;

    @Test
    void aVersion2DatabaseUpgradesWithoutLossAndRefusesADuplicateImportKey() throws Exception {
        List<Migration> released = new TicketSchema().migrations().subList(0, 2);
        try (DerbyDatabase old = new DerbyDatabase(temp)) {
            old.migrate(new SchemaMigrations() {
                @Override
                public String capability() {
                    return TicketSchema.CAPABILITY;
                }

                @Override
                public List<Migration> migrations() {
                    return released;
                }
            });
            try (Connection connection = old.connect(); Statement statement = connection.createStatement()) {
                statement.execute(insert(1, "Old one") + ")");
                statement.execute(insert(2, "Old two") + ")");
            }
            assertEquals(2, old.schemaVersion(TicketSchema.CAPABILITY));
        }
        try (DerbyDatabase upgraded = new DerbyDatabase(temp)) {
            Fixtures.registerSchemas(upgraded); // the customers' schema, which the tickets' requires
            upgraded.migrate(new TicketSchema());
            assertEquals(TicketSchema.MIGRATIONS_COUNT, upgraded.schemaVersion(TicketSchema.CAPABILITY));
            try (Connection connection = upgraded.connect(); Statement statement = connection.createStatement()) {
                assertEquals(2, single(statement, "SELECT COUNT(*) FROM tickets WHERE import_key IS NULL"));
                statement.execute(insert(3, "Imported").replace("created_at, updated_at)",
                        "created_at, updated_at, import_key)") + ", 'csv:abc')");
                SQLException duplicate = assertThrows(SQLException.class, () -> statement.execute(insert(4, "Again")
                        .replace("created_at, updated_at)", "created_at, updated_at, import_key)") + ", 'csv:abc')"));
                assertEquals("23505", duplicate.getSQLState());
                assertEquals(3, single(statement, "SELECT COUNT(*) FROM tickets"));
            }
        }
    }

    @Test
    void theTicketServiceOpensAFreshStoreFirstAndTheCustomersSchemaComesBeforeItsOwn() throws Exception {
        try (DerbyDatabase alone = new DerbyDatabase(temp.resolve("alone"))) {
            StoreException missing = assertThrows(StoreException.class, () -> alone.migrate(new TicketSchema()));
            assertTrue(missing.getMessage().contains("tickets") && missing.getMessage().contains("customers"),
                    missing.getMessage());
        }
        try (DerbyDatabase fresh = new DerbyDatabase(temp.resolve("fresh"))) {
            Fixtures.registerSchemas(fresh);
            // The customer service given here works on another store: nothing the tickets do on this one goes
            // through it, so only the declared order can have made the customers' table the lists join.
            TicketStore tickets = new TicketStore(fresh, Events.NONE, Services.get(CustomerRepository.class),
                    Services.get(InteractionLog.class), () -> null);
            assertEquals(0, tickets.count(TicketQuery.ALL));
            assertEquals(List.of(), tickets.list(TicketQuery.ALL.withText("parcel")));
            assertEquals(TicketSchema.MIGRATIONS_COUNT, fresh.schemaVersion(TicketSchema.CAPABILITY));
            assertTrue(fresh.schemaVersion("customers") > 0, "the customers' schema was applied");
            try (Connection connection = fresh.connect(); Statement statement = connection.createStatement()) {
                long customersDone = single(statement, "SELECT MAX(applied_at) FROM schema_migrations WHERE"
                        + " capability = 'customers'");
                long ticketsBegun = single(statement, "SELECT MIN(applied_at) FROM schema_migrations WHERE"
                        + " capability = 'tickets'");
                assertTrue(customersDone <= ticketsBegun, "customers' migrations ran first");
            }
        }
    }

    /** An insert of a minimal ticket row, without its closing parenthesis. */
    private static String insert(long id, String subject) {
        return "INSERT INTO tickets (id, version, customer_id, ticket_type, subject, channel, status, priority,"
                + " created_at, updated_at) VALUES (" + id + ", 1, 7, 'INQUIRY', '" + subject + "', 'MAIL', 'NEW',"
                + " 'NORMAL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP";
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            Object value = rows.getObject(1);
            return value instanceof Timestamp time ? time.getTime() : rows.getLong(1);
        }
    }
}
