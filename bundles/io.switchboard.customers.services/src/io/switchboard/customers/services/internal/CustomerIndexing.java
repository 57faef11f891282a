package io.switchboard.customers.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.store.DiskFull;

/**
 * Keeps the text index in step with the customers' tables and answers queries from it. The database stays the
 * truth: the index is updated after each database commit. On first use it catches up with whatever a killed
 * process committed to the database but not to the index: everything updated after the index's newest entry,
 * which is quick. Comparing the counts (which catches lost deletions) and any full rebuild run in the
 * background, and while the index is rebuilt the store answers with SQL.
 */
final class CustomerIndexing {

    /** Import batches between index commits: a commit syncs to disk, so not after every batch. */
    private static final int BATCHES_PER_COMMIT = 10;
    private static final int REBUILD_CHUNK = 2_000;
    static final Duration CHECK_DELAY = Duration.ofSeconds(10);

    private final CustomerStore store;
    private final CustomerIndex index;
    private volatile boolean current;
    private final Duration checkDelay;
    private volatile boolean rebuilding;
    private int uncommittedBatches;
    /**
     * Customers written while a rebuild runs (guarded by {@code this}): the rebuild may have read one before the
     * write and put it into the index after the write's own update, so it reads them again once it is done.
     */
    private final Set<Long> writtenDuringRebuild = new LinkedHashSet<>();
    /** The background comparison of counts after the first use, if one was started. */
    private volatile Thread check;
    private volatile Thread warmUp;
    private final AtomicBoolean checkBegun = new AtomicBoolean();

    CustomerIndexing(CustomerStore store, CustomerIndex index, Duration checkDelay) {
        this.store = store;
        this.index = index;
        this.checkDelay = checkDelay;
    }

    /** Whether queries can be answered from the index now; the first call brings the index up to date. */
    boolean ready() {
        try {
            index();
        } catch (RuntimeException e) {
            if (DiskFull.causedBy(e)) {
                // The index cannot catch up on a full disk, but reading needs no room: the database answers.
                return false;
            }
            throw e;
        }
        return !rebuilding;
    }

