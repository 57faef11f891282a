package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * A large file into an empty store goes through Derby's bulk path instead of batches. It must store exactly what
 * the batched import stores (same counts, same rejected lines, same customers, repeated e-mails merged the same
 * way), keep the text index complete, and finish a load that was interrupted between tables.
 */
class BulkImportTest {

    static final int ROWS = 1_500;

    @TempDir
    Path temp;

    /** Customers with quotes, commas, line breaks, Chinese names, empty cells, bad rows and repeated e-mails. */
    Path file() throws IOException {
        Path csv = temp.resolve("customers.csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("name,email,phone,country,city,company,tier,note\n");
            for (int i = 0; i < ROWS; i++) {
                String name = switch (i % 4) {
                case 0 -> "\u738b\u5c0f\u660e " + i;
                case 1 -> "\"O'Brien, \"\"Pat\"\" " + i + "\"";
                default -> "Customer " + i;
                };
                String company = i % 3 == 0 ? "" : "\"Acme\nLtd " + (i % 10) + "\"";
                out.write(name + ",c" + i + "@Example.org,+1 555 " + (1_000_000 + i) + ",Country " + (i % 7) + ",City "
                        + (i % 11) + "," + company + ",t" + (i % 5) + "," + (i % 2 == 0 ? "" : "n" + i) + "\n");
                if (i % 100 == 7) {
                    out.write(",missing@example.org,,,,,,\n");
                    out.write("Bad Mail,not-an-email,,,,,,\n");
                }
            }
            for (int i = 3; i < ROWS; i += 250) {
                // The same person again: a new phone, a new city, a changed custom field.
                out.write("Again " + i + ",C" + i + "@example.ORG,+44 20 " + (7_000_000 + i) + ",,Elsewhere,,t9,\n");
            }
        }
        return csv;
    }

    record Loaded(ImportResult result, List<String> rejects) {
    }

    static Loaded load(CustomerStore store, Path csv, long bulkLines) throws IOException {
        List<String> rejects = new ArrayList<>();
        ImportResult result = new CsvImport(store, 200, bulkLines).importCsv(csv, false,
                (line, reason) -> rejects.add(line + ": " + reason), Progress.NONE);
        return new Loaded(result, rejects);
    }

    /** Everything of a customer that an import writes, ids left out. */
    static String describe(Customer customer) {
        StringBuilder text = new StringBuilder();
        text.append(customer.getName()).append('|').append(customer.getCompany()).append('|')
                .append(customer.getCountry()).append('|').append(customer.getCity()).append('|');
        for (ContactPoint point : customer.getContactPoints()) {
            text.append(point.getKind()).append('=').append(point.getValue()).append(point.isPrimary() ? "*" : "")
                    .append(';');
        }
        text.append(customer.getCustomFields());
        return text.toString();
    }

    static long conglomerate(Connection connection) throws Exception {
        return StoreTest.single(connection, "SELECT MIN(c.conglomeratenumber) FROM sys.sysconglomerates c"
                + " JOIN sys.systables t ON c.tableid = t.tableid WHERE t.tablename = 'CUSTOMERS'");
    }

