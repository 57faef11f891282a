package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.DataFolderException;
import io.switchboard.core.Progress;
import io.switchboard.core.csv.LineRange;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.StoreException;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * An import onto a disk that fills up, on a real small file system (a 64 MB tmpfs, mounted as root: the
 * machines and CI that run these tests do run as root): one line that says the disk is full and how much of the
 * file is stored, the store still readable while the disk is full, and the re-run's summary counting only what
 * it added.
 */
class DiskFullTest {

    static final int ROWS = 20_000;
    static final int BATCH = 200;

    @TempDir
    Path temp;
    Path disk;

    @BeforeEach
    void smallDisk() throws Exception {
        disk = Files.createDirectories(temp.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        assertTrue(mount.waitFor(30, TimeUnit.SECONDS));
        // No quiet skip: a run that cannot mount would not test the full disk at all (run the tests as root).
        assertEquals(0, mount.exitValue(), "cannot mount a small file system here (needs root): " + output);
    }

    @AfterEach
    void unmount() throws Exception {
        Process umount = new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start();
        if (!umount.waitFor(30, TimeUnit.SECONDS) || umount.exitValue() != 0) {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskIsOneLineWithWhatIsStoredReadsGoOnAndTheRerunCountsOnlyItsRows() throws Exception {
        Path csv = GeneratedCsv.write(temp.resolve("customers.csv"), "name,email,phone,country,city,company", ROWS,
                i -> "Customer " + i + ",c" + i + "@example.org,+1 555 " + (1_000_000 + i) + ",Country " + (i % 50)
                        + ",City " + (i % 300) + ",Company " + (i % 1000));
        Path db = disk.resolve("db");
        Path filler = disk.resolve("filler");
        long stored = -1;
        Path index = disk.resolve("index");
        try (DerbyDatabase database = new DerbyDatabase(db); LuceneCustomerIndex search = new LuceneCustomerIndex(index)) {
            CustomerStore store = new CustomerStore(database, Events.NONE, search);
            store.count(CustomerQuery.ALL); // the schema is in place; what is left fills up during the import
            fill(filler, Files.getFileStore(disk).getUsableSpace() - (1_500L << 10));

            DataFolderException full = assertThrows(DataFolderException.class,
                    () -> new CsvImport(store, BATCH).importCsv(csv, false, null, Progress.NONE));
            Matcher m = Pattern.compile("the disk holding " + Pattern.quote(db.toString())
                    + " is full: stored (\\d+) of the file's rows \\(up to line (\\d+)\\); free space and run the import"
                    + " again, it goes on after line \\2").matcher(full.getMessage());
            assertTrue(m.matches(), full.getMessage());
            stored = Long.parseLong(m.group(1));
            assertTrue(stored > 0 && stored < ROWS, full.getMessage());
            assertEquals(stored + 1, Long.parseLong(m.group(2)), "one header line, then one row a line");
            assertFalse(full.getMessage().contains("No current connection"), full.getMessage());
        } catch (RuntimeException e) {
            // Derby may refuse the clean shutdown of a database it gave up on; the next open recovers it.
            if (!(e instanceof StoreException)) {
                throw e;
            }
        }

        // Still full: a new process reads what is stored (the text index, which cannot catch up, steps aside).
        assertTrue(Files.getFileStore(disk).getUsableSpace() < (2L << 20), "the disk is still (nearly) full");
        try (DerbyDatabase database = new DerbyDatabase(db); LuceneCustomerIndex search = new LuceneCustomerIndex(index)) {
            CustomerStore store = new CustomerStore(database, Events.NONE, search);
            assertEquals(stored, store.count(CustomerQuery.ALL));
            try (Connection connection = database.connect()) {
                assertEquals(2 * stored, StoreTest.single(connection, "SELECT COUNT(*) FROM contact_points"));
            }
        }

        Files.delete(filler);
        try (DerbyDatabase database = new DerbyDatabase(db); LuceneCustomerIndex search = new LuceneCustomerIndex(index)) {
            CustomerStore store = new CustomerStore(database, Events.NONE, search);
            ImportResult again = new CsvImport(store, BATCH).importCsv(csv, false, null, Progress.NONE);
            assertEquals(new ImportResult(ROWS - stored, 0, stored, 0, List.of(new LineRange(2, stored + 1))), again,
                    "only the new rows are imported; the stored ones are recognised");
            assertEquals(ROWS, store.count(CustomerQuery.ALL));
        }
    }

    private static void fill(Path filler, long bytes) throws IOException {
        byte[] block = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }
}
