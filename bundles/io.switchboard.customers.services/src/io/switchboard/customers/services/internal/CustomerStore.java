package io.switchboard.customers.services.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.Need;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.customers.Transaction;
import io.switchboard.customers.services.internal.Normalize.Limits;
import io.switchboard.store.Database;
import io.switchboard.store.StoreException;

/**
 * Customers in the database, with plain JDBC: the normalised key columns, the optimistic version check and the
 * bulk importer all share these statements, which JPA would hide. Plain Java, so tools and tests can use it
 * without OSGi.
 */
public final class CustomerStore {

    static final String SEQ_CUSTOMERS = "customers";
    static final String SEQ_CONTACT_POINTS = "contact_points";
    static final String SEQ_TRANSACTIONS = "transactions";
    static final String SEQ_NEEDS = "needs";

    private static final String CUSTOMER_COLUMNS = "c.id, c.version, c.name, c.company, c.country, c.city,"
            + " c.language, c.created_at, c.updated_at, c.custom_fields";

    private final Database database;
    private final Events events;
    /** Answers lists and counts and follows every write; {@code null} searches with SQL alone. */
    private final CustomerIndexing indexing;
    private volatile boolean migrated;
    private volatile boolean warmedUp;

    public CustomerStore(Database database, Events events) {
        this(database, events, null);
    }

    public CustomerStore(Database database, Events events, CustomerIndex index) {
        this(database, events, index, CustomerIndexing.CHECK_DELAY);
    }

    /** {@code checkDelay}: how long after the first use the index is counted against the database. */
    public CustomerStore(Database database, Events events, CustomerIndex index, Duration checkDelay) {
        this.database = database;
        this.events = events;
        this.indexing = index == null ? null : new CustomerIndexing(this, index, checkDelay);
    }

    /** The database with the customers' schema applied. */
    public Database database() {
        if (!migrated) {
            if (indexing != null && !warmedUp) {
                warmedUp = true;
                indexing.warmUp();
            }
            database.migrate(new CustomerSchema());
            migrated = true;
        }
        return database;
    }

    Events events() {
        return events;
    }

    Connection connect() throws SQLException {
        return database().connect();
    }

    // ---------------------------------------------------------------- reading

