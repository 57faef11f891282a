package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.LineRange;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;
import jakarta.persistence.EntityManagerFactory;

/**
 * An import killed with SIGKILL in the middle: the database must open, hold only whole rows, and the same
 * import run again must finish the file without duplicates. The import runs in a JVM of its own, on a class
 * path made of the bundles that hold the classes it needs.
 */
class KilledImportTest {

    static final int ROWS = 20_000;
    static final int BATCH = 200;

    @TempDir
    Path temp;

    @Test
    void importKilledMidwayLeavesWholeRowsAndResumesWithoutDuplicates() throws Exception {
        Path csv = temp.resolve("big.csv");
        customers(csv);
        Path db = temp.resolve("db");
        Process child = new ProcessBuilder(javaExecutable(), "-cp", classPath(), ImportMain.class.getName(),
                db.toString(), csv.toString(), Integer.toString(BATCH)).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        int committed = 0;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("committed") && ++committed == 3) {
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(3, committed, "the child never committed three batches: " + output);
        assertFalse(output.stream().anyMatch(l -> l.startsWith("finished")), "the child finished before the kill");

        try (DerbyDatabase database = new DerbyDatabase(db)) {
            CustomerStore store = new CustomerStore(database, Events.NONE);
            long customers;
            try (Connection connection = store.database().connect()) {
                customers = StoreTest.single(connection, "SELECT COUNT(*) FROM customers");
                assertTrue(customers >= 3 * BATCH && customers < ROWS, "customers after the kill: " + customers);
                assertEquals(0, customers % BATCH, "only whole batches were committed: " + customers);
                assertEquals(2 * customers, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points"),
                        "every customer has both contact points");
                assertEquals(customers, StoreTest.single(connection,
                        "SELECT COUNT(*) FROM customers WHERE custom_fields IS NOT NULL"), "every customer has its field");
                assertEquals(customers, StoreTest.single(connection,
                        "SELECT rows_imported FROM import_progress WHERE status = 'RUNNING'"),
                        "the recorded progress matches the rows");
                assertEquals(customers + 1, StoreTest.single(connection, "SELECT last_line FROM import_progress"));
            }

            ImportResult result = new CsvImport(store, BATCH).importCsv(csv, false, null, Progress.NONE);
            assertEquals(new ImportResult(ROWS - customers, 0, customers, 0, List.of(new LineRange(2, customers + 1))),
                    result, "the rows committed before the kill are recognised and skipped");
            assertStoredOnce(store, ROWS);
            Customer last = store.findByEmail("c" + (ROWS - 1) + "@example.org").orElseThrow();
            assertEquals("Customer " + (ROWS - 1), last.getName());
            assertEquals("s" + ((ROWS - 1) % 7), last.getCustomFields().get("segment"));
        }
    }

