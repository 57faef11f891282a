package io.switchboard.tickets.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.classifier.LabeledText;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;

/** Services looked up as a consumer would, customers to hang tickets on, the Banking77 sample, events. */
final class Fixtures {

    static final String SAMPLE = "data/banking77-sample.csv";

    private Fixtures() {
    }

    static <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
            if (service == null) {
                throw new AssertionError("no " + type.getName() + " service registered");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
        return service(CustomerRepository.class).save(customer);
    }

    /** The sample's rows (plain: no field holds a line break). */
    static List<LabeledText> sample() throws IOException {
        List<LabeledText> data = new ArrayList<>();
        URL url = FrameworkUtil.getBundle(Fixtures.class).getEntry(SAMPLE);
        if (url == null) {
            throw new AssertionError("missing " + SAMPLE);
        }
        try (InputStream in = url.openStream()) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                int comma = line.lastIndexOf(',');
                String text = line.substring(0, comma);
                if (text.startsWith("\"")) {
                    text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
                }
                data.add(new LabeledText(text, line.substring(comma + 1)));
            }
        }
        return data;
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
