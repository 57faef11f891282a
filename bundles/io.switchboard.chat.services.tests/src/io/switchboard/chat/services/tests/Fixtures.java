package io.switchboard.chat.services.tests;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.testing.Services;

/** Customers to link conversations to, events. */
final class Fixtures {

    private Fixtures() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new stored customer with a unique e-mail address. */
    static Customer customer(String name) throws Exception {
        Customer customer = new Customer(name);
        customer.addContact(ContactKind.EMAIL, name.replaceAll("\\W", "").toLowerCase() + "." + unique() + "@example.com");
        return Services.get(CustomerRepository.class).save(customer);
    }

    /** A new stored customer with a chat handle (and no e-mail address). */
    static Customer customerWithChat(String name, String handle) throws Exception {
        Customer customer = new Customer(name);
        customer.addContact(ContactKind.CHAT, handle).setLabel("WeChat");
        return Services.get(CustomerRepository.class).save(customer);
    }

    static String email(Customer customer) {
        return customer.primary(ContactKind.EMAIL).orElseThrow().getValue();
    }

    static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(50);
        }
    }

    /** Collects the events posted on a topic until closed. */
    static final class Events implements AutoCloseable {
        private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        private final List<Event> seen = new ArrayList<>();
        private final ServiceRegistration<EventHandler> registration;

        Events(String topic) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(EventConstants.EVENT_TOPIC, topic);
            registration = context().registerService(EventHandler.class, received::add, properties);
        }

        /**
         * The next event about conversation {@code id} on {@code topic} (with {@code messageId} when not
         * {@code null}), waiting a few seconds; {@code null} if none came. Events passed over are kept for later
         * calls.
         */
        synchronized Event next(String topic, long id, Long messageId) throws InterruptedException {
            for (Event event : seen) {
                if (matches(event, topic, id, messageId)) {
                    seen.remove(event);
                    return event;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                Event event = received.poll(100, TimeUnit.MILLISECONDS);
                if (event == null) {
                    continue;
                }
                if (matches(event, topic, id, messageId)) {
                    return event;
                }
                seen.add(event);
            }
            return null;
        }

        private static boolean matches(Event event, String topic, long id, Long messageId) {
            return event.getTopic().equals(topic) && Long.valueOf(id).equals(event.getProperty("id"))
                    && (messageId == null || messageId.equals(event.getProperty("messageId")));
        }

        @Override
        public void close() {
            registration.unregister();
        }
    }
}
