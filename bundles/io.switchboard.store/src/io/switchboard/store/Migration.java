package io.switchboard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * One step of a capability's schema. Versions count up from 1 per capability and are never reused or edited
 * once released: a database records which it has applied, and a changed step would never run again there.
 * Each step runs in a transaction of its own together with the record that it was applied.
 */
public record Migration(int version, String description, Step step) {

    /** The change itself, given a connection whose transaction the store commits. */
    @FunctionalInterface
    public interface Step {
        void apply(Connection connection) throws SQLException;
    }

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1: " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(step, "step");
    }

    /** A migration made of SQL statements run in order. */
    public static Migration sql(int version, String description, String... statements) {
        List<String> list = List.of(statements);
        return new Migration(version, description, connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : list) {
                    statement.execute(sql);
                }
            }
        });
    }
}
