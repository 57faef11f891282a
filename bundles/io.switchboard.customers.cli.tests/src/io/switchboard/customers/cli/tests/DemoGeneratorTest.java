package io.switchboard.customers.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.switchboard.core.Progress;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.DemoDataGenerator;
import io.switchboard.customers.DemoDataGenerator.DemoResult;
import io.switchboard.customers.DemoDataGenerator.Scenario;
import io.switchboard.customers.demo.DemoCustomers;
import io.switchboard.testing.Cli;
import io.switchboard.testing.Services;

/** The generator itself: whole customers are deterministic, the CSV matches them, and a run can be cancelled. */
class DemoGeneratorTest {

    @Test
    void sameSeedGivesTheSameCustomersDownToTheTimeline() {
        for (Scenario scenario : Scenario.values()) {
            assertEquals(describe(scenario, 11), describe(scenario, 11), scenario.name());
            assertNotEquals(describe(scenario, 11), describe(scenario, 12), scenario.name());
        }
    }

    @Test
    void theCsvHoldsExactlyTheCustomersTheStoreWouldGet() throws Exception {
        StringWriter csv = new StringWriter();
        DemoCustomers.writeCsv(Scenario.HEALTHCARE, 40, 5, csv, Progress.NONE);
        List<List<String>> rows = new Cli.Run(0, csv.toString(), "").csv();
        DemoCustomers full = new DemoCustomers(Scenario.HEALTHCARE, 5);
        for (List<String> row : rows.subList(1, rows.size())) {
            Customer customer = full.next().customer();
            assertEquals(customer.getName(), row.get(0));
            assertEquals(customer.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(""), row.get(1));
            assertEquals(customer.getCustomFields().get("insurance_provider"), row.get(6));
        }
    }

    @Test
    void generationReportsEachCustomerAndStopsWhenCancelled() throws Exception {
        CustomerRepository repository = Services.get(CustomerRepository.class);
        List<CustomerSummary> page;
        while (!(page = repository.list(CustomerQuery.ALL.page(0, 500))).isEmpty()) {
            page.forEach(c -> repository.delete(c.id()));
        }
        AtomicLong total = new AtomicLong();
        List<Long> reported = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void begin(String task, long totalWork) {
                total.set(totalWork);
            }

            @Override
            public void worked(long done) {
                reported.add(done);
            }

            @Override
            public boolean isCanceled() {
                return reported.size() >= 4;
            }
        };
        DemoResult result = Services.get(DemoDataGenerator.class).generate(Scenario.ECOMMERCE, 50, 3, progress);
        assertEquals(50, total.get());
        assertEquals(List.of(1L, 2L, 3L, 4L), reported);
        assertEquals(4, result.customers());
        assertEquals(4, repository.count(CustomerQuery.ALL));
        assertTrue(result.interactions() >= 8, result.toString());
    }

    private static String describe(Scenario scenario, long seed) {
        DemoCustomers source = new DemoCustomers(scenario, seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            DemoCustomers.Generated generated = source.next();
            Customer c = generated.customer();
            text.append(c.getName()).append('|').append(c.getContactPoints()).append('|').append(c.getCountry())
                    .append('|').append(c.getCity()).append('|').append(c.getCompany()).append('|').append(c.getTags())
                    .append('|').append(c.getCustomFields()).append('\n');
            c.getTransactions().forEach(t -> text.append(t.getReference()).append(' ').append(t.getDate()).append(' ')
                    .append(t.getAmount()).append(' ').append(t.getCurrency()).append(' ').append(t.getDescription())
                    .append('\n'));
            c.getNeeds().forEach(n -> text.append(n.getStatus()).append(' ').append(n.getDescription()).append('\n'));
            generated.timeline().forEach(x -> text.append(x.getOccurredAt()).append(' ').append(x.getChannel())
                    .append(' ').append(x.getAgent()).append(' ').append(x.getSummary()).append(' ').append(x.getBody())
                    .append('\n'));
        }
        return text.toString();
    }
}
