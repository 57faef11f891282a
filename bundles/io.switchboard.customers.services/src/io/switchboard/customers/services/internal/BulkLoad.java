package io.switchboard.customers.services.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.services.internal.CsvImport.Row;

/**
 * The rows of a large import into an empty store, streamed into the database's bulk path
 * ({@link io.switchboard.store.Database#bulkLoad}) while they are read: each table loads in a thread of its own, and
 * the text index takes the same customers in another. Ids are reserved up front, one per line of the file, so every
 * row knows its id without asking the database; ids of lines that were no customer stay unused.
 *
 * <p>Derby commits a table when its rows end, and they end only in {@link #load}, after the caller marked the
 * import as loading in bulk: killed before, nothing is stored.
 *
 * <p>The first row with an e-mail address is loaded; a later row with the same address (by its 64-bit hash) is left
 * to the caller, which applies it as an update once the load is in the database, like a batched import would.
 * A hash collision only sends a row down that slower path, which then finds no customer and inserts it.
 */
final class BulkLoad implements AutoCloseable {

    private final CustomerStore store;
    private final TableLoad customerLoad;
    private final TableLoad contactLoad;
    private final Writer customers;
    private final Writer contacts;
    private final LongSet emails;
    /** Every loaded row's phone: a later row without e-mail and with one of these is an update. */
    private final LongSet phones;
    private final CustomerIndexing.BulkIndexer indexer;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String stamp = Timestamp.from(now).toString();
    private final long firstCustomer;
    private final long lastCustomer;
    private long nextCustomer;
    private long nextContact;
    private List<CustomerIndex.Document> documents = new ArrayList<>();

    private BulkLoad(CustomerStore store, long lines, long firstCustomer) {
        this.store = store;
        int count = count(lines);
        this.firstCustomer = firstCustomer > 0 ? firstCustomer
                : store.database().allocateIds(CustomerStore.SEQ_CUSTOMERS, count);
        this.lastCustomer = this.firstCustomer + count - 1;
        this.nextCustomer = this.firstCustomer;
        this.nextContact = store.database().allocateIds(CustomerStore.SEQ_CONTACT_POINTS, 2 * count);
        this.emails = new LongSet(count);
        this.phones = new LongSet(count);
        // A table that has rows was loaded by the interrupted run this one resumes. Both are asked, and the index's
        // thread started, before either load starts, so that nothing can fail with a load left running.
        boolean customersEmpty = isEmpty(store, "customers");
        boolean contactsEmpty = isEmpty(store, "contact_points");
        this.indexer = store.bulkIndexer();
        // The columns, and each line's values below, come from the tables' one writer each.
        this.customerLoad = new TableLoad("customers", CustomerRows.COLUMNS, customersEmpty);
        this.contactLoad = new TableLoad("contact_points", ContactPointRows.COLUMNS, contactsEmpty);
        this.customers = customerLoad.rows;
        this.contacts = contactLoad.rows;
    }

    private static boolean isEmpty(CustomerStore store, String table) {
        try (Connection connection = store.connect();
                PreparedStatement select = connection
                        .prepareStatement("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY");
                ResultSet row = select.executeQuery()) {
            return !row.next();
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
    }

    /** Reserves ids for up to {@code lines} customers and starts the loads' and the index's threads. */
    static BulkLoad start(CustomerStore store, long lines) {
        return new BulkLoad(store, lines, 0);
    }

    /**
     * The same file again after a bulk load of it was interrupted: the customers keep the ids they were loaded
     * with (the first is the smallest id stored, in either table, as the store was empty), or get new ones if
     * nothing was loaded.
     * {@code null} if the store holds customers outside that load, which then goes in batches.
     */
    static BulkLoad resume(CustomerStore store, long lines) {
        long first;
        long last;
        // The two tables load side by side, so either may be the one a kill left loaded.
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement("SELECT MIN(id), MAX(id) FROM customers");
                PreparedStatement points = connection
                        .prepareStatement("SELECT MIN(customer_id), MAX(customer_id) FROM contact_points")) {
            try (ResultSet row = select.executeQuery()) {
                row.next();
                first = row.getLong(1);
                last = row.getLong(2);
            }
            if (first == 0) {
                try (ResultSet row = points.executeQuery()) {
                    row.next();
                    first = row.getLong(1);
                    last = row.getLong(2);
                }
            }
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
        if (first > 0 && last - first >= count(lines)) {
            return null;
        }
        return new BulkLoad(store, lines, first);
    }

    private static int count(long lines) {
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(1, lines));
    }

    /**
     * Takes the row for the load; {@code false} if its e-mail address came before (the caller applies it).
     * If the database refused an earlier row, this throws the load's own failure, as {@link #load} would.
     */
    boolean add(Row row) throws IOException {
        try {
            return write(row);
        } catch (IOException e) {
            // The pipe fails when its load does: report what the database said, not that the pipe broke.
            for (TableLoad table : List.of(customerLoad, contactLoad)) {
                table.throwIfFailed();
            }
            throw e;
        }
    }

