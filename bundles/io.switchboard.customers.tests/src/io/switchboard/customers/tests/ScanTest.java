package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * Listing everything page by page, each page continuing after the last customer of the page before: the pages
 * together are the one long list, in its order, with no customer twice or missing, also where many customers
 * share a name across page boundaries; from the index and from SQL alike.
 */
class ScanTest {

    @TempDir
    Path temp;

    static List<Long> scanned(CustomerStore store, CustomerQuery query, int pageSize) {
        List<Long> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        store.scan(query.page(0, pageSize), page -> {
            page.forEach(c -> ids.add(c.id()));
            sizes.add(page.size());
            return true;
        });
        assertTrue(sizes.stream().allMatch(size -> size <= pageSize), "pages of at most " + pageSize + ": " + sizes);
        return ids;
    }

    static List<Long> listed(CustomerStore store, CustomerQuery query) {
        return store.list(query.page(0, 10_000)).stream().map(CustomerSummary::id).toList();
    }

    @Test
    void pagesTogetherAreTheWholeListInOrder() throws Exception {
        StringBuilder csv = new StringBuilder("name,email,country\n");
        for (int i = 0; i < 250; i++) {
            // Few names, many customers each: ties in the sort key cross page boundaries.
            csv.append(i % 3 == 0 ? "Li Wei" : "Name " + (i % 17)).append(",p").append(i).append("@example.org,")
                    .append(i % 2 == 0 ? "China" : "Peru").append('\n');
        }
        Path file = Files.writeString(temp.resolve("people.csv"), csv, StandardCharsets.UTF_8);
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"));
                LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
            CustomerStore indexed = new CustomerStore(database, Events.NONE, index);
            CustomerStore plain = new CustomerStore(database, Events.NONE);
            new CsvImport(indexed, 100).importCsv(file, false, null, Progress.NONE);

            for (CustomerQuery query : List.of(CustomerQuery.ALL, CustomerQuery.ALL.withCountry("china"),
                    CustomerQuery.ALL.sortedBy(CustomerQuery.Sort.NAME, false), CustomerQuery.ALL.withText("li wei"),
                    CustomerQuery.ALL.sortedBy(CustomerQuery.Sort.COUNTRY, true))) {
                for (CustomerStore store : List.of(indexed, plain)) {
                    List<Long> all = listed(store, query);
                    assertEquals(store.count(query), all.size(), query.toString());
                    assertEquals(all, scanned(store, query, 7), query + (store == plain ? " (SQL)" : " (index)"));
                    assertEquals(all, scanned(store, query, 1_000), query.toString());
                }
            }
            assertEquals(250, scanned(plain, CustomerQuery.ALL, 7).stream().distinct().count());

            // Stopping early: no page after the one that said so.
            List<Integer> pages = new ArrayList<>();
            indexed.scan(CustomerQuery.ALL.page(0, 10), page -> {
                pages.add(page.size());
                return pages.size() < 3;
            });
            assertEquals(List.of(10, 10, 10), pages);
        }
    }

    @Test
    void countriesAreEveryStoredCountryOnceInOrderOfTheirKeys() throws Exception {
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"))) {
            assertCountries(new CustomerStore(database, Events.NONE));
        }
    }

    @Test
    void theTextIndexListsTheSameCountries() throws Exception {
        try (DerbyDatabase database = new DerbyDatabase(temp.resolve("db"));
                LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
            CustomerStore store = new CustomerStore(database, Events.NONE, index);
            assertCountries(store);
            // The index names one customer per country: deleting it must not lose a country others still have,
            // and deleting a country's last customer removes the country.
            long firstChile = store.list(CustomerQuery.ALL.withCountry("chile")).get(0).id();
            store.delete(firstChile);
            assertTrue(store.countries().contains("Chile"), store.countries().toString());
            long zambia = store.list(CustomerQuery.ALL.withCountry("Zambia")).get(0).id();
            store.delete(zambia);
            assertEquals(4, store.countries().size(), store.countries().toString());
            assertTrue(!store.countries().contains("Zambia"), store.countries().toString());
        }
    }

    private void assertCountries(CustomerStore store) throws Exception {
        Path file = Files.writeString(temp.resolve("countries.csv"), "name,country\nA,Peru\nB,peru\nC,\nD,Chile\n"
                + "E,\u00c5land\nF,Zambia\nG,Chile\nH,\u4e2d\u56fd\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), store.countries());
        new CsvImport(store, 100).importCsv(file, false, null, Progress.NONE);
        // One spelling per key (Peru and peru are one country); no entry for a customer without a country.
        List<String> countries = store.countries();
        assertEquals(5, countries.size(), countries.toString());
        assertEquals(List.of("chile", "peru", "zambia", "åland", "中国"),
                countries.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
    }
}
