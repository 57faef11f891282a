package io.switchboard.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

/**
 * The product's one relational database. It is opened on first use, not when the service starts, because the
 * command line chooses the data folder only after the services are up; opening also brings every known schema
 * up to date ({@link SchemaMigrations}).
 *
 * <p>Capabilities use plain JDBC where they need speed or control (bulk import, search) and JPA
 * ({@link #entityManagerFactory(PersistenceUnit)}) where an object graph is easier; both see the same data.
 * SQL written against this service should stay portable (standard types, {@code OFFSET ... FETCH NEXT},
 * parameters instead of literals), so that another backend than the embedded one can be added.
 */
public interface Database {

    /**
     * A new connection in auto-commit mode, which the caller closes. The first call opens the database.
     *
     * @throws StoreException if the database cannot be opened (one line, meant for the user)
     */
    Connection connect() throws SQLException;

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    default <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    /**
     * Rolls back after {@code failure}. A database that has given up (a full disk) refuses the rollback too, with
     * only "No current connection": that must not hide the failure that says why, so it is kept as suppressed.
     */
    static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The folder holding the database's files: messages about the disk it is on name it. */
    Path location();

    /**
     * Applies the migrations of {@code schema} that this database has not seen yet, after bringing the schemas it
     * {@link SchemaMigrations#requires() requires} up to date; a no-op when all are up to date. Capabilities call
     * this before their first use, so that they do not depend on the order in which the whiteboard delivers
     * {@link SchemaMigrations} services.
     *
     * @throws StoreException when a required schema is not known to the store (its bundle is not installed) or
     *                        schemas require each other, naming them; or when a migration fails
     */
    void migrate(SchemaMigrations schema);

    /** The newest migration of {@code capability} applied to this database, {@code 0} if none. */
    int schemaVersion(String capability);

    /**
     * Reserves {@code count} consecutive ids of the named sequence in a transaction of its own and returns the
     * first. Used instead of identity columns so that batch inserts know their ids without reading them back.
     */
    long allocateIds(String sequence, int count);

    /**
     * Loads rows into a table in the caller's transaction ({@code connection} not in auto-commit mode), the fastest
     * way the backend has. Meant for filling an <em>empty</em> table: Derby then writes the table without logging
     * each row and builds each index with one sort (its import procedure's bulk-insert path); into a table with rows
     * it inserts row by row. Constraints are checked as usual, and a rollback undoes the load.
     *
     * <p>The rows are read from {@code rows} until its end, while the caller may still be producing them (a pipe);
     * if reading fails, the load fails and stores nothing. The format: UTF-8, one row per line holding
     * {@code columns} in order, separated by commas; text in double quotes (a quote inside doubled; line breaks
     * allowed inside quotes); an empty unquoted value is NULL; timestamps as {@link java.sql.Timestamp#toString()}
     * writes them, booleans as {@code true}/{@code false}.
     *
     * @throws SQLFeatureNotSupportedException if the backend has no bulk path (the caller inserts in batches)
     */
    default void bulkLoad(Connection connection, String table, List<String> columns, InputStream rows)
            throws SQLException {
        throw new SQLFeatureNotSupportedException("no bulk load for " + dialect());
    }

    /** The SQL dialect in use, for the few statements that cannot be written portably. */
    Dialect dialect();

    /**
     * An entity manager factory for the unit, created once per unit name and closed with the database. The
     * schema always comes from migrations; JPA never generates DDL.
     */
    EntityManagerFactory entityManagerFactory(PersistenceUnit unit);

    /** Work done inside {@link #inTransaction(Work)}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
