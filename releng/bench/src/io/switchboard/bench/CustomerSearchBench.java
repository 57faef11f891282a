package io.switchboard.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * Search latency over a data folder filled by {@code switchboard customers import}: the product's customer store
 * with its text index against the same store searching with SQL {@code LIKE '%...%'} alone, on queries drawn
 * (seed 42) from the imported file: parts of names, e-mail addresses, phone numbers and companies.
 *
 * <p>{@code CustomerSearchBench DATA-DIR CSV QUERIES LIKE-QUERIES}
 */
public final class CustomerSearchBench {

    private static final int PAGE = 50;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        List<String> queries = sampleQueries(Path.of(args[1]), Integer.parseInt(args[2]));
        int likeQueries = Integer.parseInt(args[3]);

        try (DerbyDatabase database = new DerbyDatabase(dataDir.resolve("db"))) {
            LuceneCustomerIndex index = new LuceneCustomerIndex(dataDir.resolve("index").resolve("customers"));
            CustomerStore indexed = new CustomerStore(database, Events.NONE, index);
            CustomerStore plain = new CustomerStore(database, Events.NONE); // no index: what a filter alone costs
            long customers = plain.count(CustomerQuery.ALL);
            System.out.printf(Locale.ROOT, "customers=%d queries=%d (like: %d)%n", customers, queries.size(), likeQueries);

            // Warm up: JIT, Derby's page cache, Lucene's mapped files.
            for (String query : queries.subList(0, Math.min(50, queries.size()))) {
                search(indexed, CustomerQuery.ALL.withText(query));
            }
            report("index: text search, first page + count", measure(queries, q -> search(indexed, CustomerQuery.ALL.withText(q))));
            // The index answers one- and two-character words in ways of their own (see LuceneCustomerIndex): the
            // commonest characters and pairs of names, e-mail addresses, phone numbers and Chinese names.
            List<String> shortQueries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                shortQueries.addAll(List.of("a", "e", "z", "q", "1", "0", "@", "\u738b", "\u674e", "jo", "ma", "an",
                        "ex", "00", "13", "@m", "\u5c0f\u660e", "\u6653\u71d5", "li", "wa"));
            }
            report("index: one- or two-character text search", measure(shortQueries,
                    q -> search(indexed, CustomerQuery.ALL.withText(q))));
            report("Derby LIKE '%q%' on names: first page + count",
                    measure(queries.subList(0, Math.min(likeQueries, queries.size())), q -> likeOnNames(database, q)));

            List<String> countries = List.of("China", "Germany", "United States", "Brazil", "India");
            List<String> countryRuns = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                countryRuns.add(countries.get(i % countries.size()));
            }
            report("index: country filter, first page by name + count",
                    measure(countryRuns, c -> search(indexed, CustomerQuery.ALL.withCountry(c).sortedBy(CustomerQuery.Sort.NAME, true))));
            report("SQL: country filter, first page by name + count",
                    measure(countryRuns.subList(0, 10), c -> search(plain, CustomerQuery.ALL.withCountry(c).sortedBy(CustomerQuery.Sort.NAME, true))));
            System.out.printf(Locale.ROOT, "China: %d customers%n", plain.count(CustomerQuery.ALL.withCountry("China")));
            // The list's country filter: one customer per country from the index, against reading the table.
            List<String> runs = java.util.Collections.nCopies(20, "");
            report("index: the country list (countries())", measure(runs, r -> indexed.countries()));
            report("SQL: the country list (countries())", measure(runs.subList(0, 3), r -> plain.countries()));
            System.out.printf(Locale.ROOT, "countries: %s%n", indexed.countries());

            // What the list asks when its scroll bar is dragged: a page of 100 anywhere in the whole list by name.
            List<String> offsets = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                offsets.add(Long.toString(customers * (i % 10) / 10 + (i / 10) * 1_000));
            }
            offsets.add(Long.toString(Math.max(0, customers - 100)));
            report("index: a page of 100 at 0 %, 10 %, ... 90 %, end",
                    measure(offsets, o -> indexed.list(CustomerQuery.ALL.page(Integer.parseInt(o), 100))));
        }
    }

    private static void search(CustomerStore store, CustomerQuery query) {
        store.list(query.page(0, PAGE));
        store.count(query);
    }

    /**
     * The plain baseline: one LIKE over one lower-cased column, which already has to read every row. (The store's
     * own SQL search, over names, companies and every contact point, is slower still.)
     */
    private static void likeOnNames(DerbyDatabase database, String text) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection connection = database.connect();
                PreparedStatement page = connection.prepareStatement("SELECT id, name FROM customers WHERE name_key"
                        + " LIKE ? ESCAPE '\\' ORDER BY name_key, id FETCH FIRST " + PAGE + " ROWS ONLY");
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM customers WHERE name_key LIKE ? ESCAPE '\\'")) {
            page.setString(1, pattern);
            try (ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }
            count.setString(1, pattern);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] measure(List<String> inputs, Consumer<String> work) {
        double[] millis = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            long start = System.nanoTime();
            work.accept(inputs.get(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-45s n=%4d  p50=%8.1f ms  p95=%8.1f ms  max=%8.1f ms%n", what, sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** Parts of what agents search for, taken from random rows of the file (seed 42), in five kinds by turns. */
    static List<String> sampleQueries(Path csv, int count) throws Exception {
        List<CsvRecord> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CsvReader reader = new CsvReader(in)) {
            reader.next();
            CsvRecord record;
            SplittableRandom random = new SplittableRandom(42);
            long seen = 0;
            while ((record = reader.next()) != null) {
                // Reservoir sampling: every row has the same chance, in one pass over a file of any size.
                seen++;
                if (rows.size() < count) {
                    rows.add(record);
                } else {
                    long slot = random.nextLong(seen);
                    if (slot < count) {
                        rows.set((int) slot, record);
                    }
                }
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CsvRecord row = rows.get(i);
            String name = row.field(0);
            String email = row.field(1);
            String phone = row.field(2).replaceAll("[^0-9]", "");
            String company = row.field(5);
            String query = switch (i % 5) {
            case 0 -> prefix(lastWord(name), 4);
            case 1 -> middle(lastWord(name), 3, random);
            case 2 -> middle(email.contains("@") ? email.substring(0, email.indexOf('@')) : email, 5, random);
            case 3 -> middle(phone, 6, random);
            default -> middle(company.isEmpty() ? name : lastWord(company), 4, random);
            };
            if (!query.isBlank()) {
                queries.add(query);
            }
        }
        return queries;
    }

    private static String lastWord(String text) {
        String[] words = text.trim().split("\\s+");
        return words[words.length - 1];
    }

    private static String prefix(String word, int length) {
        int[] points = word.codePoints().toArray();
        int n = points.length > 0 && Character.isIdeographic(points[0]) ? Math.min(2, points.length)
                : Math.min(length, points.length);
        return new String(points, 0, n);
    }

    private static String middle(String word, int length, SplittableRandom random) {
        int[] points = word.codePoints().toArray();
        if (points.length > 0 && Character.isIdeographic(points[0])) {
            length = Math.min(2, points.length);
        }
        if (points.length <= length) {
            return word;
        }
        int start = random.nextInt(points.length - length + 1);
        return new String(points, start, length);
    }

    private CustomerSearchBench() {
    }
}
