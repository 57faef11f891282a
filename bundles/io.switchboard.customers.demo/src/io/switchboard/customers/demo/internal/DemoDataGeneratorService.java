package io.switchboard.customers.demo.internal;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.core.Progress;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.DemoDataGenerator;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.customers.demo.DemoCustomers;

/**
 * Saves {@link DemoCustomers} through the public store services only, so the demo exercises the same paths (and
 * validation) as real data. A customer whose e-mail address is already stored is skipped with its timeline: the
 * same command run twice adds nothing the second time.
 */
@Component(service = DemoDataGenerator.class)
public class DemoDataGeneratorService implements DemoDataGenerator {

    @Reference
    private CustomerRepository repository;

    @Reference
    private InteractionLog interactions;

    @Override
    public DemoResult generate(Scenario scenario, int customers, long seed, Progress progress) {
        if (customers < 0) {
            throw new IllegalArgumentException("customers must not be negative: " + customers);
        }
        DemoCustomers source = new DemoCustomers(scenario, seed);
        progress.begin(NLS.bind(Messages.DemoData_generating, scenarioName(scenario)), customers);
        long added = 0;
        long transactions = 0;
        long needs = 0;
        long entries = 0;
        for (int i = 0; i < customers && !progress.isCanceled(); i++) {
            DemoCustomers.Generated generated = source.next();
            Customer customer = generated.customer();
            String email = customer.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(null);
            if (email == null || repository.findByEmail(email).isEmpty()) {
                Customer saved = save(customer);
                added++;
                transactions += customer.getTransactions().size();
                needs += customer.getNeeds().size();
                for (Interaction entry : generated.timeline()) {
                    entry.setCustomerId(saved.getId());
                    interactions.append(entry);
                    entries++;
                }
            }
            progress.worked(i + 1L);
        }
        return new DemoResult(added, transactions, needs, entries);
    }

    private Customer save(Customer customer) {
        try {
            return repository.save(customer);
        } catch (StaleCustomerException e) {
            // Only a stored customer can be stale, and this one is new.
            throw new IllegalStateException(e);
        }
    }

    public static String scenarioName(Scenario scenario) {
        return switch (scenario) {
        case ECOMMERCE -> Messages.DemoData_ecommerce;
        case TRAVEL -> Messages.DemoData_travel;
        case HEALTHCARE -> Messages.DemoData_healthcare;
        };
    }
}
