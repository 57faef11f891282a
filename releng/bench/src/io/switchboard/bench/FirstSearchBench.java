package io.switchboard.bench;

import java.nio.file.Path;
import java.util.Locale;

import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * Where the first text search after a start spends its time, on a data folder filled by {@code switchboard
 * customers import}: opening Derby, checking the schema, opening the text index, the index's catch-up with the
 * database, then the first and second search (first page of 50 and the count, as the customer list asks).
 *
 * <p>{@code FirstSearchBench DATA-DIR [TEXT [first-use]]}: step by step, or ({@code first-use}) the first search alone
 * from a closed store, as the product makes it.
 */
public final class FirstSearchBench {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String text = args.length > 1 ? args[1] : "wang xi";
        long start = System.nanoTime();
        long mark = start;
        boolean phases = args.length <= 2 || !"first-use".equals(args[2]);
        try (DerbyDatabase database = new DerbyDatabase(dataDir.resolve("db"))) {
            if (!phases) {
                // As the product does it: the first search opens the database, the index and catches up.
                LuceneCustomerIndex index = new LuceneCustomerIndex(dataDir.resolve("index").resolve("customers"));
                CustomerStore store = new CustomerStore(database, Events.NONE, index);
                CustomerQuery query = CustomerQuery.ALL.withText(text);
                int page = store.list(query.page(0, 50)).size();
                long total = store.count(query);
                step("first search from closed store to page of " + page + " + count " + total, start);
                return;
            }
            database.open();
            mark = step("Derby open (boot, recovery if any)", mark);
            LuceneCustomerIndex index = new LuceneCustomerIndex(dataDir.resolve("index").resolve("customers"));
            CustomerStore store = new CustomerStore(database, Events.NONE, index);
            store.database();
            mark = step("schema check (migrations)", mark);
            long documents = index.size();
            mark = step("text index open (" + documents + " documents)", mark);
            store.count(CustomerQuery.ALL.withCountry("no such country"));
            mark = step("index catch-up with the database (first use)", mark);
            long firstDone = 0;
            for (int i = 1; i <= 3; i++) {
                CustomerQuery query = CustomerQuery.ALL.withText(text + (i == 3 ? "n" : ""));
                int page = store.list(query.page(0, 50)).size();
                long total = store.count(query);
                mark = step("search " + i + " '" + query.text() + "': page of " + page + ", " + total + " in all", mark);
                firstDone = i == 1 ? mark : firstDone;
            }
            System.out.printf(Locale.ROOT, "%-60s %8.1f ms%n", "from start to the end of the first search",
                    (firstDone - start) / 1e6);
        }
    }

    private static long step(String what, long since) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "%-60s %8.1f ms%n", what, (now - since) / 1e6);
        return now;
    }

    private FirstSearchBench() {
    }
}
