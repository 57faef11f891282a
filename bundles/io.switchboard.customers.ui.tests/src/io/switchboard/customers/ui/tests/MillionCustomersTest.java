package io.switchboard.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.app.testing.Screenshots;
import io.switchboard.core.Progress;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.DemoDataGenerator.Scenario;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.customers.demo.DemoCustomers;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.parts.CustomerListPart;

/**
 * The list over a million customers in the real store: a million generated customers are imported into this test
 * runtime's own data folder (Derby and the text index, as {@code switchboard customers import} does), and the list
 * must then show them, jump to the end and back without loading what it skips, and hold only a few pages. The
 * store is watched through a counting wrapper; every answer is the store's own.
 *
 * <p>Runs in a test runtime of its own (tag {@code million}), so no other test shares its million customers. How
 * fast this is, is measured by the benchmarks ({@code releng/bench/customers}, {@code workbench-heap}), not here.
 */
@Tag("million")
class MillionCustomersTest {

    static final int MILLION = 1_000_000;

    /** The store's answers, counted: how many pages the list asked for and how many rows it got. */
    static final class CountingCustomers implements CustomerRepository {

        final CustomerRepository store;
        final AtomicInteger pagesAsked = new AtomicInteger();
        final AtomicInteger rowsGiven = new AtomicInteger();

        CountingCustomers(CustomerRepository store) {
            this.store = store;
        }

        @Override
        public List<CustomerSummary> list(CustomerQuery query) {
            pagesAsked.incrementAndGet();
            List<CustomerSummary> rows = store.list(query);
            rowsGiven.addAndGet(rows.size());
            return rows;
        }

        @Override
        public void scan(CustomerQuery query, Predicate<List<CustomerSummary>> page) {
            store.scan(query, page);
        }

        @Override
        public long count(CustomerQuery query) {
            return store.count(query);
        }

        @Override
        public List<String> countries() {
            return store.countries();
        }

        @Override
        public Optional<Customer> find(long id) {
            return store.find(id);
        }

        @Override
        public Optional<Customer> findByEmail(String email) {
            return store.findByEmail(email);
        }

        @Override
        public Customer save(Customer customer) throws StaleCustomerException {
            return store.save(customer);
        }

        @Override
        public void delete(long id) {
            store.delete(id);
        }
    }

    private static long stored;
    private static String first;
    private static String last;
    private static CountingCustomers customers;
    private static ServiceRegistration<CustomerRepository> registration;

    @BeforeAll
    static void importAMillionCustomers() throws Exception {
        FreshDataFolder.use();
        BundleContext context = FrameworkUtil.getBundle(MillionCustomersTest.class).getBundleContext();
        Path csv = Files.createTempFile("switchboard-million-", ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                assertEquals(MILLION, DemoCustomers.writeCsv(Scenario.ECOMMERCE, MILLION, 42, out, Progress.NONE));
            }
            ImportResult result = service(context, CustomerImporter.class).importCsv(csv, false,
                    (line, reason) -> {
                    }, Progress.NONE);
            assertEquals(0, result.rejected(), "rows rejected");
        } finally {
            Files.deleteIfExists(csv);
        }
        CustomerRepository store = service(context, CustomerRepository.class);
        stored = store.count(CustomerQuery.ALL);
        // The generator makes up e-mail addresses; the few it repeats update their customer instead.
        assertTrue(stored > 990_000, stored + " customers stored");
        first = store.list(CustomerQuery.ALL.page(0, 1)).get(0).name();
        last = store.list(CustomerQuery.ALL.sortedBy(CustomerQuery.Sort.NAME, false).page(0, 1)).get(0).name();

        customers = new CountingCustomers(store);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        registration = context.registerService(CustomerRepository.class, customers, properties);
    }

    @AfterAll
    static void unregister() {
        if (registration != null) {
            registration.unregister();
        }
    }

    private static <T> T service(BundleContext context, Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        assertTrue(reference != null, "no " + type.getSimpleName() + " service");
        return context.getService(reference);
    }

    private CustomerListPart list;

    @Test
    void listShowsAMillionStoredCustomersWithoutLoadingThemAll() {
        RunningWorkbench.run(List.of(
                w -> {
                    w.shell().setBounds(0, 0, 1280, 800);
                    w.shell().layout(true, true);
                },
                w -> {
                    list = assertInstanceOf(CustomerListPart.class,
                            w.find(CustomersUi.PART_LIST, MPart.class).getObject());
                    long start = System.nanoTime();
                    list.refresh();
                    w.waitUntil("the stored customers are listed",
                            () -> list.isSettled() && list.matchCount() == stored);
                    long opened = (System.nanoTime() - start) / 1_000_000;
                    assertEquals(stored, list.table().getItemCount());
                    assertEquals(NumberFormat.getIntegerInstance().format(stored) + " customers",
                            list.matchesLabel().getText());
                    assertEquals(first, list.table().getItem(0).getText(0));
                    System.out.println("million customers: " + stored + " listed " + opened + " ms after a refresh");
                },
                w -> {
                    Table table = list.table();
                    int end = (int) stored - 1;
                    long started = System.nanoTime();
                    table.setTopIndex(end - 10);
                    table.showItem(table.getItem(end));
                    w.waitUntil("the last customer shows",
                            () -> list.isSettled() && last.equals(table.getItem(end).getText(0)));
                    System.out.println("million customers: end of the list after "
                            + (System.nanoTime() - started) / 1_000_000 + " ms, " + customers.pagesAsked.get()
                            + " pages asked");
                    Screenshots.saveDrawn(w.shell(), "customers-million-end");
                },
                w -> {
                    // A fast scroll from top to bottom: pages scrolled past are skipped, not loaded.
                    Table table = list.table();
                    int before = customers.pagesAsked.get();
                    for (int top = 0; top < stored; top += 50_000) {
                        table.setTopIndex(top);
                        table.getItem(top).getText(0);
                    }
                    table.setTopIndex(0);
                    w.waitUntil("the first customers show again",
                            () -> list.isSettled() && first.equals(table.getItem(0).getText(0)));
                    int asked = customers.pagesAsked.get() - before;
                    // Each position shows rows of one or two pages; the thousands of pages in between are never
                    // loaded. (When the store is slower than the scrolling, pages already scrolled past are skipped.)
                    assertTrue(asked <= 2 * 20 + 2, asked + " pages loaded for a scroll through 20 positions");
                    assertTrue(list.cachedPages() <= 12, list.cachedPages() + " pages held");
                    assertTrue(customers.rowsGiven.get() < 6_000, customers.rowsGiven.get() + " rows loaded in all");
                }));
    }
}
