package io.switchboard.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;
import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.services.internal.CustomFieldColumns;
import io.switchboard.customers.services.internal.CustomerSchema;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * Where the CPU time of a bulk import goes, part by part, and what leaner layouts would cost: the question behind
 * the 50,000 rows/s goal. Each part runs alone and is timed by the CPU time of the whole process (so Derby's and
 * Lucene's background threads count) and by wall time; the figures add up to the least CPU an import of that
 * layout needs, and a machine with C cores can at best divide the sum by C.
 *
 * <p>Measured, for the customers of a demo CSV ({@code name,email,phone,country,city,company} and custom fields):
 * <ol>
 * <li>reading and splitting the CSV (the product's {@link CsvReader});
 * <li>Derby's bulk load ({@code SYSCS_UTIL.SYSCS_IMPORT_DATA} into empty tables, as the product's import does) of
 * the product's schema, table by table: customers (custom fields in their row), contact points;
 * <li>the same tables without their secondary indexes (primary and foreign keys kept);
 * <li>one table with one row per customer (contact points and custom fields as columns) and only a primary key:
 * the least any layout on Derby can cost;
 * <li>the product's text index (Lucene), all customers added and committed;
 * <li>the least text index that could still find part of a word: the trigrams of name, company, e-mail and phone
 * digits in one field without positions or frequencies, plus the id (queries would then have to check each hit).
 * </ol>
 * The load files are written in the product's format (quoted text, NULL as nothing), timed as one more part; the
 * product's own reading also checks each row (e-mail, phone, duplicates), which is not counted here.
 *
 * <p>{@code ImportCostBench CSV WORK-DIR [all|index]}: {@code index} times only the text indexes, three times.
 */
public final class ImportCostBench {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final List<String> SECONDARY_INDEXES = List.of("customers_updated");

    // The columns the product's bulk load fills (BulkLoad), in its order.
    private static final String CUSTOMER_COLUMNS = "ID,VERSION,NAME,NAME_KEY,COMPANY,COMPANY_KEY,COUNTRY,COUNTRY_KEY,"
            + "CITY,CITY_KEY,CUSTOM_FIELDS,CUSTOM_FIELD_KEYS,CREATED_AT,UPDATED_AT";
    private static final String CONTACT_COLUMNS = "ID,CUSTOMER_ID,SORT_ORDER,KIND,CONTACT_VALUE,CONTACT_KEY,IS_PRIMARY";

    private record Customer(String name, String email, String phone, String country, String city, String company,
            Map<String, String> fields) {
    }

    private record Cost(double cpu, double wall) {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path work = Path.of(args[1]);
        boolean onlyIndex = args.length > 2 && args[2].equals("index");
        Files.createDirectories(work);

        long cpu0 = PROCESS.getProcessCpuTime();
        long wall0 = System.nanoTime();
        List<Customer> customers = read(csv);
        Cost reading = since(cpu0, wall0);
        int n = customers.size();
        System.out.printf(Locale.ROOT, "customers=%d cores=%d load=%s%n", n,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        report("read and split the CSV", reading, n);
        if (onlyIndex) {
            // Three rounds: the first pays for compiling the code, and the spread shows how noisy the machine is.
            for (int round = 1; round <= 3; round++) {
                report("text index (Lucene), segment merges included", index(customers, work.resolve("index" + round)),
                        n);
                report("least text index: trigrams only, no positions",
                        leastIndex(customers, work.resolve("least-index" + round)), n);
            }
            return;
        }

        String stamp = new Timestamp(System.currentTimeMillis()).toString();
        Path customerFile = work.resolve("customers.csv");
        Path contactFile = work.resolve("contact_points.csv");
        Path flatFile = work.resolve("flat.csv");
        cpu0 = PROCESS.getProcessCpuTime();
        wall0 = System.nanoTime();
        writeProductFiles(customers, stamp, customerFile, contactFile);
        Cost writing = since(cpu0, wall0);
        report("write the two load files", writing, n);
        cpu0 = PROCESS.getProcessCpuTime();
        wall0 = System.nanoTime();
        writeFlatFile(customers, stamp, flatFile);
        Cost writingFlat = since(cpu0, wall0);
        report("write the one-table load file", writingFlat, n);

        double product = loadProductTables(work.resolve("product"), false, customerFile, contactFile, n);
        double lean = loadProductTables(work.resolve("lean"), true, customerFile, contactFile, n);
        double flat = loadFlatTable(work.resolve("flat"), flatFile, n);
        Cost index = index(customers, work.resolve("index"));
        report("text index (Lucene), segment merges included", index, n);
        Cost leastIndex = leastIndex(customers, work.resolve("least-index"));
        report("least text index: trigrams only, no positions", leastIndex, n);

        product += writing.cpu;
        lean += writing.cpu;
        double least = reading.cpu + writingFlat.cpu + flat + leastIndex.cpu;
        System.out.printf(Locale.ROOT, "sum of CPU, product schema:            %6.1f s -> at best %,8.0f rows/s on %d cores%n",
                reading.cpu + product + index.cpu, n / ((reading.cpu + product + index.cpu) / cores()), cores());
        System.out.printf(Locale.ROOT, "sum of CPU, no secondary indexes:      %6.1f s -> at best %,8.0f rows/s on %d cores%n",
                reading.cpu + lean + index.cpu, n / ((reading.cpu + lean + index.cpu) / cores()), cores());
        System.out.printf(Locale.ROOT, "sum of CPU, one row, least index:      %6.1f s -> at best %,8.0f rows/s on %d cores%n",
                least, n / (least / cores()), cores());
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static List<Customer> read(Path csv) throws IOException {
        List<Customer> customers = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CsvReader reader = new CsvReader(in)) {
            CsvRecord header = reader.next();
            List<String> names = header.fields();
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                if (!record.isValid() || record.fields().size() != names.size()) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 6; i < names.size(); i++) {
                    fields.put(names.get(i), record.field(i));
                }
                customers.add(new Customer(record.field(0), record.field(1), record.field(2), record.field(3),
                        record.field(4), record.field(5), fields));
            }
        }
        return customers;
    }

    private static void writeProductFiles(List<Customer> customers, String stamp, Path customerFile, Path contactFile)
            throws IOException {
        try (Writer c = writer(customerFile); Writer p = writer(contactFile)) {
            long id = 1;
            long contact = 1;
            for (Customer customer : customers) {
                String fields = CustomFieldColumns.pack(customer.fields);
                c.write(id + ",1," + text(customer.name) + "," + text(key(customer.name)) + ","
                        + textAndKey(customer.company) + textAndKey(customer.country) + textAndKey(customer.city)
                        + (fields == null ? "," : text(fields) + "," + text(CustomFieldColumns.packKeys(customer.fields)))
                        + "," + stamp + "," + stamp + "\n");
                p.write(contact++ + "," + id + ",0,EMAIL," + text(customer.email) + "," + text(key(customer.email))
                        + ",true\n");
                p.write(contact++ + "," + id + ",1,MOBILE," + text(customer.phone) + "," + text(digits(customer.phone))
                        + ",true\n");
                id++;
            }
        }
    }

    private static void writeFlatFile(List<Customer> customers, String stamp, Path file) throws IOException {
        try (Writer out = writer(file)) {
            long id = 1;
            for (Customer customer : customers) {
                StringBuilder fields = new StringBuilder();
                for (Map.Entry<String, String> field : customer.fields.entrySet()) {
                    fields.append(field.getKey()).append('=').append(field.getValue()).append('\n');
                }
                out.write(id++ + ",1," + text(customer.name) + "," + text(key(customer.name)) + ","
                        + textAndKey(customer.company) + textAndKey(customer.country) + textAndKey(customer.city)
                        + text(customer.email) + "," + text(key(customer.email)) + "," + text(customer.phone) + ","
                        + text(digits(customer.phone)) + "," + text(fields.toString()) + "," + stamp + "," + stamp
                        + "\n");
            }
        }
    }

    /** The product's schema (its own migrations), optionally without the secondary indexes; CPU seconds in all. */
    private static double loadProductTables(Path folder, boolean withoutSecondaryIndexes, Path customerFile,
            Path contactFile, int n) throws SQLException {
        String label = withoutSecondaryIndexes ? "no secondary indexes" : "product schema";
        try (DerbyDatabase database = new DerbyDatabase(folder)) {
            database.migrate(new CustomerSchema());
            try (Connection connection = database.connect()) {
                if (withoutSecondaryIndexes) {
                    try (Statement drop = connection.createStatement()) {
                        for (String index : SECONDARY_INDEXES) {
                            drop.execute("DROP INDEX " + index);
                        }
                    }
                }
                connection.setAutoCommit(false);
                double cpu = 0;
                cpu += load(connection, "customers", CUSTOMER_COLUMNS, customerFile, label + ": customers (1 row each)", n);
                cpu += load(connection, "contact_points", CONTACT_COLUMNS, contactFile, label + ": contact points (2 rows each)", n);
                report(label + ": both tables", new Cost(cpu, Double.NaN), n);
                return cpu;
            }
        }
    }

    private static double loadFlatTable(Path folder, Path file, int n) throws SQLException {
        try (DerbyDatabase database = new DerbyDatabase(folder)) {
            database.open();
            try (Connection connection = database.connect()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE flat_customers (id BIGINT NOT NULL PRIMARY KEY,"
                            + " version BIGINT NOT NULL, name VARCHAR(200) NOT NULL, name_key VARCHAR(200) NOT NULL,"
                            + " company VARCHAR(200), company_key VARCHAR(200), country VARCHAR(100),"
                            + " country_key VARCHAR(100), city VARCHAR(100), city_key VARCHAR(100),"
                            + " email VARCHAR(254), email_key VARCHAR(254), phone VARCHAR(50), phone_key VARCHAR(50),"
                            + " custom_fields VARCHAR(4000), created_at TIMESTAMP NOT NULL,"
                            + " updated_at TIMESTAMP NOT NULL)");
                }
                connection.setAutoCommit(false);
                return load(connection, "flat_customers", null, file, "one row per customer, primary key only", n);
            }
        }
    }

    private static double load(Connection connection, String table, String columns, Path file, String label, int n)
            throws SQLException {
        long cpu0 = PROCESS.getProcessCpuTime();
        long wall0 = System.nanoTime();
        try (CallableStatement load = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL, ?, ?, NULL,"
                + " ?, ',', '\"', 'UTF-8', 0)")) {
            load.setString(1, table.toUpperCase(Locale.ROOT));
            load.setString(2, columns);
            load.setString(3, file.toAbsolutePath().toString());
            load.execute();
        }
        connection.commit();
        Cost cost = since(cpu0, wall0);
        report("Derby: " + label, cost, n);
        return cost.cpu;
    }

    private static Cost index(List<Customer> customers, Path folder) {
        // The product's index class, as the import uses it.
        Instant now = Instant.now();
        long cpu0 = PROCESS.getProcessCpuTime();
        long wall0 = System.nanoTime();
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            List<CustomerIndex.Document> batch = new ArrayList<>();
            long id = 1;
            for (Customer customer : customers) {
                batch.add(new CustomerIndex.Document(id++, customer.name, customer.company, customer.country,
                        customer.city, List.of(customer.email), List.of(customer.phone), List.of(), customer.fields,
                        now, now));
                if (batch.size() == 2_000) {
                    index.add(batch);
                    batch.clear();
                }
            }
            index.add(batch);
            index.commit();
        }
        return since(cpu0, wall0);
    }

    private static Cost leastIndex(List<Customer> customers, Path folder) throws IOException {
        FieldType grams = new FieldType();
        grams.setIndexOptions(IndexOptions.DOCS);
        grams.setTokenized(true);
        grams.setOmitNorms(true);
        grams.freeze();
        long cpu0 = PROCESS.getProcessCpuTime();
        long wall0 = System.nanoTime();
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        config.setRAMBufferSizeMB(48);
        try (FSDirectory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
            long id = 1;
            for (Customer customer : customers) {
                Document doc = new Document();
                doc.add(new NumericDocValuesField("id", id++));
                doc.add(new Field("grams", new Trigrams(customer.name, customer.company, customer.email,
                        digits(customer.phone)), grams));
                writer.addDocument(doc);
            }
            writer.commit();
        }
        return since(cpu0, wall0);
    }

    /** The trigrams of some values, lower case, cut straight from the text without allocating strings. */
    private static final class Trigrams extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final String[] values;
        private int value;
        private int at;

        Trigrams(String... values) {
            this.values = values;
        }

        @Override
        public boolean incrementToken() {
            while (value < values.length) {
                String text = values[value];
                if (text != null && at + 3 <= text.length()) {
                    clearAttributes();
                    char[] buffer = term.resizeBuffer(3);
                    for (int i = 0; i < 3; i++) {
                        buffer[i] = Character.toLowerCase(text.charAt(at + i));
                    }
                    term.setLength(3);
                    at++;
                    return true;
                }
                value++;
                at = 0;
            }
            return false;
        }

        @Override
        public void reset() {
            value = 0;
            at = 0;
        }
    }

    private static Cost since(long cpu0, long wall0) {
        return new Cost((PROCESS.getProcessCpuTime() - cpu0) / 1e9, (System.nanoTime() - wall0) / 1e9);
    }

    private static void report(String what, Cost cost, int n) {
        System.out.printf(Locale.ROOT, "%-58s CPU %6.1f s (%5.1f us/customer)%s%n", what, cost.cpu,
                cost.cpu * 1e6 / n, Double.isNaN(cost.wall) ? "" : String.format(Locale.ROOT, ", wall %6.1f s",
                        cost.wall));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9+]", "");
    }

    private static String textAndKey(String value) {
        return value == null || value.isEmpty() ? ",," : text(value) + "," + text(key(value)) + ",";
    }

    private static String text(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
