package io.switchboard.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.switchboard.app.testing.FreshDataFolder;
import io.switchboard.app.testing.RunningWorkbench;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.parts.CustomerListPart;

/**
 * The list over a million customers: it must open at once, jump to the end and back without loading what it
 * skips, and hold only a few pages. The rows come from a stand-in that makes them up on request, because what
 * is measured here is the list, not the store.
 */
class MillionCustomersTest {

    static final int MILLION = 1_000_000;

    /** Answers any page at once and counts how often it was asked. */
    static final class MadeUpCustomers implements CustomerRepository {

        final AtomicInteger pagesAsked = new AtomicInteger();
        final AtomicInteger rowsGiven = new AtomicInteger();

        @Override
        public List<CustomerSummary> list(CustomerQuery query) {
            pagesAsked.incrementAndGet();
            List<CustomerSummary> rows = new ArrayList<>();
            for (int i = query.offset(); i < Math.min(MILLION, query.offset() + query.limit()); i++) {
                int n = query.ascending() ? i + 1 : MILLION - i;
                rows.add(new CustomerSummary(n, String.format("Customer %07d", n), "Company " + (n % 977), "Germany",
                        "Berlin", "customer" + n + "@example.com", "+49 30 " + (1_000_000 + n), Instant.EPOCH));
            }
            rowsGiven.addAndGet(rows.size());
            return rows;
        }

        @Override
        public long count(CustomerQuery query) {
            return MILLION;
        }

        @Override
        public List<String> countries() {
            return List.of("Germany");
        }

        @Override
        public Optional<Customer> find(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<Customer> findByEmail(String email) {
            return Optional.empty();
        }

        @Override
        public Customer save(Customer customer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(long id) {
            throw new UnsupportedOperationException();
        }
    }

    private CustomerListPart list;
    private long jumpStarted;

    @org.junit.jupiter.api.BeforeAll
    static void dataFolder() throws Exception {
        FreshDataFolder.use();
    }

    @Test
    @Tag("english")
    void listStaysQuickWithAMillionCustomers() {
        MadeUpCustomers customers = new MadeUpCustomers();
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        ServiceRegistration<CustomerRepository> registration = context.registerService(CustomerRepository.class,
                customers, properties);
        try {
            long[] opened = new long[1];
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
                        w.waitUntil("a million customers are listed",
                                () -> list.isSettled() && list.matchCount() == MILLION);
                        opened[0] = (System.nanoTime() - start) / 1_000_000;
                        assertEquals(MILLION, list.table().getItemCount());
                        assertEquals("1,000,000 customers", list.matchesLabel().getText());
                        assertTrue(opened[0] < 3000, "counting and showing the first page took " + opened[0] + " ms");
                    },
                    w -> {
                        Table table = list.table();
                        jumpStarted = System.nanoTime();
                        table.setTopIndex(MILLION - 10);
                        table.showItem(table.getItem(MILLION - 1));
                        w.waitUntil("the last customer shows", () -> list.isSettled()
                                && "Customer 1000000".equals(table.getItem(MILLION - 1).getText(0)));
                        long jumpMs = (System.nanoTime() - jumpStarted) / 1_000_000;
                        System.out.println("million customers: list refreshed in " + opened[0] + " ms, end of list after "
                                + jumpMs + " ms, " + customers.pagesAsked.get() + " pages asked");
                        assertTrue(jumpMs < 3000, "jumping to the end took " + jumpMs + " ms");
                    },
                    w -> {
                        // A fast scroll from top to bottom: pages scrolled past are skipped, not loaded.
                        Table table = list.table();
                        int before = customers.pagesAsked.get();
                        for (int top = 0; top < MILLION; top += 50_000) {
                            table.setTopIndex(top);
                            table.getItem(top).getText(0);
                        }
                        table.setTopIndex(0);
                        w.waitUntil("the first customers show again", () -> list.isSettled()
                                && "Customer 0000001".equals(table.getItem(0).getText(0)));
                        int asked = customers.pagesAsked.get() - before;
                        // Each position shows rows of one or two pages; the 9,800 pages in between are never loaded.
                        // (When the store is slower than the scrolling, pages already scrolled past are skipped too.)
                        assertTrue(asked <= 2 * 20 + 2, asked + " pages loaded for a scroll through 20 positions");
                        assertTrue(list.cachedPages() <= 12, list.cachedPages() + " pages held");
                        assertTrue(customers.rowsGiven.get() < 6_000, customers.rowsGiven.get() + " rows loaded in all");
                    }));
        } finally {
            registration.unregister();
        }
    }
}
