package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.DataFolderException;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * A second process that opens a store another process is importing into is refused, and the import never
 * notices. The import into a new store creates the database after reading the file; a second process that came
 * while Derby was creating it found a database folder without its {@code service.properties}, and Derby's boot
 * in that process (which also empties {@code tmp} and rewrites {@code db.lck} before it checks the lock) broke
 * the first one.
 */
class SecondProcessTest {

    static final int ROWS = 100_000;

    @TempDir
    Path temp;

    @Test
    void aSecondProcessIsRefusedWhileABulkImportRunsAndTheImportFinishes() throws Exception {
        Path csv = GeneratedCsv.write(temp.resolve("big.csv"), "name,email,phone,country,city", ROWS,
                i -> "Customer " + i + ",c" + i + "@example.org,+1 555 " + (1_000_000 + i) + ",Country " + (i % 50)
                        + ",City " + (i % 300));
        Path db = temp.resolve("db");
        // Into an empty store, in bulk (Derby's import procedure, whose index sorts spill to tmp files).
        Process importer = new ProcessBuilder(KilledImportTest.javaExecutable(), "-cp", KilledImportTest.classPath(),
                ImportMain.class.getName(), db.toString(), csv.toString(), "200", "1").redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(importer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                }
            } catch (Exception e) {
                output.add("reading the child failed: " + e);
            }
        });
        reader.start();
        int refused = 0;
        try {
            // This process is the second one: it tries again and again while the import runs, as a user would,
            // from the moment the import starts creating the database (it reads and hashes the file first).
            while (importer.isAlive()) {
                if (Files.isDirectory(db.resolve(DerbyDatabase.DATABASE_NAME))) {
                    try (DerbyDatabase second = new DerbyDatabase(db)) {
                        second.open();
                        // Let in: the import has closed its store (it is about to print "finished"), or the lock
                        // failed; either way this is the last try, and the import's own end below tells which.
                        break;
                    } catch (DataFolderException e) {
                        assertTrue(e.getMessage().contains("in use by another Switchboard process")
                                && e.getMessage().contains(db.toString()), e.getMessage());
                        refused++;
                    }
                }
                Thread.sleep(refused < 100 ? 2 : 100);
            }
            assertTrue(importer.waitFor(5, TimeUnit.MINUTES));
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } finally {
            importer.destroyForcibly();
        }
        assertTrue(refused >= 3, "the second process tried only " + refused + " times: " + output);
        assertEquals(0, importer.exitValue(), "the import died: " + output);
        assertTrue(output.stream().anyMatch(l -> l.startsWith("finished ImportResult[imported=" + ROWS + ",")),
                output.toString());
        assertFalse(output.stream().anyMatch(l -> l.contains("Exception")), output.toString());

        try (DerbyDatabase database = new DerbyDatabase(db)) {
            CustomerStore store = new CustomerStore(database, Events.NONE);
            try (Connection connection = store.database().connect()) {
                assertEquals(ROWS, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
            }
        }
    }
}
