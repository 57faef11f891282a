package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * Some time after the first use, the store counts the index's documents against the database's customers and
 * rebuilds the index if they differ (deletions a killed process committed only to the database). During a batched
 * import the database runs a batch ahead of the index, so an import calls that check off; the next start runs it.
 */
class IndexCheckTest {

    private static final Duration CHECK_DELAY = Duration.ofSeconds(2);
    private static final int ROWS = 500;

    @TempDir
    Path temp;

    @Test
    void aBatchedImportCallsTheCountCheckOffAndTheNextStartRunsIt() throws Exception {
        Path csv = GeneratedCsv.write(temp.resolve("people.csv"), "name,email", ROWS,
                i -> "Person " + i + ",p" + i + "@example.org");
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"))) {
            try (LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
                // A store with customers and their index, as the check expects at a start. Used once before the
                // save: the first use of an empty index over customers would rebuild it in the background.
                CustomerStore first = new CustomerStore(database, Events.NONE, index, CHECK_DELAY);
                assertEquals(0, first.count(CustomerQuery.ALL));
                first.save(new Customer("First Customer"));
            }
            try (LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
                CustomerStore store = new CustomerStore(database, Events.NONE, index, CHECK_DELAY);
                ImportResult result = new CsvImport(store, 100, Long.MAX_VALUE).importCsv(csv, false, null,
                        Progress.NONE);
                assertEquals(new ImportResult(ROWS, 0, 0, 0), result);
                // What a process killed between its two commits leaves: a customer deleted in the database only.
                deleteOneCustomerInTheDatabaseOnly(database);
                Thread.sleep(CHECK_DELAY.toMillis() + 1_000);
                assertEquals(ROWS + 1, index.size(), "the import called the check off, so nothing rebuilt the index");
            }
            try (LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
                CustomerStore restarted = new CustomerStore(database, Events.NONE, index, CHECK_DELAY);
                restarted.count(CustomerQuery.ALL);
                long deadline = System.currentTimeMillis() + 60_000;
                while (index.size() != ROWS && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(ROWS, index.size(), "the next start's check found the lost deletion");
                assertEquals(ROWS - 1, restarted.count(CustomerQuery.ALL.withText("example.org")));
            }
        }
    }

    private static void deleteOneCustomerInTheDatabaseOnly(DerbyDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM contact_points WHERE customer_id = (SELECT MAX(id) FROM customers)");
            statement.executeUpdate("DELETE FROM customers WHERE id = (SELECT MAX(id) FROM customers)");
        }
    }
}
