package io.switchboard.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.eclipse.osgi.util.NLS;

import io.switchboard.core.DataFolderException;
import io.switchboard.store.Database;
import io.switchboard.store.Dialect;
import io.switchboard.store.Migration;
import io.switchboard.store.PersistenceUnit;
import io.switchboard.store.SchemaMigrations;
import io.switchboard.store.StoreException;
import jakarta.persistence.EntityManagerFactory;

/**
 * The embedded Derby database in a folder ({@code <data-dir>/db}): the database itself lives in the sub-folder
 * {@value #DATABASE_NAME} (Derby refuses to create a database in a folder that exists) and Derby's log next to
 * it. Plain Java, no OSGi: the DS component wraps it, and tests and tools can open one on any folder.
 */
public final class DerbyDatabase implements Database, AutoCloseable {

    /** The folder inside the store folder that Derby owns. */
    public static final String DATABASE_NAME = "derby";

    /** The store's own schema: the id sequences every capability shares. */
    static final SchemaMigrations BASE = new SchemaMigrations() {
        @Override
        public String capability() {
            return "store";
        }

        @Override
        public List<Migration> migrations() {
            return List.of(Migration.sql(1, "id sequences",
                    "CREATE TABLE store_sequences (name VARCHAR(64) NOT NULL PRIMARY KEY, next_value BIGINT NOT NULL)"));
        }
    };

    private static final String MIGRATIONS_TABLE = "schema_migrations";

    private final Path folder;
    private final String url;
    private Driver driver;
    private boolean open;
    /** Held while open: taken before Derby touches the folder (see {@link StoreLock}). */
    private StoreLock lock;
    /** Every schema this database was given, by capability: what {@link SchemaMigrations#requires()} names. */
    private final Map<String, SchemaMigrations> known = new LinkedHashMap<>();
    /** Newest applied version per capability, so that repeated {@link #migrate} calls cost nothing. */
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, EntityManagerFactory> units = new HashMap<>();

