package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.store.internal.LoadStreams;

/**
 * Derby's bulk load reads its rows from a stream while they are produced ({@link LoadStreams}): through the OSGi
 * framework's URL handler, opened twice by Derby's import, and never committing rows that did not end properly.
 */
class BulkLoadStreamTest {

    @TempDir
    Path temp;

    @Test
    void aLoadStreamOpensFromTheStartUntilAReaderGoesPastItsHead() throws Exception {
        byte[] content = new byte[3 << 20];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + (i >> 12));
        }
        String url = LoadStreams.register(new ByteArrayInputStream(content));
        try {
            // As Derby counts the columns of the first row: a little, then closed.
            try (InputStream probe = new URL(url).openStream()) {
                byte[] start = probe.readNBytes(10_000);
                assertArrayEquals(Arrays.copyOf(content, 10_000), start);
            }
            try (InputStream all = new URL(url).openStream()) {
                assertArrayEquals(content, all.readAllBytes(), "the second open reads everything from the start");
            }
            IOException late = assertThrows(IOException.class, () -> new URL(url).openStream());
            assertTrue(late.getMessage().contains("read once"), late.getMessage());
        } finally {
            LoadStreams.unregister(url);
        }
        assertThrows(IOException.class, () -> new URL(url).openStream(), "an unregistered stream is gone");
    }

    @Test
    void rowsThatFailMidwayLoadNothingAndGoodRowsLoadWhole() throws Exception {
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"));
                Connection connection = database.connect()) {
            connection.createStatement().execute("CREATE TABLE notes (id BIGINT NOT NULL PRIMARY KEY, body VARCHAR(100))");
            connection.setAutoCommit(false);
            StringBuilder rows = new StringBuilder();
            for (int i = 1; i <= 20_000; i++) {
                rows.append(i).append(",\"note ").append(i).append(", with \"\"quotes\"\"\"\n");
            }
            byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);

            InputStream failing = new SequenceInputStream(new ByteArrayInputStream(good), new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("the producer gave up");
                }
            });
            assertThrows(SQLException.class,
                    () -> database.bulkLoad(connection, "notes", List.of("id", "body"), failing));
            connection.rollback();
            assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM notes"), "no row of a failed load");

            byte[] duplicate = "1,\"again\"\n".getBytes(StandardCharsets.UTF_8);
            assertThrows(SQLException.class, () -> database.bulkLoad(connection, "notes", List.of("id", "body"),
                    new SequenceInputStream(new ByteArrayInputStream(good), new ByteArrayInputStream(duplicate))));
            connection.rollback();
            assertEquals(0, StoreTest.single(connection, "SELECT COUNT(*) FROM notes"), "a refused row refuses the load");

            database.bulkLoad(connection, "notes", List.of("id", "body"), new ByteArrayInputStream(good));
            connection.commit();
            assertEquals(20_000, StoreTest.single(connection, "SELECT COUNT(*) FROM notes"));
            assertEquals(1, StoreTest.single(connection,
                    "SELECT COUNT(*) FROM notes WHERE id = 20000 AND body = 'note 20000, with \"quotes\"'"));
            connection.commit();
        }
    }
}
