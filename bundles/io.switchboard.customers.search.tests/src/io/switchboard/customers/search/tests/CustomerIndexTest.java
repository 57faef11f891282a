package io.switchboard.customers.search.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.CustomerIndex.Document;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.search.LuceneCustomerIndex;

class CustomerIndexTest {

    @TempDir
    Path folder;

    private LuceneCustomerIndex index;

    private static Document customer(long id, String name, String company, String country, String city, String email,
            String phone, Set<String> tags, Map<String, String> fields) {
        return new Document(id, name, company, country, city, email == null ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone), tags, fields, Instant.ofEpochSecond(1_700_000_000L + id),
                Instant.ofEpochSecond(1_800_000_000L - id));
    }

    @BeforeEach
    void fill() {
        index = new LuceneCustomerIndex(folder);
        index.put(List.of(
                customer(1, "Jane Smith", "Acme Ltd", "United Kingdom", "London", "jane.smith@acme.example", "+44 20 7946 0018", Set.of("vip"), Map.of("tier", "Gold")),
                customer(2, "John Smithers", "Globex", "United States", "Springfield", "jsmithers@globex.example", "+1 (555) 010-2030", Set.of(), Map.of("tier", "Silver")),
                customer(3, "\u738b\u5c0f\u660e", "\u534e\u4e3a", "China", "Shenzhen", "xiaoming.wang@example.cn", "+86 138-0013-8000", Set.of("vip"), Map.of()),
                customer(4, "Jos\u00e9 \u00c1lvarez", null, "Spain", "Madrid", "jose@example.es", null, Set.of(), Map.of()),
                customer(5, "Li Wei", "100% Tea_Shop", "China", "Beijing", "li.wei@example.cn", "010 6552 9988", Set.of(), Map.of()),
                customer(6, "O'Brien \" OR 1=1 --", null, "Ireland", "Dublin", null, null, Set.of(), Map.of())));
        index.commit();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private long[] ids(String text) {
        long[] ids = index.search(CustomerQuery.ALL.withText(text)).ids();
        Arrays.sort(ids);
        return ids;
    }

    @Test
    void findsByPrefixAndByPartOfAWord() {
        assertArrayEquals(new long[] { 1, 2 }, ids("smi"));
        assertArrayEquals(new long[] { 1, 2 }, ids("mith"));
        assertArrayEquals(new long[] { 2 }, ids("smithers"));
        assertArrayEquals(new long[] { 1 }, ids("jane smith"));
        assertArrayEquals(new long[] { 1, 2 }, ids("SMITH"));
        assertArrayEquals(new long[] { 2, 4 }, ids("jo"), "two letters match anywhere: John, José");
        assertArrayEquals(new long[] { 2 }, ids("oh"), "... also inside a word");
    }

    @Test
    void keysEveryEmailAndPhoneForMatchingImports() {
        // An import matches a row by its e-mail key, or without one by its phone's digits, whatever the spelling.
        assertArrayEquals(new long[] { 1 }, index.idsByEmail(List.of("jane.smith@acme.example")).get(
                "jane.smith@acme.example"));
        Map<String, long[]> byPhone = index.idsByPhone(List.of("15550102030", "8613800138000", "4420794600"));
        assertEquals(Set.of("15550102030", "8613800138000"), byPhone.keySet(), "only whole numbers match");
        assertArrayEquals(new long[] { 2 }, byPhone.get("15550102030"));
        assertArrayEquals(new long[] { 3 }, byPhone.get("8613800138000"));
    }

    @Test
    void findsEmailsAndPhonesByAnyPart() {
        assertArrayEquals(new long[] { 1 }, ids("smith@acme"));
        assertArrayEquals(new long[] { 3, 5 }, ids("example.cn"));
        assertArrayEquals(new long[] { 3 }, ids("0013"));
        assertArrayEquals(new long[] { 3 }, ids("138-0013"));
        assertArrayEquals(new long[] { 2 }, ids("(555) 010"));
        assertArrayEquals(new long[] { 5 }, ids("6552 9988"));
    }

    @Test
    void findsChineseNamesByAnyCharacters() {
        assertArrayEquals(new long[] { 3 }, ids("\u5c0f\u660e"));
        assertArrayEquals(new long[] { 3 }, ids("\u660e"));
        assertArrayEquals(new long[] { 3 }, ids("\u738b\u5c0f\u660e"));
        assertArrayEquals(new long[] { 3 }, ids("\u534e\u4e3a"));
    }

    @Test
    void ignoresAccentsAndWidth() {
        assertArrayEquals(new long[] { 4 }, ids("jose alvarez"));
        assertArrayEquals(new long[] { 4 }, ids("\u00c1LVAREZ"));
        assertArrayEquals(new long[] { 1, 2 }, ids("\uff33\uff2d\uff29"), "full-width SMI");
    }

    @Test
    void wildcardsQuotesAndSqlAreJustText() {
        assertArrayEquals(new long[] { 5 }, ids("100%"));
        assertArrayEquals(new long[] { 5 }, ids("tea_shop"));
        assertArrayEquals(new long[] { 5 }, ids("%"), "a lone % is a character like any other");
        assertArrayEquals(new long[] { 5 }, ids("_"), "so is _: Tea_Shop");
        assertArrayEquals(new long[] { 6 }, ids("o'brien"));
        assertArrayEquals(new long[] { 6 }, ids("\" OR 1=1 --"));
        assertArrayEquals(new long[0], ids("' OR '1'='1"));
    }

    @Test
    void filtersByCountryCityTagAndCustomFieldIgnoringCase() {
        CustomerQuery china = CustomerQuery.ALL.withCountry("china");
        assertEquals(2, index.search(china).total());
        assertEquals(1, index.search(china.withCity("SHENZHEN")).total());
        assertEquals(1, index.search(china.withTag("VIP")).total());
        assertEquals(1, index.search(CustomerQuery.ALL.withField("Tier", "gold")).total());
        assertEquals(1, index.search(china.withText("wei")).total());
    }

    @Test
    void sortsAndPages() {
        CustomerQuery byName = CustomerQuery.ALL.sortedBy(CustomerQuery.Sort.NAME, true);
        assertArrayEquals(new long[] { 1, 2, 4, 5, 6, 3 }, index.search(byName).ids());
        assertArrayEquals(new long[] { 4, 5 }, index.search(byName.page(2, 2)).ids());
        assertEquals(6, index.search(byName.page(2, 2)).total());
        assertArrayEquals(new long[] { 3, 6, 5, 4, 2, 1 }, index.search(byName.sortedBy(CustomerQuery.Sort.NAME, false)).ids());
        assertArrayEquals(new long[] { 6, 5, 4, 3, 2, 1 }, index.search(byName.sortedBy(CustomerQuery.Sort.CREATED, false)).ids());
        assertArrayEquals(new long[] { 5, 1, 2, 3, 4, 6 }, index.search(byName.sortedBy(CustomerQuery.Sort.COMPANY, true)).ids(),
                "customers without a company come last");
    }

    @Test
    void deepPagesAreSlicesOfTheSameOrderAsShallowOnes() {
        // Deep pages come from the whole order of their column instead of Lucene's queue; an index that takes every
        // page that way must give exactly the slices of the shallow order, customers without a company included,
        // and skip what was removed.
        index.remove(2);
        index.commit();
        Map<String, long[]> shallow = new HashMap<>();
        List<CustomerQuery> orders = new ArrayList<>();
        for (CustomerQuery.Sort sort : CustomerQuery.Sort.values()) {
            for (boolean ascending : new boolean[] { true, false }) {
                CustomerQuery order = CustomerQuery.ALL.sortedBy(sort, ascending);
                orders.add(order);
                orders.add(order.withCountry("china"));
                orders.add(order.withText("example"));
            }
        }
        for (CustomerQuery order : orders) {
            shallow.put(order.toString(), index.search(order).ids());
        }
        index.close();
        index = new LuceneCustomerIndex(folder, 0);
        for (CustomerQuery order : orders) {
            long[] whole = shallow.get(order.toString());
            assertArrayEquals(whole, index.search(order).ids(), order.toString());
            for (int offset = 0; offset <= whole.length + 1; offset++) {
                for (int limit = 1; limit <= 3; limit++) {
                    CustomerIndex.Page page = index.search(order.page(offset, limit));
                    long[] slice = Arrays.copyOfRange(whole, Math.min(offset, whole.length),
                            Math.min(offset + limit, whole.length));
                    assertArrayEquals(slice, page.ids(), order + ", offset " + offset + ", limit " + limit);
                    assertEquals(whole.length, page.total(), order.toString());
                }
            }
        }
        assertEquals(5, shallow.get(CustomerQuery.ALL.sortedBy(CustomerQuery.Sort.NAME, true).toString()).length);
        assertArrayEquals(new long[] { 5, 1, 3, 4, 6 },
                shallow.get(CustomerQuery.ALL.sortedBy(CustomerQuery.Sort.COMPANY, true).toString()),
                "customers without a company come last");
        assertArrayEquals(new long[] { 3, 1, 5, 6, 4 },
                shallow.get(CustomerQuery.ALL.sortedBy(CustomerQuery.Sort.COMPANY, false).toString()),
                "also when sorted the other way");
    }

    @Test
    void updatesReplaceAndRemovalsStickAcrossReopening() throws Exception {
        index.put(List.of(customer(1, "Jane Doe", "Acme Ltd", "United Kingdom", "London", "jane@acme.example", null, Set.of(), Map.of())));
        index.remove(2);
        index.commit();
        assertEquals(5, index.size());
        close();
        index = new LuceneCustomerIndex(folder);
        assertEquals(5, index.size());
        assertArrayEquals(new long[] { 1 }, ids("doe"));
        assertArrayEquals(new long[0], ids("smithers"));
        index.clear();
        index.commit();
        assertEquals(0, index.size());
    }

    @Test
    void theIndexIsADeclarativeService() throws Exception {
        var context = FrameworkUtil.getBundle(CustomerIndexTest.class).getBundleContext();
        ServiceTracker<CustomerIndex, CustomerIndex> tracker = new ServiceTracker<>(context, CustomerIndex.class, null);
        tracker.open();
        assertNotNull(tracker.waitForService(TimeUnit.SECONDS.toMillis(10)));
        tracker.close();
    }
}