    @Test
    void bulkLoadStoresWhatBatchesStoreAndIndexesIt() throws Exception {
        Path csv = file();
        try (DerbyDatabase bulkDb = new DerbyDatabase(temp.resolve("bulk"));
                DerbyDatabase batchDb = new DerbyDatabase(temp.resolve("batches"));
                LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
            CustomerStore bulk = new CustomerStore(bulkDb, Events.NONE, index);
            CustomerStore batches = new CustomerStore(batchDb, Events.NONE);
            long before;
            try (Connection connection = bulk.database().connect()) {
                before = conglomerate(connection);
            }

            Loaded loaded = load(bulk, csv, 1);
            Loaded expected = load(batches, csv, Long.MAX_VALUE);

            assertEquals(expected, loaded);
            assertEquals(ROWS, loaded.result().imported());
            assertEquals(6, loaded.result().updated(), "each repeated row changes its customer");
            assertEquals(30, loaded.result().rejected());
            try (Connection connection = bulk.database().connect()) {
                assertNotEquals(before, conglomerate(connection),
                        "Derby's bulk insert writes the table anew; batches insert into the one there was");
                assertEquals(ROWS, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                assertEquals(1, StoreTest.single(connection, "SELECT COUNT(*) FROM import_progress WHERE status = 'DONE'"));
            }
            for (int i = 0; i < ROWS; i++) {
                String email = "c" + i + "@example.org";
                assertEquals(describe(batches.findByEmail(email).orElseThrow()),
                        describe(bulk.findByEmail(email).orElseThrow()), email);
            }
            Customer again = bulk.findByEmail("c253@example.org").orElseThrow();
            assertEquals("Again 253", again.getName());
            assertEquals("Elsewhere", again.getCity());
            assertEquals("t9", again.getCustomFields().get("tier"));

            // The index has every customer, the repeated rows as they ended up.
            assertEquals(ROWS, bulk.count(CustomerQuery.ALL));
            assertEquals(batches.count(CustomerQuery.ALL.withText("O'Brien")), bulk.count(CustomerQuery.ALL.withText("O'Brien")));
            assertEquals(6, bulk.count(CustomerQuery.ALL.withText("again")));
            assertEquals(1, bulk.count(CustomerQuery.ALL.withText("7000253")), "the phone a repeated row added");
            assertEquals(ROWS / 4, bulk.count(CustomerQuery.ALL.withText("\u5c0f\u660e")));

            // The index says it holds everything the load stamped, so a restart does not read all of it again;
            // what another process stored later is still found on first use.
            long stamp;
            try (Connection connection = bulk.database().connect()) {
                stamp = StoreTest.timestamp(connection, "SELECT MIN(updated_at) FROM customers");
            }
            assertEquals(Optional.of(Instant.ofEpochMilli(stamp)), index.completeThrough());
            Customer later = new Customer("Later Person");
            later.addContact(ContactKind.EMAIL, "later@example.org");
            new CustomerStore(bulkDb, Events.NONE).save(later);
            index.close();
            try (LuceneCustomerIndex reopened = new LuceneCustomerIndex(temp.resolve("index"))) {
                assertEquals(Optional.of(Instant.ofEpochMilli(stamp)), reopened.completeThrough());
                CustomerStore restarted = new CustomerStore(bulkDb, Events.NONE, reopened);
                assertEquals(1, restarted.count(CustomerQuery.ALL.withText("later person")));
                assertEquals(ROWS + 1, restarted.count(CustomerQuery.ALL));
                restarted.delete(restarted.findByEmail("later@example.org").orElseThrow().getId());
            }

            // A second file goes into the now filled store in batches and updates by e-mail.
            Path more = Files.writeString(temp.resolve("more.csv"), "name,email\nNew One,new@example.org\n"
                    + "Renamed,c0@example.org\n", StandardCharsets.UTF_8);
            assertEquals(new ImportResult(1, 1, 0, 0), load(bulk, more, 1).result());
            assertEquals(ROWS + 1, bulk.count(CustomerQuery.ALL));
            assertEquals("Renamed", bulk.findByEmail("c0@example.org").orElseThrow().getName());
        }
    }

    @Test
    void aBulkLoadInterruptedBetweenTablesIsFinishedByTheSameImport() throws Exception {
        // What a kill after Derby committed the customers table, before the contact points, leaves behind.
        resumesAfterAKillThatLeft("DELETE FROM contact_points");
    }

    @Test
    void aBulkLoadThatLoadedOnlyTheContactPointsIsFinishedWithTheSameIds() throws Exception {
        // The tables load side by side: a kill may also leave the contact points loaded and the customers not.
        resumesAfterAKillThatLeft("DELETE FROM customers");
    }

    private void resumesAfterAKillThatLeft(String undo) throws Exception {
        Path csv = file();
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"));
                LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
            CustomerStore store = new CustomerStore(database, Events.NONE, index);
            Loaded first = load(store, csv, 1);
            String expected = describe(store.findByEmail("c253@example.org").orElseThrow());
            long id = store.findByEmail("c1000@example.org").orElseThrow().getId();
            try (Connection connection = store.database().connect()) {
                connection.createStatement().executeUpdate(undo);
                connection.createStatement().executeUpdate("UPDATE import_progress SET status = 'BULK'");
            }

            Loaded again = load(store, csv, Long.MAX_VALUE);

            assertEquals(first, again, "the same counts and rejected lines as the first run");
            try (Connection connection = store.database().connect()) {
                assertEquals(ROWS, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                assertEquals(ROWS, StoreTest.single(connection,
                        "SELECT COUNT(DISTINCT contact_key) FROM contact_points WHERE kind = 'EMAIL'"));
                assertEquals(2 * ROWS + 6, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points"));
                assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points p WHERE NOT EXISTS"
                        + " (SELECT 1 FROM customers c WHERE c.id = p.customer_id)"), "every contact point has its customer");
                assertEquals(1, StoreTest.single(connection, "SELECT COUNT(*) FROM import_progress WHERE status = 'DONE'"));
            }
            assertEquals(id, store.findByEmail("c1000@example.org").orElseThrow().getId(), "the same ids again");
            assertEquals(expected, describe(store.findByEmail("c253@example.org").orElseThrow()));
            assertEquals(ROWS, store.count(CustomerQuery.ALL));
        }
    }

