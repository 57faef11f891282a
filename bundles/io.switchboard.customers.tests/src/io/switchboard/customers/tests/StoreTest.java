package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.core.DataFolder;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.services.internal.CustomerSchema;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.Database;
import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;
import io.switchboard.store.StoreException;
import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.testing.Services;

class StoreTest {

    @TempDir
    Path temp;

    /** The one timestamp a query returns, in milliseconds. */
    static long timestamp(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getTimestamp(1).getTime();
        }
    }

    static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static SchemaMigrations schema(String capability, Migration... migrations) {
        return schema(capability, Set.of(), migrations);
    }

    @Test
    void serviceKeepsTheDatabaseAndItsLogInTheDataFolder() throws Exception {
        Database database = Services.get(Database.class);
        try (Connection connection = database.connect()) {
            assertEquals(1, single(connection, "VALUES 1"));
        }
        Path db = Services.get(DataFolder.class).path().resolve("db");
        assertTrue(Files.isDirectory(db.resolve(DerbyDatabase.DATABASE_NAME)), db + " holds no database");
        assertTrue(Files.exists(db.resolve("derby.log")) || System.getProperty("derby.stream.error.file") != null);
        assertFalse(Files.exists(Path.of("derby.log")), "Derby wrote its log into the working directory");
        assertEquals(CustomerSchema.MIGRATIONS_COUNT, database.schemaVersion(CustomerSchema.CAPABILITY));
    }

    @Test
    void schemasRegisteredAsServicesAreAppliedToTheOpenDatabase() throws Exception {
        Database database = Services.get(Database.class);
        database.connect().close();
        String capability = "whiteboard_" + CustomerRepositoryTest.unique();
        ServiceRegistration<SchemaMigrations> registration = Services.context().registerService(
                SchemaMigrations.class, schema(capability, Migration.sql(1, "a table of its own",
                        "CREATE TABLE " + capability + " (id INTEGER NOT NULL PRIMARY KEY)")), null);
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (database.schemaVersion(capability) < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, database.schemaVersion(capability));
            try (Connection connection = database.connect()) {
                assertEquals(0, single(connection, "SELECT COUNT(*) FROM " + capability));
            }
        } finally {
            registration.unregister();
        }
    }

    /** A schema that needs the tables of {@code requires}. */
    static SchemaMigrations schema(String capability, Set<String> requires, Migration... migrations) {
        return new SchemaMigrations() {
            @Override
            public String capability() {
                return capability;
            }

            @Override
            public List<Migration> migrations() {
                return List.of(migrations);
            }

            @Override
            public Set<String> requires() {
                return requires;
            }
        };
    }

    @Test
    void aSchemaIsAppliedAfterTheSchemasItRequiresWhateverOrderTheyArriveIn() throws Exception {
        // orders reference people: applied before people, its migration fails.
        SchemaMigrations orders = schema("orders", Set.of("people"), Migration.sql(1, "orders",
                "CREATE TABLE orders (id INT PRIMARY KEY, person INT NOT NULL REFERENCES people (id))"));
        SchemaMigrations people = schema("people", Migration.sql(1, "people", "CREATE TABLE people (id INT PRIMARY KEY)"));
        try (DerbyDatabase database = new DerbyDatabase(temp)) {
            StoreException missing = assertThrows(StoreException.class, () -> database.migrate(orders));
            assertTrue(missing.getMessage().contains("orders") && missing.getMessage().contains("people"),
                    missing.getMessage());
            assertEquals(0, database.schemaVersion("orders"));

            // As the whiteboard delivers them: orders first waits, people's arrival brings both.
            database.register(orders);
            database.migrateKnown();
            assertEquals(0, database.schemaVersion("orders"), "orders waits for the schema it requires");
            database.register(people);
            database.migrateKnown();
            assertEquals(1, database.schemaVersion("people"));
            assertEquals(1, database.schemaVersion("orders"));

            SchemaMigrations chicken = schema("chicken", Set.of("egg"), Migration.sql(1, "c", "VALUES 1"));
            SchemaMigrations egg = schema("egg", Set.of("chicken"), Migration.sql(1, "e", "VALUES 1"));
            database.register(egg);
            StoreException cycle = assertThrows(StoreException.class, () -> database.migrate(chicken));
            assertTrue(cycle.getMessage().contains("chicken -> egg -> chicken"), cycle.getMessage());
        }
    }

    @Test
    void migrationsAreRecordedAppliedOnceAndFailuresRollBack() throws Exception {
        try (DerbyDatabase database = new DerbyDatabase(temp)) {
            database.migrate(schema("notes", Migration.sql(1, "notes table", "CREATE TABLE notes (id INT PRIMARY KEY)")));
            database.migrate(schema("notes", Migration.sql(1, "notes table", "CREATE TABLE notes (id INT PRIMARY KEY)"),
                    Migration.sql(2, "a note", "INSERT INTO notes VALUES (1)")));
            assertEquals(2, database.schemaVersion("notes"));
            StoreException e = assertThrows(StoreException.class, () -> database.migrate(schema("notes",
                    Migration.sql(1, "notes table", "x"), Migration.sql(2, "a note", "x"),
                    Migration.sql(3, "half done", "INSERT INTO notes VALUES (2)", "THIS IS NOT SQL"))));
            assertTrue(e.getMessage().contains("notes migration 3 (half done) failed"), e.getMessage());
            try (Connection connection = database.connect()) {
                assertEquals(1, single(connection, "SELECT COUNT(*) FROM notes"), "the failed step was rolled back");
                assertEquals(2, single(connection, "SELECT COUNT(*) FROM schema_migrations WHERE capability = 'notes'"));
                assertEquals(1, single(connection, "SELECT COUNT(*) FROM schema_migrations WHERE capability = 'notes'"
                        + " AND version = 2 AND description = 'a note' AND applied_at IS NOT NULL"));
            }
        }
    }

    @Test
    void aDatabaseOfAnOlderSchemaVersionOpensAndUpgradesWithoutLoss() throws Exception {
        try (DerbyDatabase old = new DerbyDatabase(temp)) {
            old.migrate(new CustomerSchema(1));
            // Version 1 already took its ids from the store's sequences.
            assertEquals(1, old.allocateIds("customers", 1));
            assertEquals(1, old.allocateIds("contact_points", 1));
            long secondPoint = old.allocateIds("contact_points", 1);
            try (Connection connection = old.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO customers (id, version, name, name_key, country, country_key,"
                        + " created_at, updated_at) VALUES (1, 1, 'Li Wei', 'li wei', 'China', 'china',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                statement.execute("INSERT INTO contact_points (id, customer_id, sort_order, kind, contact_value,"
                        + " contact_key, is_primary) VALUES (1, 1, 0, 'EMAIL', 'Li.Wei@Example.cn', 'li.wei@example.cn', TRUE)");
                // Version 1 did not keep places unique: (customer, place) becomes the key in version 7.
                statement.execute("INSERT INTO contact_points (id, customer_id, sort_order, kind, contact_value,"
                        + " contact_key, is_primary) VALUES (" + secondPoint + ", 1, 0, 'MOBILE', '+86 138 0013 8000',"
                        + " '8613800138000', TRUE)");
                // Version 1 kept custom fields in a table of their own, ordered by sort_order.
                statement.execute("INSERT INTO custom_fields (customer_id, name_key, field_name, field_value,"
                        + " value_key, sort_order) VALUES (1, 'tier', 'Tier', 'Gold', 'gold', 2),"
                        + " (1, 'link', 'Link', 'https://example.cn/?a=b', 'https://example.cn/?a=b', 0),"
                        + " (1, 'note', 'Note', NULL, NULL, 1)");
            }
            assertEquals(1, old.schemaVersion(CustomerSchema.CAPABILITY));
        }
        try (DerbyDatabase upgraded = new DerbyDatabase(temp)) {
            CustomerStore store = new CustomerStore(upgraded, Events.NONE);
            Customer li = store.findByEmail("li.wei@example.cn").orElseThrow();
            assertEquals(CustomerSchema.MIGRATIONS_COUNT, upgraded.schemaVersion(CustomerSchema.CAPABILITY));
            assertEquals("Li Wei", li.getName());
            assertEquals("Li.Wei@Example.cn", li.primary(ContactKind.EMAIL).orElseThrow().getValue());
            assertEquals("+86 138 0013 8000", li.primaryPhone().orElseThrow().getValue());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Link", "https://example.cn/?a=b");
            fields.put("Note", null);
            fields.put("Tier", "Gold");
            assertEquals(fields, li.getCustomFields(), "the fields moved into the row, in their order");
            assertEquals(new ArrayList<>(fields.keySet()), new ArrayList<>(li.getCustomFields().keySet()));
            CustomerQuery all = CustomerQuery.ALL;
            assertEquals(1, store.count(all.withField("tier", "GOLD")), "filters still find the moved fields");
            assertEquals(1, store.count(all.withField("NOTE", null)));
            assertEquals(0, store.count(all.withField("tier", "gol")));
            // Tables of later versions exist and work; ids continue without clashing with the old rows.
            Customer added = new Customer("Zhang San");
            added.addContact(ContactKind.EMAIL, "zhang@example.cn");
            assertTrue(store.save(added).getId() > 1);
            try (Connection connection = upgraded.connect()) {
                assertEquals(0, single(connection, "SELECT COUNT(*) FROM import_progress"));
                assertEquals(0, single(connection, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'CUSTOM_FIELDS'"),
                        "the old table is gone");
                // A customer's contact points are read through their primary key (customer, place).
                assertEquals(1, single(connection, "SELECT COUNT(*) FROM SYS.SYSCONGLOMERATES"
                        + " WHERE CONGLOMERATENAME = 'CUSTOMERS_UPDATED'"), "the index's catch-up reads it");
                assertEquals(0, single(connection, "SELECT COUNT(*) FROM SYS.SYSCONGLOMERATES"
                        + " WHERE CONGLOMERATENAME = 'CUSTOMERS_COUNTRY'"), "countries are listed by the text index");
                assertEquals(1, single(connection, "SELECT COUNT(*) FROM SYS.SYSCONSTRAINTS"
                        + " WHERE CONSTRAINTNAME = 'CONTACT_POINTS_PLACE' AND TYPE = 'P'"));
                assertEquals(0, single(connection, "SELECT COUNT(*) FROM SYS.SYSCONGLOMERATES"
                        + " WHERE CONGLOMERATENAME = 'CONTACT_POINTS_KEY'"), "e-mail matching goes through the text index");
                List<String> descriptions = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT description FROM schema_migrations"
                                + " WHERE capability = 'customers' ORDER BY version")) {
                    while (rows.next()) {
                        descriptions.add(rows.getString(1));
                    }
                }
                assertEquals(CustomerSchema.MIGRATIONS_COUNT, descriptions.size(), descriptions.toString());
            }
        }
    }

    @Test
    void aDamagedDatabaseIsOneClearLineNamingTheFolder() throws Exception {
        // Derby refuses to boot a database folder that is not a database; the message names the folder.
        Path broken = Files.createDirectories(temp.resolve("broken").resolve(DerbyDatabase.DATABASE_NAME));
        Files.writeString(broken.resolve("service.properties"), "garbage");
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("broken"))) {
            StoreException e = assertThrows(StoreException.class, database::open);
            assertTrue(e.getMessage().contains(temp.resolve("broken").toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