    public DerbyDatabase(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        this.url = "jdbc:derby:" + this.folder.resolve(DATABASE_NAME);
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Path location() {
        return folder;
    }

    /** Opens the database (creating it if needed) and brings the store's own schema up to date. */
    public synchronized void open() {
        if (open) {
            return;
        }
        lock = StoreLock.acquire(folder);
        try {
            configureDerby();
            if (driver == null) {
                // Straight to the driver: DriverManager does not see drivers of other bundles' class loaders.
                driver = new EmbeddedDriver();
            }
            try (Connection connection = driver.connect(url + ";create=true", new Properties())) {
                connection.getMetaData();
            } catch (SQLException e) {
                throw openFailure(e);
            }
        } catch (RuntimeException e) {
            releaseLock();
            throw e;
        }
        open = true;
        try {
            migrate(BASE);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void configureDerby() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(NLS.bind(Messages.Store_cannotOpen, folder, e.getMessage()), e);
        }
        // Read once when the engine boots; the working directory is not ours to litter.
        setDefault("derby.stream.error.file", folder.resolve("derby.log").toString());
        // Bulk imports touch many index pages; Derby's default cache of 1,000 pages is tiny.
        setDefault("derby.storage.pageCacheSize", "8000");
        // Derby writes its log with write-through I/O by default, one synchronous write per 32 KB buffer, which
        // makes bulk imports disk-bound. Syncing explicitly at commit is just as durable, and with a larger
        // buffer and rarer checkpoints measured about 1.5 times faster here.
        setDefault("derby.storage.fileSyncTransactionLog", "true");
        setDefault("derby.storage.logBufferSize", Integer.toString(1 << 20));
        setDefault("derby.storage.logSwitchInterval", Integer.toString(16 << 20));
        setDefault("derby.storage.checkpointInterval", Integer.toString(128 << 20));
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private RuntimeException openFailure(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("XSDB6".equals(next.getSQLState())) {
                // A process that is not Switchboard's (ours are refused by the StoreLock before Derby starts).
                return new DataFolderException(NLS.bind(Messages.Store_inUse, folder), e);
            }
        }
        return new StoreException(NLS.bind(Messages.Store_cannotOpen, folder, reason(e)), e);
    }

    /** The innermost cause's message on one line: Derby wraps the reason that matters in several layers. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return reason.replace('\n', ' ');
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    @Override
    public Connection connect() throws SQLException {
        open();
        return driver.connect(url, new Properties());
    }

    /**
     * {@code SYSCS_UTIL.SYSCS_IMPORT_DATA}: into an empty table Derby's bulk insert, part of the transaction. The
     * procedure reads the rows from a URL ({@link LoadStreams}) while the caller writes them.
     */
    @Override
    public void bulkLoad(Connection connection, String table, List<String> columns, InputStream rows)
            throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("bulkLoad runs in the caller's transaction");
        }
        String url = LoadStreams.register(rows);
        try (CallableStatement load = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL, ?, ?, NULL, ?,"
                + " ',', '\"', 'UTF-8', 0)")) {
            // Derby folds unquoted names to upper case; the procedure takes them as stored.
            load.setString(1, table.toUpperCase(Locale.ROOT));
            load.setString(2, String.join(",", columns).toUpperCase(Locale.ROOT));
            load.setString(3, url);
            load.execute();
        } finally {
            LoadStreams.unregister(url);
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.DERBY;
    }

    /**
     * Makes {@code schema} known without applying it: a schema that {@linkplain SchemaMigrations#requires()
     * requires} its capability finds it here. The whiteboard registers every schema service this way.
     */
    public synchronized void register(SchemaMigrations schema) {
        known.put(schema.capability(), schema);
    }

    /** Forgets a schema whose service went away (its tables stay). */
    public synchronized void unregister(SchemaMigrations schema) {
        known.remove(schema.capability(), schema);
    }

    /**
     * Applies every known schema whose requirements are known too, each after the schemas it requires; a schema
     * whose requirement has not arrived yet waits for it.
     */
    public synchronized void migrateKnown() {
        for (SchemaMigrations schema : List.copyOf(known.values())) {
            if (requirementsKnown(schema, new ArrayList<>())) {
                migrate(schema);
            }
        }
    }

    private boolean requirementsKnown(SchemaMigrations schema, List<String> path) {
        if (path.contains(schema.capability())) {
            return true; // a cycle: migrate reports it
        }
        path.add(schema.capability());
        for (String required : schema.requires()) {
            SchemaMigrations needed = known.get(required);
            if (needed == null || !requirementsKnown(needed, path)) {
                return false;
            }
        }
        path.remove(path.size() - 1);
        return true;
    }

    @Override
    public synchronized void migrate(SchemaMigrations schema) {
        open();
        known.put(schema.capability(), schema);
        migrate(schema, new ArrayList<>());
    }

    /** The schemas {@code schema} requires first (depth first), then its own migrations. */
    private void migrate(SchemaMigrations schema, List<String> path) {
        if (path.contains(schema.capability())) {
            path.add(schema.capability());
            throw new StoreException(NLS.bind(Messages.Store_schemaCycle, String.join(" -> ", path)), null);
        }
        path.add(schema.capability());
        for (String required : schema.requires()) {
            SchemaMigrations needed = known.get(required);
            if (needed == null) {
                throw new StoreException(NLS.bind(Messages.Store_schemaMissing, schema.capability(), required), null);
            }
            migrate(needed, path);
        }
        path.remove(path.size() - 1);
        applyMigrations(schema);
    }

    private void applyMigrations(SchemaMigrations schema) {
        String capability = schema.capability();
        List<Migration> migrations = new ArrayList<>(schema.migrations());
        migrations.sort(Comparator.comparingInt(Migration::version));
        if (migrations.isEmpty()) {
            return;
        }
        int newest = migrations.get(migrations.size() - 1).version();
        if (versions.getOrDefault(capability, 0) >= newest) {
            return;
        }
        try (Connection connection = driver.connect(url, new Properties())) {
            ensureMigrationsTable(connection);
            Set<Integer> applied = appliedVersions(connection, capability);
            int previous = 0;
            for (Migration migration : migrations) {
                if (migration.version() == previous) {
                    throw new IllegalArgumentException(capability + ": two migrations with version " + previous);
                }
                previous = migration.version();
                if (!applied.contains(migration.version())) {
                    apply(connection, capability, migration);
                }
            }
            versions.put(capability, Math.max(newest, applied.stream().mapToInt(Integer::intValue).max().orElse(0)));
        } catch (SQLException e) {
            throw new StoreException(NLS.bind(Messages.Store_cannotOpen, folder, e.getMessage()), e);
        }
    }

    private void apply(Connection connection, String capability, Migration migration) {
        try {
            connection.setAutoCommit(false);
            migration.step().apply(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + MIGRATIONS_TABLE
                    + " (capability, version, description, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, capability);
                insert.setInt(2, migration.version());
                insert.setString(3, migration.description());
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException(NLS.bind(Messages.Store_migrationFailed,
                    new Object[] { capability, migration.version(), migration.description(), e.getMessage() }), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed by the caller either way
            }
        }
    }

    private static void ensureMigrationsTable(Connection connection) throws SQLException {
        if (tableExists(connection, MIGRATIONS_TABLE)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + MIGRATIONS_TABLE + " (capability VARCHAR(64) NOT NULL,"
                    + " version INTEGER NOT NULL, description VARCHAR(400) NOT NULL, applied_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (capability, version))");
        }
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
        // Derby folds unquoted names to upper case, PostgreSQL to lower case.
        for (String name : List.of(table.toUpperCase(), table.toLowerCase())) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] { "TABLE" })) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<Integer> appliedVersions(Connection connection, String capability) throws SQLException {
        Set<Integer> applied = new HashSet<>();
        try (PreparedStatement select = connection
                .prepareStatement("SELECT version FROM " + MIGRATIONS_TABLE + " WHERE capability = ?")) {
            select.setString(1, capability);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.add(rows.getInt(1));
                }
            }
        }
        return applied;
    }

    @Override
    public int schemaVersion(String capability) {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT MAX(version) FROM " + MIGRATIONS_TABLE + " WHERE capability = ?")) {
            select.setString(1, capability);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    @Override
    public long allocateIds(String sequence, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        for (int attempt = 0;; attempt++) {
            try {
                return inTransaction(connection -> {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE store_sequences SET next_value = next_value + ? WHERE name = ?")) {
                        update.setLong(1, count);
                        update.setString(2, sequence);
                        if (update.executeUpdate() == 0) {
                            try (PreparedStatement insert = connection
                                    .prepareStatement("INSERT INTO store_sequences (name, next_value) VALUES (?, ?)")) {
                                insert.setString(1, sequence);
                                insert.setLong(2, 1L + count);
                                insert.executeUpdate();
                            }
                            return 1L;
                        }
                    }
                    try (PreparedStatement select = connection
                            .prepareStatement("SELECT next_value FROM store_sequences WHERE name = ?")) {
                        select.setString(1, sequence);
                        try (ResultSet row = select.executeQuery()) {
                            row.next();
                            return row.getLong(1) - count;
                        }
                    }
                });
            } catch (SQLException e) {
                // Two first callers may both insert the sequence's row; the loser simply tries again.
                if (!"23505".equals(e.getSQLState()) || attempt > 3) {
                    throw new StoreException(e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public synchronized EntityManagerFactory entityManagerFactory(PersistenceUnit unit) {
        open();
        EntityManagerFactory factory = units.get(unit.name());
        if (factory == null || !factory.isOpen()) {
            factory = JpaUnits.create(unit, dataSource(), dialect());
            units.put(unit.name(), factory);
        }
        return factory;
    }

    /** Closes JPA and shuts the database down cleanly, so the next start needs no recovery. */
    @Override
    public synchronized void close() {
        for (EntityManagerFactory factory : units.values()) {
            if (factory.isOpen()) {
                factory.close();
            }
        }
        units.clear();
        versions.clear();
        if (!open) {
            return;
        }
        open = false;
        try {
            driver.connect(url + ";shutdown=true", new Properties()).close();
        } catch (SQLException e) {
            // 08006 is how Derby reports a database that shut down as asked.
            if (!"08006".equals(e.getSQLState())) {
                throw new StoreException(NLS.bind(Messages.Store_cannotClose, folder, e.getMessage()), e);
            }
        } finally {
            releaseLock();
        }
    }

    private DataSource dataSource() {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return connect();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return connect();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