    @Test
    void eMailMatchingTrustsTheDatabaseOverAStaleIndex() throws Exception {
        // The import finds stored e-mail addresses through the text index and keeps only what the database's rows
        // confirm: an index document that wrongly claims an address sends no row to the wrong customer.
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"));
                LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
            CustomerStore store = new CustomerStore(database, Events.NONE, index);
            // The wrong claim is on the older customer, whom a match that trusted the index would pick.
            Customer other = new Customer("Other Person");
            other.addContact(ContactKind.EMAIL, "other@example.org");
            other = store.save(other);
            Customer first = new Customer("First Owner");
            first.addContact(ContactKind.EMAIL, "shared@example.org");
            first = store.save(first);
            Instant now = Instant.now();
            index.put(List.of(new CustomerIndex.Document(other.getId(), "Other Person", null,
                    null, null, List.of("other@example.org", "Shared@Example.org"), List.of(), List.of(),
                    Map.of(), now, now)));
            index.commit();

            Path csv = Files.writeString(temp.resolve("update.csv"),
                    "name,email,city\nFirst Owner,SHARED@example.org,Turku\nNew Person,new@example.org,Oulu\n",
                    StandardCharsets.UTF_8);
            assertEquals(new ImportResult(1, 1, 0, 0), load(store, csv, Long.MAX_VALUE).result());
            assertEquals("Turku", store.find(first.getId()).orElseThrow().getCity());
            assertEquals(null, store.find(other.getId()).orElseThrow().getCity(), "the wrong claim was not believed");
            assertEquals(first.getId(), store.findByEmail("shared@example.org").orElseThrow().getId());
            assertEquals("Oulu", store.findByEmail("new@example.org").orElseThrow().getCity());
            // Matched in a later batch through the index: the earlier batch's customers are already there.
            Path again = Files.writeString(temp.resolve("again.csv"), "name,email,city\nNew Person,new@example.org,Oulu\n",
                    StandardCharsets.UTF_8);
            assertEquals(new ImportResult(0, 0, 1, 0), load(store, again, Long.MAX_VALUE).result());
        }
    }

    @Test
    void aLoadThatDerbyRefusesStoresNeitherTableAndTheSameImportRunsAgain() throws Exception {
        // A row late in a small file: the rows are mostly handed over before the database reaches it, so the
        // refusal usually comes when the rows end.
        refusedLoad(20_000, 15_000, "");
    }

    @Test
    void aLoadRefusedWhileItsRowsAreStillWrittenReportsTheDatabasesReason() throws Exception {
        // An early row, and more than the pipe holds (64 chunks of 64 KiB): the writer is still writing, or blocked
        // on the full pipe, when the load fails, and must report the refusal, not a broken pipe.
        refusedLoad(20_000, 5, " " + "x".repeat(180));
    }

    private void refusedLoad(int rows, int refused, String nameTail) throws Exception {
        Path csv = GeneratedCsv.write(temp.resolve("refused.csv"), "name,email,phone", rows,
                i -> "Person " + i + nameTail + ",p" + i + "@example.org,+1 555 " + (1_000_000 + i));
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"));
                LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
            CustomerStore store = new CustomerStore(database, Events.NONE, index);
            try (Connection connection = store.database().connect()) {
                connection.createStatement().execute("ALTER TABLE customers ADD CONSTRAINT test_refuses CHECK (name <> 'Person "
                        + refused + nameTail + "')");
            }
            RuntimeException refusal = assertThrows(RuntimeException.class,
                    () -> new CsvImport(store, 200, 1).importCsv(csv, false, null, Progress.NONE));
            assertTrue(refusal.getMessage().contains("TEST_REFUSES"), refusal.getMessage());
            try (Connection connection = store.database().connect()) {
                assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points"),
                        "the contact points rolled back with their customers");
                connection.createStatement().execute("ALTER TABLE customers DROP CONSTRAINT test_refuses");
            }
            assertTrue(index.size() == 0, "the index dropped what it took");

            assertEquals(new ImportResult(rows, 0, 0, 0), new CsvImport(store, 200, 1).importCsv(csv, false, null, null));
            try (Connection connection = store.database().connect()) {
                assertEquals(rows, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                assertEquals(2 * rows, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points"));
            }
            assertEquals(rows, store.count(CustomerQuery.ALL.withText("person")));
        }
    }

    @Test
    void aCancelledBulkLoadStoresNothing() throws Exception {
        Path csv = GeneratedCsv.write(temp.resolve("many.csv"), "name,email", 20_000,
                i -> "Person " + i + ",p" + i + "@example.org");
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"));
                LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
            CustomerStore store = new CustomerStore(database, Events.NONE, index);
            ImportResult cancelled = new CsvImport(store, 200, 1).importCsv(csv, false, null, new Progress() {
                @Override
                public void begin(String task, long totalWork) {
                }

                @Override
                public void worked(long done) {
                }

                @Override
                public boolean isCanceled() {
                    return true;
                }
            });
            assertEquals(new ImportResult(0, 0, 0, 0), cancelled);
            try (Connection connection = store.database().connect()) {
                assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points"));
            }
            // The loads had begun with the first rows; they rolled back and ended before the import returned.
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(thread -> thread.getName().startsWith("bulk load of")), "no load left running");
            assertEquals(0, store.count(CustomerQuery.ALL.withText("person")));
            assertTrue(index.size() == 0, "the index dropped what it took");

            assertEquals(new ImportResult(20_000, 0, 0, 0), new CsvImport(store, 200, 1).importCsv(csv, false, null, null));
            assertEquals(20_000, store.count(CustomerQuery.ALL.withText("person")));
        }
    }
}
