package io.switchboard.customers.services.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.core.Progress;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerExporter;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.DuplicateFinder;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.store.Database;

/**
 * The customer services, one component over one {@link CustomerStore}. The work is done by plain classes that
 * tools and tests can also use without OSGi; this class only wires them and forwards events to Event Admin.
 */
@Component(service = { CustomerRepository.class, CustomerImporter.class, CustomerExporter.class,
        DuplicateFinder.class, CustomerMerger.class })
public class CustomerComponent
        implements CustomerRepository, CustomerImporter, CustomerExporter, DuplicateFinder, CustomerMerger {

    @Reference
    private Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Reference
    private CustomerIndex index;

    /**
     * {@code -Dswitchboard.customers.search.index=false} searches with SQL alone: for comparing the two, and a way
     * out should the index misbehave.
     */
    static final String USE_INDEX = "switchboard.customers.search.index";

    private CustomerStore store;

    @Activate
    void activate() {
        // Nothing touches the database here: the data folder may not be chosen yet.
        boolean useIndex = Boolean.parseBoolean(System.getProperty(USE_INDEX, "true"));
        store = new CustomerStore(database, this::post, useIndex ? index : null);
    }

    private void post(String topic, Long id) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            Map<String, Object> properties = new HashMap<>();
            if (id != null) {
                properties.put(SwitchboardTopics.PROPERTY_ID, id);
            }
            events.postEvent(new Event(topic, properties));
        }
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

    @Override
    public List<CustomerSummary> list(CustomerQuery query) {
        return store.list(query);
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
    public ImportResult importCsv(Path file, boolean dryRun, RejectListener rejects, Progress progress)
            throws IOException {
        return new CsvImport(store, CsvImport.DEFAULT_BATCH_SIZE).importCsv(file, dryRun, rejects, progress);
    }

    @Override
    public long exportCsv(CustomerQuery query, Writer out, Progress progress) throws IOException {
        return new CsvExport(store).export(query, out, progress);
    }

    @Override
    public List<DuplicateGroup> findDuplicates(Progress progress) {
        return new Duplicates(store).findAll(progress);
    }

    @Override
    public List<DuplicateGroup> duplicatesOf(long customerId) {
        return new Duplicates(store).of(customerId);
    }

    @Override
    public Customer merge(long keptId, long otherId, Map<Field, Side> choices) throws StaleCustomerException {
        return new Merge(store).merge(keptId, otherId, choices);
    }
}