    public Optional<Customer> find(long id) {
        try (Connection connection = connect()) {
            return Optional.ofNullable(load(connection, id));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public Optional<Customer> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String key = Normalize.email(email);
        try (Connection connection = connect()) {
            Map<String, Long> found = customersByEmail(connection, List.of(key));
            long id;
            if (found != null) {
                id = found.getOrDefault(key, 0L);
            } else {
                // No index on the keys in the database (see CustomerSchema): a scan, while the text index is rebuilt.
                try (PreparedStatement select = connection.prepareStatement("SELECT MIN(customer_id) FROM contact_points"
                        + " WHERE contact_key = ? AND kind = 'EMAIL'")) {
                    select.setString(1, key);
                    try (ResultSet row = select.executeQuery()) {
                        id = row.next() ? row.getLong(1) : 0;
                    }
                }
            }
            return id == 0 ? Optional.empty() : Optional.ofNullable(load(connection, id));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Stored customers by e-mail key through the text index, or {@code null} without a ready index. */
    Map<String, Long> customersByEmail(Connection connection, Collection<String> keys) throws SQLException {
        return indexing == null ? null : indexing.customersByEmail(connection, keys);
    }

    /** Stored customers by phone key through the text index, or {@code null} without a ready index. */
    Map<String, Long> customersByPhone(Connection connection, Collection<String> keys) throws SQLException {
        return indexing == null ? null : indexing.customersByPhone(connection, keys);
    }

    /** The whole customer, or {@code null}. */
    static Customer load(Connection connection, long id) throws SQLException {
        Customer customer;
        try (PreparedStatement select = connection
                .prepareStatement("SELECT " + CUSTOMER_COLUMNS + " FROM customers c WHERE c.id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                customer = new Customer(row.getString(3));
                customer.setId(row.getLong(1));
                customer.setVersion(row.getLong(2));
                customer.setCompany(row.getString(4));
                customer.setCountry(row.getString(5));
                customer.setCity(row.getString(6));
                customer.setLanguage(row.getString(7));
                customer.setCreatedAt(instant(row.getTimestamp(8)));
                customer.setUpdatedAt(instant(row.getTimestamp(9)));
                customer.getCustomFields().putAll(CustomFieldColumns.unpack(row.getString(10)));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, kind, contact_value, label, is_primary"
                + " FROM contact_points WHERE customer_id = ? ORDER BY sort_order, id")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ContactPoint point = new ContactPoint(ContactKind.valueOf(row.getString(2)), row.getString(3));
                    point.setId(row.getLong(1));
                    point.setLabel(row.getString(4));
                    point.setPrimary(row.getBoolean(5));
                    customer.getContactPoints().add(point);
                }
            }
        }
        try (PreparedStatement select = connection
                .prepareStatement("SELECT tag FROM tags WHERE customer_id = ? ORDER BY sort_order")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    customer.getTags().add(row.getString(1));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, reference_no, tx_date, amount,"
                + " currency, status, description FROM transactions WHERE customer_id = ? ORDER BY id")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Transaction transaction = new Transaction();
                    transaction.setId(row.getLong(1));
                    transaction.setReference(row.getString(2));
                    Date date = row.getDate(3);
                    transaction.setDate(date == null ? null : date.toLocalDate());
                    BigDecimal amount = row.getBigDecimal(4);
                    transaction.setAmount(amount == null ? null : amount.stripTrailingZeros());
                    transaction.setCurrency(row.getString(5));
                    transaction.setStatus(row.getString(6));
                    transaction.setDescription(row.getString(7));
                    customer.getTransactions().add(transaction);
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, description, status, created_at FROM needs WHERE customer_id = ? ORDER BY id")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Need need = new Need();
                    need.setId(row.getLong(1));
                    need.setDescription(row.getString(2));
                    need.setStatus(Need.Status.valueOf(row.getString(3)));
                    need.setCreatedAt(instant(row.getTimestamp(4)));
                    customer.getNeeds().add(need);
                }
            }
        }
        return customer;
    }

    public List<CustomerSummary> list(CustomerQuery query) {
        if (query.limit() == 0) {
            return List.of();
        }
        if (indexing != null && indexing.ready()) {
            // The index filters, sorts and pages in milliseconds; SQL has to sort every matching row per page.
            return indexing.list(query);
        }
        CustomerSearch search = CustomerSearch.of(query);
        String sql = "SELECT c.id, c.name, c.company, c.country, c.city, c.updated_at FROM customers c" + search.where
                + CustomerSearch.orderBy(query) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            int index = bind(select, search.parameters);
            select.setInt(index++, query.offset());
            select.setInt(index, query.limit());
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Object[] { row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), instant(row.getTimestamp(6)) });
                }
            }
            return toSummaries(connection, rows);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Every matching customer, page by page, each page after the last customer of the one before: from the index
     * when it is ready, else with SQL, which continues after the last (name key, id) when sorted by name and
     * pages by offset for the other sorts.
     */
    public void scan(CustomerQuery query, Predicate<List<CustomerSummary>> page) {
        int size = Math.max(1, query.limit());
        if (indexing != null && indexing.ready()) {
            indexing.scan(query.page(0, size), page);
            return;
        }
        if (query.sort() != CustomerQuery.Sort.NAME) {
            for (int offset = 0;; offset += size) {
                List<CustomerSummary> customers = list(query.page(offset, size));
                if (customers.isEmpty() || !page.test(customers) || customers.size() < size) {
                    return;
                }
            }
        }
        CustomerSearch search = CustomerSearch.of(query);
        String direction = query.ascending() ? ">" : "<";
        String after = "(c.name_key " + direction + " ? OR (c.name_key = ? AND c.id " + direction + " ?))";
        String first = "SELECT c.id, c.name, c.company, c.country, c.city, c.updated_at, c.name_key FROM customers c"
                + search.where + CustomerSearch.orderBy(query) + " FETCH FIRST " + size + " ROWS ONLY";
        String next = "SELECT c.id, c.name, c.company, c.country, c.city, c.updated_at, c.name_key FROM customers c"
                + (search.where.isEmpty() ? " WHERE " : search.where + " AND ") + after + CustomerSearch.orderBy(query)
                + " FETCH FIRST " + size + " ROWS ONLY";
        try (Connection connection = connect();
                PreparedStatement firstPage = connection.prepareStatement(first);
                PreparedStatement nextPage = connection.prepareStatement(next)) {
            String lastKey = null;
            long lastId = 0;
            while (true) {
                PreparedStatement select = lastKey == null ? firstPage : nextPage;
                int index = bind(select, search.parameters);
                if (lastKey != null) {
                    select.setString(index++, lastKey);
                    select.setString(index++, lastKey);
                    select.setLong(index, lastId);
                }
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Object[] { row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                                row.getString(5), instant(row.getTimestamp(6)) });
                        lastKey = row.getString(7);
                        lastId = row.getLong(1);
                    }
                }
                if (rows.isEmpty() || !page.test(toSummaries(connection, rows)) || rows.size() < size) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Summaries of the given customers, in the order given; unknown ids are left out. */
    List<CustomerSummary> summaries(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, Object[]> byId = new LinkedHashMap<>();
        for (Long id : ids) {
            byId.put(id, null);
        }
        for (List<Long> chunk : Batches.chunks(new ArrayList<>(byId.keySet()), Batches.IN_SIZE)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT c.id, c.name, c.company, c.country,"
                    + " c.city, c.updated_at FROM customers c WHERE c.id IN (" + Batches.placeholders(chunk.size()) + ")")) {
                Batches.bindIds(select, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byId.put(row.getLong(1), new Object[] { row.getLong(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getString(5), instant(row.getTimestamp(6)) });
                    }
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : byId.values()) {
            if (row != null) {
                rows.add(row);
            }
        }
        return toSummaries(connection, rows);
    }

    private static List<CustomerSummary> toSummaries(Connection connection, List<Object[]> rows) throws SQLException {
        Map<Long, Customer> contacts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            contacts.put((Long) row[0], new Customer());
        }
        for (List<Long> chunk : Batches.chunks(new ArrayList<>(contacts.keySet()), Batches.IN_SIZE)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, kind, contact_value,"
                    + " is_primary FROM contact_points WHERE customer_id IN (" + Batches.placeholders(chunk.size())
                    + ") AND kind <> 'CHAT' ORDER BY customer_id, sort_order, id")) {
                Batches.bindIds(select, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ContactPoint point = new ContactPoint(ContactKind.valueOf(row.getString(2)), row.getString(3));
                        point.setPrimary(row.getBoolean(4));
                        contacts.get(row.getLong(1)).getContactPoints().add(point);
                    }
                }
            }
        }
        List<CustomerSummary> summaries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Customer points = contacts.get(row[0]);
            summaries.add(new CustomerSummary((Long) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], points.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(null),
                    points.primaryPhone().map(ContactPoint::getValue).orElse(null), (Instant) row[5]));
        }
        return summaries;
    }

    public long count(CustomerQuery query) {
        if (indexing != null && indexing.ready()) {
            return indexing.count(query);
        }
        CustomerSearch search = CustomerSearch.of(query);
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM customers c" + search.where)) {
            bind(select, search.parameters);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public List<String> countries() {
        // The database keeps no index on the country (it would cost a bulk import a sort of every customer): the
        // text index names one customer per country, and the database gives each one's spelling. Without a ready
        // index the database reads every customer.
        long[] examples = indexing != null && indexing.ready() ? indexing.oneCustomerPerCountry() : null;
        Map<String, String> byKey = new TreeMap<>();
        try (Connection connection = connect()) {
            if (examples != null) {
                for (List<Long> chunk : Batches.chunks(Arrays.stream(examples).boxed().toList(),
                        Batches.IN_SIZE)) {
                    try (PreparedStatement select = connection.prepareStatement("SELECT country_key, country FROM"
                            + " customers WHERE id IN (" + Batches.placeholders(chunk.size()) + ")")) {
                        Batches.bindIds(select, chunk);
                        collectCountries(select, byKey);
                    }
                }
            } else {
                try (PreparedStatement select = connection.prepareStatement("SELECT country_key, MIN(country) FROM"
                        + " customers WHERE country_key IS NOT NULL GROUP BY country_key")) {
                    collectCountries(select, byKey);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return new ArrayList<>(byKey.values());
    }

    /** One spelling per key, in the order of the keys whichever way they were found. */
    private static void collectCountries(PreparedStatement select, Map<String, String> byKey) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                if (row.getString(1) != null && row.getString(2) != null) {
                    byKey.putIfAbsent(row.getString(1), row.getString(2));
                }
            }
        }
    }

    // ---------------------------------------------------------------- writing

    public Customer save(Customer customer) throws StaleCustomerException {
        Customer clean = Validation.check(customer);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Ids ids = allocate(clean);
        boolean created = clean.getId() == null;
        long id = created ? database().allocateIds(SEQ_CUSTOMERS, 1) : clean.getId();
        try {
            boolean stored = database().inTransaction(connection -> {
                Timestamp at = Timestamp.from(now);
                if (created) {
                    try (PreparedStatement insert = connection.prepareStatement(CustomerRows.INSERT)) {
                        CustomerRows.bindInsert(insert, id, CustomerRows.Values.of(clean), at);
                        insert.executeUpdate();
                    }
                } else {
                    try (PreparedStatement update = connection.prepareStatement(CustomerRows.UPDATE_CHECKED)) {
                        int version = CustomerRows.bindUpdate(update, id, CustomerRows.Values.of(clean), at);
                        update.setLong(version, clean.getVersion());
                        if (update.executeUpdate() == 0) {
                            return false;
                        }
                    }
                    ContactPointRows.deleteOf(connection, id);
                    for (String table : List.of("tags", "transactions", "needs")) {
                        try (PreparedStatement delete = connection
                                .prepareStatement("DELETE FROM " + table + " WHERE customer_id = ?")) {
                            delete.setLong(1, id);
                            delete.executeUpdate();
                        }
                    }
                }
                insertChildren(connection, id, clean, ids, now);
                return true;
            });
            if (!stored) {
                Customer current = find(id)
                        .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Customer_notFound, id)));
                throw new StaleCustomerException(current);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        indexed(List.of(id));
        events.post(created ? SwitchboardTopics.CUSTOMER_CREATED : SwitchboardTopics.CUSTOMER_UPDATED, id);
        return find(id).orElseThrow();
    }

    /** Ids for the children that have none yet, reserved before the transaction that inserts them. */
    private record Ids(long contactPoints, long transactions, long needs) {
    }

    private Ids allocate(Customer customer) {
        long points = customer.getContactPoints().stream().filter(p -> p.getId() == null).count();
        long transactions = customer.getTransactions().stream().filter(t -> t.getId() == null).count();
        long needs = customer.getNeeds().stream().filter(n -> n.getId() == null).count();
        return new Ids(points == 0 ? 0 : database().allocateIds(SEQ_CONTACT_POINTS, (int) points),
                transactions == 0 ? 0 : database().allocateIds(SEQ_TRANSACTIONS, (int) transactions),
                needs == 0 ? 0 : database().allocateIds(SEQ_NEEDS, (int) needs));
    }

    private static void insertChildren(Connection connection, long id, Customer customer, Ids ids, Instant now)
            throws SQLException {
        long nextPoint = ids.contactPoints();
        try (PreparedStatement insert = connection.prepareStatement(ContactPointRows.INSERT)) {
            int order = 0;
            for (ContactPoint point : customer.getContactPoints()) {
                ContactPointRows.addInsert(insert, point.getId() != null ? point.getId() : nextPoint++, id, order++,
                        point.getKind(), point.getValue(), point.getLabel(), point.isPrimary());
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection
                .prepareStatement("INSERT INTO tags (customer_id, tag_key, tag, sort_order) VALUES (?, ?, ?, ?)")) {
            int order = 0;
            for (String tag : customer.getTags()) {
                insert.setLong(1, id);
                insert.setString(2, Normalize.text(tag));
                insert.setString(3, tag);
                insert.setInt(4, order++);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        long nextTransaction = ids.transactions();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transactions (id, customer_id,"
                + " reference_no, tx_date, amount, currency, status, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Transaction transaction : customer.getTransactions()) {
                insert.setLong(1, transaction.getId() != null ? transaction.getId() : nextTransaction++);
                insert.setLong(2, id);
                insert.setString(3, transaction.getReference());
                if (transaction.getDate() == null) {
                    insert.setNull(4, Types.DATE);
                } else {
                    insert.setDate(4, Date.valueOf(transaction.getDate()));
                }
                insert.setBigDecimal(5, transaction.getAmount());
                insert.setString(6, transaction.getCurrency());
                insert.setString(7, transaction.getStatus());
                insert.setString(8, transaction.getDescription());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        long nextNeed = ids.needs();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO needs (id, customer_id, description, status, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Need need : customer.getNeeds()) {
                insert.setLong(1, need.getId() != null ? need.getId() : nextNeed++);
                insert.setLong(2, id);
                insert.setString(3, need.getDescription());
                insert.setString(4, need.getStatus().name());
                insert.setTimestamp(5, Timestamp.from(need.getCreatedAt() != null ? need.getCreatedAt() : now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public void delete(long id) {
        int deleted;
        try {
            deleted = database().inTransaction(connection -> {
                int rows = CustomerRows.delete(connection, id);
                if (rows > 0) {
                    CsvImport.forgetImportedRows(connection);
                }
                return rows;
            });
        } catch (SQLException e) {
            throw failure(e);
        }
        if (deleted > 0) {
            if (indexing != null) {
                indexing.removed(id);
            }
            events.post(SwitchboardTopics.CUSTOMER_DELETED, id);
        }
    }

    // ---------------------------------------------------------------- text index

    /** The customers were committed; the index now shows them as stored. */
    void indexed(Collection<Long> ids) {
        if (indexing != null) {
            indexing.changed(ids);
        }
    }

    /**
     * An import batch was committed: {@code newCount} customers with consecutive ids from {@code firstNew}, and
     * changes to the customers in {@code changed}; {@code last} marks the end of the import.
     */
    void importedBatch(long firstNew, int newCount, Collection<Long> changed, boolean last) {
        if (indexing != null) {
            indexing.imported(firstNew, newCount, changed, last);
        }
    }

    /** Whether no customer is stored (an import into an empty store can load in bulk). */
    boolean isEmpty() {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM customers FETCH FIRST 1 ROWS ONLY");
                ResultSet row = select.executeQuery()) {
            return !row.next();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** For a bulk import into an empty store: the index's side, or {@code null} without an index. */
    CustomerIndexing.BulkIndexer bulkIndexer() {
        return indexing == null ? null : indexing.bulkIndexer();
    }

    /** A batched import begins: see {@link CustomerIndexing#importBegins()}. */
    void importBegins() {
        if (indexing != null) {
            indexing.importBegins();
        }
    }

    // ---------------------------------------------------------------- helpers

    static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static StoreException failure(SQLException e) {
        return new StoreException(e.getMessage(), e);
    }
}