    private boolean write(Row row) throws IOException {
        String emailKey = row.emailKey();
        String phoneKey = row.phoneKey();
        if (emailKey != null && !emails.add(hash(emailKey))) {
            return false;
        }
        // A row without e-mail is the customer with its phone, as in a batched import.
        if (phoneKey != null && !phones.add(hash(phoneKey)) && emailKey == null) {
            return false;
        }
        if (nextCustomer > lastCustomer) {
            throw new IllegalStateException("more rows than lines");
        }
        long id = nextCustomer++;
        CustomerRows.Values values = row.values();
        CustomerRows.writeLoadLine(customers, id, values, stamp);
        List<String> emailList = List.of();
        List<String> phoneList = List.of();
        int order = 0;
        if (emailKey != null) {
            ContactPointRows.writeLoadLine(contacts, nextContact++, id, order++, ContactKind.EMAIL, row.email(), null,
                    true);
            emailList = List.of(row.email());
        }
        if (!row.phone().isEmpty()) {
            ContactPointRows.writeLoadLine(contacts, nextContact++, id, order, ContactKind.MOBILE, row.phone(), null,
                    true);
            phoneList = List.of(row.phone());
        }
        if (indexer != null) {
            documents.add(new CustomerIndex.Document(id, row.name(), values.company(), values.country(), values.city(),
                    emailList, phoneList, List.of(), row.fields(), now, now));
            if (documents.size() >= 2_000) {
                indexer.add(documents);
                documents = new ArrayList<>();
            }
        }
        return true;
    }

    /** Customers added so far. */
    long loaded() {
        return nextCustomer - firstCustomer;
    }

    /**
     * Ends the rows, so that Derby commits each table it loads (the customers first, then {@code loaded} runs, then
     * the contact points, then it runs again), and waits for both. If the customers fail, the contact points roll
     * back.
     */
    void load(Runnable loaded) throws SQLException {
        try {
            if (indexer != null && !documents.isEmpty()) {
                indexer.add(documents);
                documents = new ArrayList<>();
            }
        } catch (RuntimeException e) {
            abortLoads();
            throw e;
        }
        if (loaded() == 0) {
            // Nothing to store: an empty load would be Derby's error.
            abortLoads();
            return;
        }
        for (TableLoad table : List.of(customerLoad, contactLoad)) {
            try {
                table.end();
            } catch (SQLException e) {
                // The contact points do not go in without their customers.
                abortLoads();
                throw e;
            }
            loaded.run();
        }
    }

    /** After the database committed: waits until the index holds every loaded customer. */
    void finish() {
        if (indexer != null) {
            indexer.finish(now);
        }
    }

    /** Nothing is to be stored after all: the loads still running roll back, and the index drops what it took. */
    void abort() {
        abortLoads();
        if (indexer != null) {
            indexer.abort();
        }
    }

    private void abortLoads() {
        customerLoad.abort();
        contactLoad.abort();
    }

    /** Makes sure no load is left running: one that was neither ended nor aborted rolls back. */
    @Override
    public void close() {
        abortLoads();
    }

    /** One table's load: its rows go through a pipe to Derby's import, on a thread and connection of its own. */
    private final class TableLoad {
        final Writer rows;
        private final LoadPipe pipe;
        private final Thread thread;
        private volatile SQLException failure;

        /** Loads the table if it is empty; otherwise its rows are dropped. */
        TableLoad(String table, List<String> columns, boolean empty) {
            if (empty) {
                pipe = new LoadPipe();
                rows = new BufferedWriter(new OutputStreamWriter(pipe.sink, StandardCharsets.UTF_8), 1 << 16);
                thread = new Thread(() -> run(table, columns), "bulk load of " + table);
                thread.setDaemon(true);
                thread.start();
            } else {
                pipe = null;
                rows = Writer.nullWriter();
                thread = null;
            }
        }

        private void run(String table, List<String> columns) {
            try (Connection connection = store.connect()) {
                connection.setAutoCommit(false);
                try {
                    store.database().bulkLoad(connection, table, columns, pipe.source);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new SQLException(e.getMessage(), e);
            } finally {
                if (failure != null) {
                    // A writer blocked on the full pipe learns of it.
                    pipe.fail(new IOException("the bulk load of " + table + " failed: " + failure.getMessage(), failure));
                }
            }
        }

        /** Ends the rows and waits until the table is committed. */
        void end() throws SQLException {
            if (thread == null) {
                return;
            }
            try {
                rows.close();
            } catch (IOException e) {
                // The load failed and the pipe says why; the failure is reported below.
            }
            join();
            if (failure != null) {
                throw failure;
            }
        }

        /** Throws the load's failure if the database refused it (the load has then ended). */
        void throwIfFailed() {
            SQLException refused = failure;
            if (refused != null) {
                join();
                throw CustomerStore.failure(refused);
            }
        }

        /** Fails the rows, so that the load rolls back, and waits for it; nothing if it ended already. */
        void abort() {
            if (thread == null) {
                return;
            }
            pipe.fail(new IOException("the bulk load was abandoned"));
            join();
        }

        private void join() {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long hash(String key) {
        // 64-bit FNV-1a over the UTF-16 units: collisions among a few million keys are rare, and harmless.
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A set of longs with open addressing, a fraction of the memory of a set of strings. */
    static final class LongSet {
        private long[] slots;
        private boolean hasZero;
        private int size;

        LongSet(int expected) {
            slots = new long[Integer.highestOneBit(Math.max(16, expected) * 2) * 2];
        }

        /** True if the value was not in the set. */
        boolean add(long value) {
            if (value == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = (int) (mix(value) & mask);
            while (slots[i] != 0) {
                if (slots[i] == value) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = value;
            size++;
            return true;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long value : old) {
                if (value != 0) {
                    add(value);
                }
            }
        }

        private static long mix(long value) {
            long h = value * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }
    }
}
