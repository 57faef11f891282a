package io.switchboard.customers.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;

/**
 * The customers' tables. Each {@code *_key} column holds the normalised form of its neighbour ({@link Normalize})
 * so that case-insensitive filters, searches and e-mail/phone matches are plain comparisons. Ids come from the
 * store's sequences, not identity columns, so bulk inserts know them up front.
 *
 * <p>The text index answers lists, counts, searches and filters; the tables keep only the indexes other work needs,
 * because each index costs every bulk-imported row a place in a sort (about 10 µs per entry when its column does
 * not arrive in order). Foreign keys index {@code customer_id} in the child tables; the contact points, which a
 * bulk import loads beside the customers, have none and are keyed by (customer, place) instead.
 *
 * <p>Released migrations are never edited; a change is a new version.
 */
@Component(service = SchemaMigrations.class)
public class CustomerSchema implements SchemaMigrations {

    public static final String CAPABILITY = "customers";

    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "customers, contact points, tags, custom fields, transactions, needs, interactions",
                    "CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, version BIGINT NOT NULL,"
                            + " name VARCHAR(200) NOT NULL, name_key VARCHAR(200) NOT NULL,"
                            + " company VARCHAR(200), company_key VARCHAR(200),"
                            + " country VARCHAR(100), country_key VARCHAR(100),"
                            + " city VARCHAR(100), city_key VARCHAR(100), language VARCHAR(35),"
                            + " created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)",
                    "CREATE TABLE contact_points (id BIGINT NOT NULL PRIMARY KEY,"
                            + " customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
                            + " sort_order INTEGER NOT NULL, kind VARCHAR(16) NOT NULL,"
                            + " contact_value VARCHAR(254) NOT NULL, contact_key VARCHAR(254) NOT NULL,"
                            + " label VARCHAR(100), is_primary BOOLEAN NOT NULL)",
                    "CREATE TABLE tags (customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
                            + " tag_key VARCHAR(100) NOT NULL, tag VARCHAR(100) NOT NULL, sort_order INTEGER NOT NULL,"
                            + " PRIMARY KEY (customer_id, tag_key))",
                    "CREATE TABLE custom_fields (customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
                            + " name_key VARCHAR(100) NOT NULL, field_name VARCHAR(100) NOT NULL,"
                            + " field_value VARCHAR(1000), value_key VARCHAR(1000), sort_order INTEGER NOT NULL,"
                            + " PRIMARY KEY (customer_id, name_key))",
                    "CREATE TABLE transactions (id BIGINT NOT NULL PRIMARY KEY,"
                            + " customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
                            + " reference_no VARCHAR(100), tx_date DATE, amount DECIMAL(19, 4), currency VARCHAR(3),"
                            + " status VARCHAR(50), description VARCHAR(1000))",
                    "CREATE TABLE needs (id BIGINT NOT NULL PRIMARY KEY,"
                            + " customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
                            + " description VARCHAR(2000), status VARCHAR(16) NOT NULL, created_at TIMESTAMP)",
                    "CREATE TABLE interactions (id BIGINT NOT NULL PRIMARY KEY,"
                            + " customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
                            + " channel VARCHAR(16) NOT NULL, direction VARCHAR(16) NOT NULL,"
                            + " occurred_at TIMESTAMP NOT NULL, agent VARCHAR(100), summary VARCHAR(500),"
                            + " body VARCHAR(32000), reference_no VARCHAR(200))"),
            Migration.sql(2, "indexes for filters, sorts, searches and e-mail/phone lookups",
                    "CREATE INDEX customers_name ON customers (name_key)",
                    "CREATE INDEX customers_company ON customers (company_key)",
                    "CREATE INDEX customers_country ON customers (country_key, name_key)",
                    "CREATE INDEX customers_city ON customers (city_key)",
                    "CREATE INDEX customers_created ON customers (created_at)",
                    "CREATE INDEX customers_updated ON customers (updated_at)",
                    "CREATE INDEX contact_points_key ON contact_points (contact_key, kind)",
                    "CREATE INDEX tags_key ON tags (tag_key)",
                    "CREATE INDEX custom_fields_value ON custom_fields (name_key, value_key)",
                    "CREATE INDEX transactions_customer ON transactions (customer_id)",
                    "CREATE INDEX needs_customer ON needs (customer_id)",
                    "CREATE INDEX interactions_customer ON interactions (customer_id, occurred_at)"),
            Migration.sql(3, "progress of CSV imports, for resuming",
                    "CREATE TABLE import_progress (file_hash VARCHAR(64) NOT NULL PRIMARY KEY,"
                            + " file_name VARCHAR(1000) NOT NULL, last_line BIGINT NOT NULL,"
                            + " rows_imported BIGINT NOT NULL, rows_updated BIGINT NOT NULL,"
                            + " rows_skipped BIGINT NOT NULL, rows_rejected BIGINT NOT NULL,"
                            + " status VARCHAR(16) NOT NULL, started_at TIMESTAMP NOT NULL,"
                            + " updated_at TIMESTAMP NOT NULL)"),
            new Migration(4, "custom fields in the customer's row", CustomerSchema::customFieldsInRow),
            // Lists, counts and searches come from the text index; these served only the SQL fallback's sorts, and
            // each cost a bulk import a sort of every customer's string. The country index stays for the country
            // list, without the names that made every tie within a country a string comparison; the update time
            // stays for the index's catch-up.
            Migration.sql(5, "no indexes that only the SQL fallback's sorts used",
                    "DROP INDEX customers_name",
                    "DROP INDEX customers_company",
                    "DROP INDEX customers_city",
                    "DROP INDEX customers_created",
                    "DROP INDEX customers_country",
                    "CREATE INDEX customers_country ON customers (country_key)"),
            new Migration(6, "contact points loaded beside their customers", CustomerSchema::contactPointsWithoutForeignKey),
            new Migration(7, "contact points keyed by their customer and place", CustomerSchema::contactPointsByPlace),
            // E-mail matching goes through the text index, which keys every address (LuceneCustomerIndex.EMAIL); the
            // index on the key strings cost a bulk import about 20 µs per customer, the most of any. Without a
            // ready text index, matching and the duplicate scan read the contact points whole.
            Migration.sql(8, "contact points matched through the text index", "DROP INDEX contact_points_key"),
            // The country list comes from the text index (one customer per country term); the index on the
            // country cost a bulk import a sort of every customer, about 9 µs each, on the thread that loads the
            // customers, which an import waits for last. The SQL fallback's country filter reads the table.
            Migration.sql(9, "countries listed through the text index", "DROP INDEX customers_country"),
            // What an import read, as the digest of the file's records up to its last line (and after its first
            // row, to pass over unrelated files quickly): a later file that begins with the same rows skips them.
            Migration.sql(10, "digests of imported rows, to recognise them in a later file",
                    "ALTER TABLE import_progress ADD COLUMN head_digest VARCHAR(64)",
                    "ALTER TABLE import_progress ADD COLUMN rows_digest VARCHAR(64)"));

    /**
     * Moves the custom fields from a table of their own into two columns of the customer's row
     * ({@link CustomFieldColumns}), keeping their order, and drops the table. A bulk import then writes one row per
     * customer instead of one per field, each with three index entries.
     */
    private static void customFieldsInRow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE customers ADD COLUMN custom_fields VARCHAR(" + CustomFieldColumns.MAX_LENGTH
                    + ")");
            statement.execute("ALTER TABLE customers ADD COLUMN custom_field_keys VARCHAR("
                    + CustomFieldColumns.MAX_LENGTH + ")");
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, field_name, field_value"
                + " FROM custom_fields ORDER BY customer_id, sort_order");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE customers SET custom_fields = ?, custom_field_keys = ? WHERE id = ?");
                ResultSet row = select.executeQuery()) {
            long customer = -1;
            Map<String, String> fields = new LinkedHashMap<>();
            int pending = 0;
            while (true) {
                boolean more = row.next();
                if (!more || row.getLong(1) != customer) {
                    if (!fields.isEmpty()) {
                        update.setString(1, CustomFieldColumns.pack(fields));
                        update.setString(2, CustomFieldColumns.packKeys(fields));
                        update.setLong(3, customer);
                        update.addBatch();
                        if (++pending == 1_000) {
                            update.executeBatch();
                            pending = 0;
                        }
                        fields.clear();
                    }
                    if (!more) {
                        break;
                    }
                    customer = row.getLong(1);
                }
                fields.put(row.getString(2), row.getString(3));
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE custom_fields");
        }
    }

    /**
     * The contact points lose their foreign key to the customer, and a plain index on the customer takes the place
     * of the one that backed it: a bulk import can then load the contact points at the same time as the customers
     * (with the key, they had to wait until every customer was in). The store deletes a customer's contact points
     * itself.
     */
    private static void contactPointsWithoutForeignKey(Connection connection) throws SQLException {
        List<String> foreignKeys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS c"
                + " JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID WHERE t.TABLENAME = 'CONTACT_POINTS' AND c.TYPE = 'F'");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                foreignKeys.add(row.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : foreignKeys) {
                statement.execute("ALTER TABLE contact_points DROP CONSTRAINT \"" + name + "\"");
            }
            // After the key: Derby does not create an index that duplicates the one backing a constraint, and
            // dropping the constraint would then leave none.
            statement.execute("CREATE INDEX contact_points_customer ON contact_points (customer_id)");
        }
    }

    /**
     * The contact points' primary key becomes (customer, place) instead of their id: every read goes by customer,
     * and one index fewer per contact point is one sort of two million entries fewer in a bulk import. Places are
     * first numbered from 0 per customer (older versions did not keep them unique); the id stays as a column.
     */
    private static void contactPointsByPlace(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, customer_id, sort_order FROM contact_points ORDER BY customer_id, sort_order, id");
                PreparedStatement update = connection
                        .prepareStatement("UPDATE contact_points SET sort_order = ? WHERE id = ?");
                ResultSet row = select.executeQuery()) {
            long customer = -1;
            int place = 0;
            int pending = 0;
            while (row.next()) {
                if (row.getLong(2) != customer) {
                    customer = row.getLong(2);
                    place = 0;
                }
                if (row.getInt(3) != place) {
                    update.setInt(1, place);
                    update.setLong(2, row.getLong(1));
                    update.addBatch();
                    if (++pending == 1_000) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
                place++;
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        String primaryKey;
        try (PreparedStatement select = connection.prepareStatement("SELECT c.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS c"
                + " JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID WHERE t.TABLENAME = 'CONTACT_POINTS' AND c.TYPE = 'P'");
                ResultSet row = select.executeQuery()) {
            row.next();
            primaryKey = row.getString(1);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE contact_points DROP CONSTRAINT \"" + primaryKey + "\"");
            statement.execute("DROP INDEX contact_points_customer");
            statement.execute("ALTER TABLE contact_points ADD CONSTRAINT contact_points_place"
                    + " PRIMARY KEY (customer_id, sort_order)");
        }
    }

    /** The newest version of the customers' schema. */
    public static final int MIGRATIONS_COUNT = MIGRATIONS.size();

    private final List<Migration> migrations;

    public CustomerSchema() {
        this(MIGRATIONS.size());
    }

    /** The schema as it was at {@code version}, to test upgrades from older databases. */
    public CustomerSchema(int version) {
        this.migrations = MIGRATIONS.subList(0, version);
    }

    @Override
    public String capability() {
        return CAPABILITY;
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }
}
