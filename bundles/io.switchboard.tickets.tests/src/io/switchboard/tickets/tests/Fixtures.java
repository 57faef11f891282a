package io.switchboard.tickets.tests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.classifier.LabeledText;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.store.SchemaMigrations;
import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.testing.LabeledSample;
import io.switchboard.testing.Services;

/** Customers to hang tickets on, the Banking77 sample, events. */
final class Fixtures {

    static final String SAMPLE = "data/banking77-sample.csv";

    private Fixtures() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
    }

    /** The bundle that provides the classifier; tests stop it to see tickets stored without one. */
    static Bundle classifierBundle() {
        for (Bundle bundle : context().getBundles()) {
            if (bundle.getSymbolicName().equals("io.switchboard.classifier.services")) {
                return bundle;
            }
        }
        throw new AssertionError("io.switchboard.classifier.services is not installed");
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new stored customer with a unique e-mail address, so tests never see each other's tickets. */
    static Customer customer(String name) throws Exception {
        Customer customer = new Customer(name);
        customer.addContact(ContactKind.EMAIL, name.replaceAll("\\W", "").toLowerCase() + "." + unique() + "@example.com");
        return Services.get(CustomerRepository.class).save(customer);
    }

    /**
     * Makes the schemas the running capabilities register (customers, tickets, ...) known to a database of a test's
     * own, as the store's whiteboard does, without applying them.
     */
    static void registerSchemas(DerbyDatabase database) throws Exception {
        for (ServiceReference<SchemaMigrations> reference : context().getServiceReferences(SchemaMigrations.class,
                null)) {
            database.register(context().getService(reference));
        }
    }

    /** The Banking77 sample's rows as labelled texts. */
    static List<LabeledText> sample() throws IOException {
        return LabeledSample.read(SAMPLE).stream().map(row -> new LabeledText(row.text(), row.label()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** Collects the events posted on a topic until closed. */
    static final class Events implements AutoCloseable {
        private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        private final ServiceRegistration<EventHandler> registration;

        Events(String topic) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(EventConstants.EVENT_TOPIC, topic);
            registration = context().registerService(EventHandler.class, received::add, properties);
        }

        /** The next event about {@code id} on {@code topic}, waiting a few seconds; {@code null} if none came. */
        Event next(String topic, long id) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                Event event = received.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && event.getTopic().equals(topic)
                        && Long.valueOf(id).equals(event.getProperty("id"))) {
                    return event;
                }
            }
            return null;
        }

        @Override
        public void close() {
            registration.unregister();
        }
    }
}