    List<CustomerSummary> list(CustomerQuery query) {
        CustomerIndex.Page page = index().search(query);
        List<Long> ids = new ArrayList<>(page.ids().length);
        for (long id : page.ids()) {
            ids.add(id);
        }
        try (Connection connection = store.connect()) {
            return store.summaries(connection, ids);
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
    }

    /** Pages of the query's customers from the index, their summaries read from the database. */
    void scan(CustomerQuery query, Predicate<List<CustomerSummary>> page) {
        try (Connection connection = store.connect()) {
            SQLException[] failure = new SQLException[1];
            index().scan(query, ids -> {
                List<Long> list = new ArrayList<>(ids.length);
                for (long id : ids) {
                    list.add(id);
                }
                try {
                    return page.test(store.summaries(connection, list));
                } catch (SQLException e) {
                    failure[0] = e;
                    return false;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
    }

    /**
     * The oldest stored customer with each of the e-mail keys, found through the index and confirmed by the
     * database's rows (which stay the truth); {@code null} while the index is not ready, when the caller asks the
     * database alone.
     */
    Map<String, Long> customersByEmail(Connection connection, Collection<String> keys) throws SQLException {
        if (!ready()) {
            return null;
        }
        return confirmed(connection, index().idsByEmail(keys), "kind = 'EMAIL'");
    }

    /**
     * Stored customers by phone key (digits; mobile and landline numbers), the oldest for each, like
     * {@link #customersByEmail}; {@code null} when the index is not ready or cannot say.
     */
    Map<String, Long> customersByPhone(Connection connection, Collection<String> keys) throws SQLException {
        if (!ready()) {
            return null;
        }
        Map<String, long[]> candidates = index().idsByPhone(keys);
        return candidates == null ? null : confirmed(connection, candidates, "kind IN ('MOBILE', 'LANDLINE')");
    }

    /** The index's candidates for each key that the customers' rows in the database confirm, the oldest first. */
    private static Map<String, Long> confirmed(Connection connection, Map<String, long[]> candidates, String kinds)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        if (candidates.isEmpty()) {
            return found;
        }
        Set<Long> ids = new TreeSet<>();
        candidates.values().forEach(list -> Arrays.stream(list).forEach(ids::add));
        for (List<Long> chunk : Batches.chunks(new ArrayList<>(ids), Batches.IN_SIZE)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, contact_key FROM"
                    + " contact_points WHERE customer_id IN (" + Batches.placeholders(chunk.size()) + ") AND "
                    + kinds)) {
                Batches.bindIds(select, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        if (candidates.containsKey(row.getString(2))) {
                            found.merge(row.getString(2), row.getLong(1), Math::min);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** One customer per country from the index, or {@code null} if it cannot say. */
    long[] oneCustomerPerCountry() {
        return index().oneCustomerPerCountry();
    }

    long count(CustomerQuery query) {
        return index().search(query.page(0, 0)).total();
    }

    /** After a committed save or merge: the customers as they are stored now (gone ones leave the index). */
    synchronized void changed(Collection<Long> ids) {
        put(ids);
        index().commit();
        if (rebuilding) {
            writtenDuringRebuild.addAll(ids);
        }
    }

    synchronized void removed(long id) {
        index().remove(id);
        index().commit();
        if (rebuilding) {
            writtenDuringRebuild.add(id);
        }
    }

    /**
     * After each committed import batch: the new customers (consecutive ids from {@code firstNew}) and the
     * existing ones it changed. Committed to disk every few batches and at the end.
     */
    synchronized void imported(long firstNew, int newCount, Collection<Long> changed, boolean last) {
        if (newCount > 0) {
            try (Connection connection = store.connect()) {
                index().put(documents(connection, firstNew, firstNew + newCount - 1));
            } catch (SQLException e) {
                throw CustomerStore.failure(e);
            }
        }
        put(changed);
        if (rebuilding) {
            for (long id = firstNew; id < firstNew + newCount; id++) {
                writtenDuringRebuild.add(id);
            }
            writtenDuringRebuild.addAll(changed);
        }
        if (last || ++uncommittedBatches >= BATCHES_PER_COMMIT) {
            index().commit();
            uncommittedBatches = 0;
        }
    }

    /**
     * Index documents for a bulk import into an empty store, built from the imported rows (not read back from the
     * database) and added by a thread of its own while the database loads. Nothing is committed to the index
     * before the database committed: {@link #finish()} then waits for the thread, {@link #abort()} drops it all.
     */
    final class BulkIndexer {
        private static final List<CustomerIndex.Document> END = new ArrayList<>();
        private final BlockingQueue<List<CustomerIndex.Document>> queue =
                new ArrayBlockingQueue<>(64);
        private final Thread thread;
        private volatile Throwable failure;

        BulkIndexer() {
            // The store is empty: whatever the index holds is stale, and the checks of the first use are done.
            index();
            callOffCheck(true);
            synchronized (CustomerIndexing.this) {
                index.clear();
            }
            thread = new Thread(this::run, "customer index bulk load");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                while (true) {
                    List<CustomerIndex.Document> documents = queue.take();
                    if (documents == END) {
                        return;
                    }
                    if (failure == null) {
                        index.add(documents);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure = e;
                // keep taking, so that the producer never blocks on a full queue
                while (true) {
                    try {
                        if (queue.take() == END) {
                            return;
                        }
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }

        void add(List<CustomerIndex.Document> documents) {
            try {
                queue.put(documents);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while indexing", e);
            }
        }

        private void end() {
            try {
                queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The database committed what was stamped {@code stamp}: the index gets it all, and says so. */
        void finish(Instant stamp) {
            end();
            if (failure == null) {
                synchronized (CustomerIndexing.this) {
                    index.commitThrough(stamp);
                }
            }
            if (failure != null) {
                // The database has the customers; the index is rebuilt from it in the background.
                synchronized (CustomerIndexing.this) {
                    index.clear();
                    index.commit();
                    rebuildInBackground();
                }
            }
        }

        /** Nothing reached the database: the index forgets what it took. */
        void abort() {
            end();
            synchronized (CustomerIndexing.this) {
                index.clear();
                index.commit();
            }
        }
    }

    BulkIndexer bulkIndexer() {
        return new BulkIndexer();
    }

    /**
     * A batched import begins. The check of the first use counts customers against documents; during an import
     * the database is a batch ahead of the index between a batch's commit and its indexing, and the check would
     * take that for a broken index and rebuild all of it (31 s of CPU at 1,000,000 customers, seen in an import
     * of 200,000). It is called off unless it began; the next start checks again.
     */
    void importBegins() {
        index();
        callOffCheck(false);
    }

    /**
     * Calls the check off unless it began; if it began, {@code wait} waits for it to end. Never under this object's
     * lock, which the check's rebuild takes.
     */
    private void callOffCheck(boolean wait) {
        Thread running = check;
        if (running == null) {
            return;
        }
        if (checkBegun.compareAndSet(false, true)) {
            running.interrupt();
        }
        if (wait) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = store.connect()) {
            List<CustomerIndex.Document> documents = documents(connection, ids);
            index().put(documents);
            if (documents.size() < ids.size()) {
                LinkedHashSet<Long> gone = new LinkedHashSet<>(ids);
                documents.forEach(d -> gone.remove(d.id()));
                gone.forEach(index()::remove);
            }
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
    }

    private CustomerIndex index() {
        if (!current) {
            synchronized (this) {
                if (!current) {
                    Thread opening = warmUp;
                    if (opening != null) {
                        try {
                            opening.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    catchUp();
                    current = true;
                }
            }
        }
        return index;
    }

    private void catchUp() {
        try (Connection connection = store.connect()) {
            Optional<Instant> newest = index.newestUpdate();
            if (newest.isEmpty()) {
                if (anyCustomer(connection)) {
                    rebuildInBackground();
                }
                return;
            }
            // Everything stamped at or after the newest indexed change: usually just the last batch written,
            // read in four queries through the index on updated_at. Only after the newest change if the index
            // says it holds every customer stamped then: a bulk load stamps a million customers alike.
            Optional<Instant> through = index.completeThrough();
            boolean complete = through.isPresent() && !through.get().isBefore(newest.get());
            if (complete && !anyUpdatedAfter(connection, newest.get())) {
                // The usual case after a clean stop: one probe of the index on updated_at, no reading at all.
                startCheck();
                return;
            }
            Map<Long, Parts> parts = new LinkedHashMap<>();
            read(connection, " IN (SELECT id FROM customers WHERE updated_at " + (complete ? ">" : ">=") + " ?)",
                    List.of(Timestamp.from(newest.get())), parts);
            index.put(toDocuments(parts));
            index.commit();
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
        startCheck();
    }

    private static boolean anyUpdatedAfter(Connection connection, Instant newest) throws SQLException {
        try (PreparedStatement select = connection
                .prepareStatement("SELECT 1 FROM customers WHERE updated_at > ? FETCH FIRST 1 ROWS ONLY")) {
            select.setTimestamp(1, Timestamp.from(newest));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Opens the index files in a thread of its own while the caller's first use boots the database (both take
     * about a second on a million customers); the first use of the index waits for it, so it never outlives that.
     */
    void warmUp() {
        Thread opening = new Thread(() -> {
            try {
                index.size();
            } catch (RuntimeException e) {
                // The first real use opens it again and reports what fails.
            }
        }, "customer index warm-up");
        opening.setDaemon(true);
        warmUp = opening;
        opening.start();
    }

    private void startCheck() {
        // Deletions a killed process committed only to the database leave documents behind; counting the
        // customers takes seconds on millions, so it happens after the first answer.
        check = new Thread(() -> {
            try {
                // Counting a million rows takes seconds of a core: not while the first searches are answered.
                Thread.sleep(checkDelay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!checkBegun.compareAndSet(false, true)) {
                return;
            }
            try (Connection connection = store.connect()) {
                if (index.size() != countCustomers(connection)) {
                    rebuild(connection);
                }
            } catch (SQLException | RuntimeException e) {
                // The index stays as it is; the next start checks again.
            }
        }, "customer index check");
        check.setDaemon(true);
        check.start();
    }

    private void rebuildInBackground() {
        rebuilding = true;
        Thread worker = new Thread(() -> {
            try (Connection connection = store.connect()) {
                rebuild(connection);
            } catch (SQLException | RuntimeException e) {
                // SQL keeps answering; the next start tries again.
            }
        }, "customer index rebuild");
        worker.setDaemon(true);
        worker.start();
    }

    private static boolean anyCustomer(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM customers FETCH FIRST 1 ROWS ONLY");
                ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    /** Builds the index anew; until it is done (and if it fails) the store answers with SQL. */
    private void rebuild(Connection connection) throws SQLException {
        synchronized (this) {
            rebuilding = true;
            writtenDuringRebuild.clear();
            index.clear();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM customers ORDER BY id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        }
        // Ranges of ids rather than lists: one query per table for each chunk.
        for (int from = 0; from < ids.size(); from += REBUILD_CHUNK) {
            int to = Math.min(ids.size(), from + REBUILD_CHUNK) - 1;
            index.put(documents(connection, ids.get(from), ids.get(to)));
        }
        synchronized (this) {
            // Writers update the index under this lock, so after this nothing the rebuild read can be stale.
            put(new ArrayList<>(writtenDuringRebuild));
            writtenDuringRebuild.clear();
            index.commit();
            rebuilding = false;
        }
    }

    private static long countCustomers(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM customers");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** What the index needs of each customer with an id from {@code first} to {@code last}: four queries. */
    static List<CustomerIndex.Document> documents(Connection connection, long first, long last) throws SQLException {
        Map<Long, Parts> parts = new LinkedHashMap<>();
        read(connection, " BETWEEN ? AND ?", List.<Object>of(first, last), parts);
        return toDocuments(parts);
    }

    /** What the index needs of each of the customers, read in a few queries per chunk. */
    static List<CustomerIndex.Document> documents(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, Parts> parts = new LinkedHashMap<>();
        for (List<Long> chunk : Batches.chunks(new ArrayList<>(new LinkedHashSet<>(ids)), Batches.IN_SIZE)) {
            read(connection, " IN (" + Batches.placeholders(chunk.size()) + ")", new ArrayList<Object>(chunk), parts);
        }
        return toDocuments(parts);
    }

    /** Reads the customers whose id satisfies {@code condition} (with its parameters) into {@code parts}. */
    private static void read(Connection connection, String condition, List<Object> parameters, Map<Long, Parts> parts)
            throws SQLException {
        query(connection, "SELECT id, name, company, country, city, created_at, updated_at, custom_fields"
                + " FROM customers WHERE id" + condition, parameters, row -> {
                    Parts customer = new Parts(row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), CustomerStore.instant(row.getTimestamp(6)),
                            CustomerStore.instant(row.getTimestamp(7)));
                    customer.fields.putAll(CustomFieldColumns.unpack(row.getString(8)));
                    parts.put(row.getLong(1), customer);
                });
        query(connection, "SELECT customer_id, kind, contact_value FROM contact_points WHERE customer_id" + condition,
                parameters, row -> {
                    Parts customer = parts.get(row.getLong(1));
                    if (customer != null) {
                        String kind = row.getString(2);
                        if ("EMAIL".equals(kind)) {
                            customer.emails.add(row.getString(3));
                        } else if (!"CHAT".equals(kind)) {
                            customer.phones.add(row.getString(3));
                        }
                    }
                });
        query(connection, "SELECT customer_id, tag FROM tags WHERE customer_id" + condition, parameters, row -> {
            Parts customer = parts.get(row.getLong(1));
            if (customer != null) {
                customer.tags.add(row.getString(2));
            }
        });
    }

    private static List<CustomerIndex.Document> toDocuments(Map<Long, Parts> parts) {
        List<CustomerIndex.Document> documents = new ArrayList<>(parts.size());
        parts.forEach((id, p) -> documents.add(new CustomerIndex.Document(id, p.name, p.company, p.country, p.city,
                p.emails, p.phones, p.tags, p.fields, p.createdAt, p.updatedAt)));
        return documents;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, List<Object> parameters, RowReader reader)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        }
    }

    private static final class Parts {
        final String name;
        final String company;
        final String country;
        final String city;
        final Instant createdAt;
        final Instant updatedAt;
        final List<String> emails = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        final Map<String, String> fields = new LinkedHashMap<>();

        Parts(String name, String company, String country, String city, Instant createdAt, Instant updatedAt) {
            this.name = name;
            this.company = company;
            this.country = country;
            this.city = city;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
        }
    }
}
