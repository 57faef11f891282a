package io.switchboard.customers.services.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.switchboard.customers.ContactKind;

/**
 * The one writer of the {@code contact_points} table: its columns, the statements that add, move and delete
 * contact points, and the line a bulk load hands Derby for one. Every path (editor, import batched and in bulk,
 * merge) writes the same columns through here, the label and the key ({@link ContactKind#key}) included.
 *
 * <p>Contact points have no foreign key (so a bulk import loads them beside their customers): whoever deletes a
 * customer deletes them here ({@link CustomerRows#delete}). Their primary key is (customer, place).
 */
final class ContactPointRows {

    /** Every column, in the order of {@link #INSERT} and of a bulk load's lines. */
    static final List<String> COLUMNS = List.of("id", "customer_id", "sort_order", "kind", "contact_value",
            "contact_key", "label", "is_primary");

    static final String INSERT = "INSERT INTO contact_points (" + String.join(", ", COLUMNS) + ") VALUES ("
            + Batches.placeholders(COLUMNS.size()) + ")";

    /** Moves one contact point to another customer and place (a merge): customer, place, primary; from, id. */
    static final String MOVE = "UPDATE contact_points SET customer_id = ?, sort_order = ?, is_primary = ?"
            + " WHERE customer_id = ? AND id = ?";

    /** Deletes one contact point: customer, id. */
    static final String DELETE_ONE = "DELETE FROM contact_points WHERE customer_id = ? AND id = ?";

    /** Binds {@link #INSERT} and adds it to the statement's batch. */
    static void addInsert(PreparedStatement insert, long id, long customer, int place, ContactKind kind, String value,
            String label, boolean primary) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, customer);
        insert.setInt(3, place);
        insert.setString(4, kind.name());
        insert.setString(5, value);
        insert.setString(6, kind.key(value));
        insert.setString(7, label);
        insert.setBoolean(8, primary);
        insert.addBatch();
    }

    /** The line of one contact point in a bulk load, the columns as in {@link #COLUMNS}. */
    static void writeLoadLine(Writer out, long id, long customer, int place, ContactKind kind, String value,
            String label, boolean primary) throws IOException {
        LoadLine.number(out, id);
        out.write(',');
        LoadLine.number(out, customer);
        out.write(',');
        LoadLine.number(out, place);
        out.write(',');
        out.write(kind.name());
        out.write(',');
        LoadLine.text(out, value);
        out.write(',');
        LoadLine.text(out, kind.key(value));
        out.write(',');
        LoadLine.optional(out, label);
        out.write(primary ? ",true\n" : ",false\n");
    }

    /** Deletes every contact point of the customer. */
    static void deleteOf(Connection connection, long customer) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM contact_points WHERE customer_id = ?")) {
            delete.setLong(1, customer);
            delete.executeUpdate();
        }
    }

    private ContactPointRows() {
    }
}
