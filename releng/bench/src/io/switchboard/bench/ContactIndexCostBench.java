package io.switchboard.bench;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;

/**
 * What each index on the contact points costs Derby's bulk load ({@code SYSCS_UTIL.SYSCS_IMPORT_DATA} into an empty
 * table, as the product's import does), layout by layout: the question behind keeping or dropping each of them.
 * Two contact points per customer (an e-mail address and a mobile number, in customer order, as the product's load
 * file has them); each layout loads the same file into a database of its own, timed by the CPU of the process.
 *
 * <p>{@code ContactIndexCostBench CUSTOMERS WORK-DIR [ROUNDS]}; the first round also compiles the code.
 */
public final class ContactIndexCostBench {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Primary key and the further indexes of each layout. */
    private enum Layout {
        ID_ONLY("id", ""),
        PLACE_ONLY("place", ""),
        ID_AND_CUSTOMER("id", "CREATE INDEX cp_customer ON contact_points (customer_id)"),
        ID_AND_KEY("id", "CREATE INDEX cp_key ON contact_points (contact_key, kind)"),
        ID_KEY_AND_CUSTOMER("id", "CREATE INDEX cp_key ON contact_points (contact_key, kind);"
                + "CREATE INDEX cp_customer ON contact_points (customer_id)"),
        PLACE_AND_KEY("place", "CREATE INDEX cp_key ON contact_points (contact_key, kind)");

        final String primaryKey;
        final String indexes;

        Layout(String primaryKey, String indexes) {
            this.primaryKey = primaryKey;
            this.indexes = indexes;
        }
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Files.createDirectories(work);
        Path file = work.resolve("contact_points.csv");
        write(file, customers);
        System.out.printf(Locale.ROOT, "customers=%d contact points=%d cores=%d%n", customers, 2 * customers,
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            for (Layout layout : Layout.values()) {
                double cpu = load(work.resolve("db-" + round + "-" + layout), layout, file);
                System.out.printf(Locale.ROOT, "round %d  %-20s CPU %6.1f s (%5.1f us/customer)%n", round, layout,
                        cpu, cpu * 1e6 / customers);
            }
        }
    }

    /** The product's load file format: quoted text, keys in the product's normalised form, in customer order. */
    private static void write(Path file, int customers) throws IOException {
        Random random = new Random(42);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long id = 1;
            for (int customer = 1; customer <= customers; customer++) {
                String email = "user" + Integer.toHexString(random.nextInt()) + customer + "@example.org";
                String phone = "+86 138 " + (10_000_000 + random.nextInt(89_999_999));
                out.write(id++ + "," + customer + ",0,EMAIL,\"" + email + "\",\"" + email + "\",true\n");
                out.write(id++ + "," + customer + ",1,MOBILE,\"" + phone + "\",\"" + phone.replaceAll("[^0-9]", "")
                        + "\",true\n");
            }
        }
    }

    private static double load(Path folder, Layout layout, Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:derby:" + folder + ";create=true")) {
            try (Statement create = connection.createStatement()) {
                String key = layout.primaryKey.equals("id") ? "id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL"
                        : "id BIGINT NOT NULL, customer_id BIGINT NOT NULL";
                create.execute("CREATE TABLE contact_points (" + key + ", sort_order INTEGER NOT NULL,"
                        + " kind VARCHAR(16) NOT NULL, contact_value VARCHAR(254) NOT NULL,"
                        + " contact_key VARCHAR(254) NOT NULL, is_primary BOOLEAN NOT NULL"
                        + (layout.primaryKey.equals("place") ? ", PRIMARY KEY (customer_id, sort_order))" : ")"));
                for (String index : layout.indexes.split(";")) {
                    if (!index.isBlank()) {
                        create.execute(index);
                    }
                }
            }
            connection.setAutoCommit(false);
            long cpu0 = PROCESS.getProcessCpuTime();
            try (CallableStatement load = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL,"
                    + " 'CONTACT_POINTS', NULL, NULL, ?, ',', '\"', 'UTF-8', 0)")) {
                load.setString(1, file.toAbsolutePath().toString());
                load.execute();
            }
            connection.commit();
            return (PROCESS.getProcessCpuTime() - cpu0) / 1e9;
        }
    }

    private ContactIndexCostBench() {
    }
}