    /**
     * The same for a bulk load (a file into an empty store): killed after Derby loaded and committed the customers
     * table, the database holds whole tables, and the same import run again loads the rest, without duplicates.
     */
    @Test
    void bulkImportKilledDuringTheLoadIsFinishedByTheSameImport() throws Exception {
        Path csv = temp.resolve("big.csv");
        customers(csv);
        String size = Long.toString(Files.size(csv));
        Path db = temp.resolve("db");
        Process child = new ProcessBuilder(javaExecutable(), "-cp", classPath(), ImportMain.class.getName(),
                db.toString(), csv.toString(), Integer.toString(BATCH), "1").redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        int fileDone = 0;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                // "committed SIZE": the file read (marked BULK), then once per table loaded; the customers are in.
                if (line.equals("committed " + size) && ++fileDone == 2) {
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(2, fileDone, "the child never loaded the customers table: " + output);
        assertFalse(output.stream().anyMatch(l -> l.startsWith("finished")), "the child finished before the kill");

        try (DerbyDatabase database = new DerbyDatabase(db)) {
            CustomerStore store = new CustomerStore(database, Events.NONE);
            try (Connection connection = store.database().connect()) {
                assertEquals(ROWS, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                long points = StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points");
                assertTrue(points == 0 || points == 2 * ROWS, "a table is loaded whole or not at all: " + points);
                assertEquals(ROWS, StoreTest.single(connection,
                        "SELECT COUNT(*) FROM customers WHERE custom_fields IS NOT NULL"), "the fields come with the row");
                assertEquals(1, StoreTest.single(connection, "SELECT COUNT(*) FROM import_progress WHERE status = 'BULK'"));
            }

            ImportResult result = new CsvImport(store, BATCH, 1).importCsv(csv, false, null, Progress.NONE);
            assertEquals(new ImportResult(ROWS, 0, 0, 0), result);
            assertStoredOnce(store, ROWS);
            try (Connection connection = store.database().connect()) {
                assertEquals(ROWS, StoreTest.single(connection,
                        "SELECT COUNT(*) FROM customers WHERE custom_fields IS NOT NULL"));
            }
            Customer last = store.findByEmail("c" + (ROWS - 1) + "@example.org").orElseThrow();
            assertEquals("Customer " + (ROWS - 1), last.getName());
            assertEquals("s" + ((ROWS - 1) % 7), last.getCustomFields().get("segment"));
        }
    }

    /**
     * Killed while the rows still stream into Derby's loads (before the import is marked {@code BULK}): the loads
     * were never committed, so the database opens empty, and the same import run again stores the file once.
     */
    @Test
    void bulkImportKilledWhileTheRowsStreamStoresNothingAndRunsAgain() throws Exception {
        int rows = 100_000;
        Path csv = temp.resolve("streamed.csv");
        GeneratedCsv.write(csv, "name,email,phone,country,city", rows, i -> "Customer " + i + ",c" + i
                + "@example.org,+1 555 " + (1_000_000 + i) + ",Country " + (i % 50) + ",City " + (i % 300));
        long size = Files.size(csv);
        Path db = temp.resolve("db");
        Process child = new ProcessBuilder(javaExecutable(), "-cp", classPath(), ImportMain.class.getName(),
                db.toString(), csv.toString(), Integer.toString(BATCH), "1").redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        long readWhenKilled = -1;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                // While the file is read, "committed N" reports the bytes read so far (every 8,192 rows).
                if (line.startsWith("committed ")) {
                    readWhenKilled = Long.parseLong(line.substring("committed ".length()));
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(readWhenKilled > 0 && readWhenKilled < size, "killed while reading the file: " + output);
        assertFalse(output.stream().anyMatch(l -> l.startsWith("finished")), "the child finished before the kill");

        try (DerbyDatabase database = new DerbyDatabase(db)) {
            CustomerStore store = new CustomerStore(database, Events.NONE);
            try (Connection connection = store.database().connect()) {
                assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points"));
                assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM import_progress"),
                        "not yet marked as loading in bulk");
            }

            ImportResult result = new CsvImport(store, BATCH, 1).importCsv(csv, false, null, Progress.NONE);
            assertEquals(new ImportResult(rows, 0, 0, 0), result);
            assertStoredOnce(store, rows);
            assertEquals("City " + ((rows - 1) % 300),
                    store.findByEmail("c" + (rows - 1) + "@example.org").orElseThrow().getCity());
        }
    }

    /** The customers of the first two tests: e-mail, phone, place, company and a custom field each. */
    private static void customers(Path csv) throws IOException {
        GeneratedCsv.write(csv, "name,email,phone,country,city,company,segment", ROWS, i -> "Customer " + i + ",c" + i
                + "@example.org,+1 555 " + (1_000_000 + i) + ",Country " + (i % 50) + ",City " + (i % 300)
                + ",Company " + (i % 1000) + ",s" + (i % 7));
    }

    /** Every row of the file stored once, with both contact points, and the import marked done. */
    private static void assertStoredOnce(CustomerStore store, long rows) throws Exception {
        try (Connection connection = store.database().connect()) {
            assertEquals(rows, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
            assertEquals(rows, StoreTest.single(connection,
                    "SELECT COUNT(DISTINCT contact_key) FROM contact_points WHERE kind = 'EMAIL'"));
            assertEquals(2 * rows, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points"));
            assertEquals(1, StoreTest.single(connection, "SELECT COUNT(*) FROM import_progress WHERE status = 'DONE'"));
        }
    }

    static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path entries of the bundles that hold what the import needs, as folders or jars. */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(ImportMain.class, CsvImport.class, DerbyDatabase.class, Customer.class,
                Progress.class, EmbeddedDriver.class, NLS.class, EntityManagerFactory.class)) {
            entries.addAll(entriesOf(type));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> entriesOf(Class<?> type) {
        List<String> entries = new ArrayList<>();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            addLocation(entries, toPath(source.getLocation().toString()));
        }
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (entries.isEmpty() && bundle != null) {
            addLocation(entries, toPath(bundle.getLocation()));
        }
        if (entries.isEmpty()) {
            throw new AssertionError("cannot find the class path of " + type.getName() + " in "
                    + (bundle == null ? "no bundle" : bundle.getLocation()) + " / " + source);
        }
        return entries;
    }

    private static void addLocation(List<String> entries, Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        if (Files.isDirectory(path)) {
            // A bundle run from its project folder: its classes are in the build output.
            for (String output : List.of("target/classes", "bin")) {
                if (Files.isDirectory(path.resolve(output))) {
                    entries.add(path.resolve(output).toString());
                }
            }
        }
        entries.add(path.toString());
    }

    private static Path toPath(String location) {
        String text = location;
        for (String prefix : List.of("initial@", "reference:")) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        if (!text.startsWith("file:")) {
            return null;
        }
        try {
            return Paths.get(new URI(text.replace(" ", "%20")));
        } catch (Exception e) {
            try {
                return Paths.get(new URL(text).getPath());
            } catch (IOException malformed) {
                throw new UncheckedIOException(malformed);
            }
        }
    }
}
