package io.switchboard.tickets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;
import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.tickets.services.internal.TicketSchema;

/** A real Derby database of the tickets' released schema version 2 opens with the import keys and keeps its rows. */
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

    /** An insert of a minimal ticket row, without its closing parenthesis. */
    private static String insert(long id, String subject) {
        return "INSERT INTO tickets (id, version, customer_id, ticket_type, subject, channel, status, priority,"
                + " created_at, updated_at) VALUES (" + id + ", 1, 7, 'INQUIRY', '" + subject + "', 'MAIL', 'NEW',"
                + " 'NORMAL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP";
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
