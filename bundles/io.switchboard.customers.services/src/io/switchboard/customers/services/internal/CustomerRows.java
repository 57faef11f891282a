package io.switchboard.customers.services.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import io.switchboard.customers.Customer;

/**
 * The one writer of the {@code customers} table: its columns, and the statements that insert, update and delete a
 * row, and the line a bulk load hands Derby for one. The editor's save ({@link CustomerStore}), the import
 * ({@link CsvImport}, batched and in bulk through {@link BulkLoad}) and the merge ({@link Merge}) all write through
 * here, so every path stores the same columns and derives the {@code *_key} columns alike; a column added to the
 * table is added here once. Migrations keep their own SQL: they are history.
 */
final class CustomerRows {

    /** What a customer's row holds besides its id, version and times; the keys are derived from it here. */
    record Values(String name, String company, String country, String city, String language,
            Map<String, String> fields) {

        /** Empty text is stored as no value, as the editor's validation does. */
        Values {
            company = stored(company);
            country = stored(country);
            city = stored(city);
            language = stored(language);
        }

        static Values of(Customer customer) {
            return new Values(customer.getName(), customer.getCompany(), customer.getCountry(), customer.getCity(),
                    customer.getLanguage(), customer.getCustomFields());
        }

        private static String stored(String value) {
            return value == null || value.isEmpty() ? null : value;
        }
    }

    /** Every column, in the order of {@link #INSERT} and of a bulk load's lines. */
    static final List<String> COLUMNS = List.of("id", "version", "name", "name_key", "company", "company_key",
            "country", "country_key", "city", "city_key", "language", "custom_fields", "custom_field_keys",
            "created_at", "updated_at");

    /** A new row, version 1: bound by {@link #bindInsert}. */
    static final String INSERT = "INSERT INTO customers (" + String.join(", ", COLUMNS) + ") VALUES ("
            + Batches.placeholders(COLUMNS.size()) + ")";

    /**
     * Every value of a stored row and a new version, bound by {@link #bindUpdate}. The import changes rows it read
     * in the same transaction; {@link #UPDATE_CHECKED} also checks the version the writer read (optimistic lock).
     */
    static final String UPDATE = "UPDATE customers SET version = version + 1, name = ?, name_key = ?, company = ?,"
            + " company_key = ?, country = ?, country_key = ?, city = ?, city_key = ?, language = ?, custom_fields = ?,"
            + " custom_field_keys = ?, updated_at = ? WHERE id = ?";

    /** {@link #UPDATE} if the row still has the version bound last. */
    static final String UPDATE_CHECKED = UPDATE + " AND version = ?";

    static void bindInsert(PreparedStatement insert, long id, Values values, Timestamp at) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, 1);
        int index = bindValues(insert, 3, values);
        insert.setTimestamp(index++, at);
        insert.setTimestamp(index, at);
    }

    /** Binds {@link #UPDATE}; returns the index of the version for {@link #UPDATE_CHECKED}. */
    static int bindUpdate(PreparedStatement update, long id, Values values, Timestamp at) throws SQLException {
        int index = bindValues(update, 1, values);
        update.setTimestamp(index++, at);
        update.setLong(index++, id);
        return index;
    }

    private static int bindValues(PreparedStatement statement, int index, Values values) throws SQLException {
        statement.setString(index++, values.name());
        statement.setString(index++, Normalize.text(values.name()));
        statement.setString(index++, values.company());
        statement.setString(index++, Normalize.text(values.company()));
        statement.setString(index++, values.country());
        statement.setString(index++, Normalize.text(values.country()));
        statement.setString(index++, values.city());
        statement.setString(index++, Normalize.text(values.city()));
        statement.setString(index++, values.language());
        statement.setString(index++, CustomFieldColumns.pack(values.fields()));
        statement.setString(index++, CustomFieldColumns.packKeys(values.fields()));
        return index;
    }

    /** The line of a new row (version 1) in a bulk load, the columns as in {@link #COLUMNS}; {@code at} as text. */
    static void writeLoadLine(Writer out, long id, Values values, String at) throws IOException {
        LoadLine.number(out, id);
        out.write(",1,");
        LoadLine.text(out, values.name());
        out.write(',');
        LoadLine.text(out, Normalize.text(values.name()));
        out.write(',');
        LoadLine.textAndKey(out, values.company());
        LoadLine.textAndKey(out, values.country());
        LoadLine.textAndKey(out, values.city());
        LoadLine.optional(out, values.language());
        out.write(',');
        String fields = CustomFieldColumns.pack(values.fields());
        if (fields != null) {
            LoadLine.text(out, fields);
            out.write(',');
            LoadLine.text(out, CustomFieldColumns.packKeys(values.fields()));
        } else {
            out.write(',');
        }
        out.write(',');
        out.write(at);
        out.write(',');
        out.write(at);
        out.write('\n');
    }

    /**
     * Deletes the customer's row and its contact points (which have no foreign key, see {@link ContactPointRows});
     * tags, transactions, needs and the timeline go with the row (ON DELETE CASCADE). The number of rows deleted.
     */
    static int delete(Connection connection, long id) throws SQLException {
        ContactPointRows.deleteOf(connection, id);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM customers WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate();
        }
    }

    private CustomerRows() {
    }
}
