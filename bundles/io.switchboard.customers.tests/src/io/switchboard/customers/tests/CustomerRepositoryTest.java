package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.Need;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.customers.Transaction;
import io.switchboard.store.Database;
import io.switchboard.testing.Services;

class CustomerRepositoryTest {

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Customer customer(String name, String email) {
        Customer customer = new Customer(name);
        if (email != null) {
            customer.addContact(ContactKind.EMAIL, email);
        }
        return customer;
    }

    @Test
    void savesAndLoadsTheWholeCustomer() throws Exception {
        CustomerRepository repository = Services.get(CustomerRepository.class);
        String id = unique();
        Customer customer = customer("\u738b\u5c0f\u660e", "Xiaoming." + id + "@Example.cn");
        customer.setCompany("Acme \u6709\u9650\u516c\u53f8");
        customer.setCountry("China");
        customer.setCity("Shanghai");
        customer.setLanguage("zh-CN");
        customer.addContact(ContactKind.MOBILE, "+86 138 0013 8000").setLabel("work");
        customer.addContact(ContactKind.CHAT, "xiaoming_wx").setLabel("WeChat");
        customer.getTags().addAll(Set.of("vip"));
        customer.getTags().add("VIP");
        customer.getCustomFields().put("loyalty", "gold");
        Transaction order = new Transaction();
        order.setReference("SO-1");
        order.setDate(LocalDate.of(2026, 11, 1));
        order.setAmount(new BigDecimal("199.90"));
        order.setCurrency("CNY");
        order.setStatus("paid");
        customer.getTransactions().add(order);
        Need need = new Need();
        need.setDescription("Invoice with tax number");
        customer.getNeeds().add(need);

        Customer saved = repository.save(customer);
        assertNotNull(saved.getId());
        assertEquals(1, saved.getVersion());
        assertNotNull(saved.getCreatedAt());
        Customer loaded = repository.find(saved.getId()).orElseThrow();
        assertEquals("\u738b\u5c0f\u660e", loaded.getName());
        assertEquals("Acme \u6709\u9650\u516c\u53f8", loaded.getCompany());
        assertEquals(3, loaded.getContactPoints().size());
        assertEquals("+86 138 0013 8000", loaded.primaryPhone().orElseThrow().getValue());
        assertEquals("work", loaded.primaryPhone().orElseThrow().getLabel());
        assertEquals(Set.of("vip"), loaded.getTags(), "tags differing only in case are one tag");
        assertEquals("gold", loaded.getCustomFields().get("loyalty"));
        assertEquals(1, loaded.getTransactions().size());
        assertEquals(0, new BigDecimal("199.9").compareTo(loaded.getTransactions().get(0).getAmount()));
        assertEquals(LocalDate.of(2026, 11, 1), loaded.getTransactions().get(0).getDate());
        assertEquals(Need.Status.OPEN, loaded.getNeeds().get(0).getStatus());
        assertEquals(saved.getId(), repository.findByEmail("XIAOMING." + id + "@example.CN").orElseThrow().getId());

        loaded.setCity("Beijing");
        loaded.getContactPoints().removeIf(p -> p.getKind() == ContactKind.CHAT);
        loaded.getNeeds().get(0).setStatus(Need.Status.MET);
        Customer updated = repository.save(loaded);
        assertEquals(2, updated.getVersion());
        assertEquals("Beijing", updated.getCity());
        assertEquals(2, updated.getContactPoints().size());
        assertEquals(loaded.getTransactions().get(0).getId(), updated.getTransactions().get(0).getId(),
                "children keep their ids across saves");
        assertEquals(Need.Status.MET, updated.getNeeds().get(0).getStatus());

        repository.delete(saved.getId());
        assertTrue(repository.find(saved.getId()).isEmpty());
        try (Connection connection = Services.get(Database.class).connect()) {
            assertEquals(0, StoreTest.single(connection,
                    "SELECT COUNT(*) FROM contact_points WHERE customer_id = " + saved.getId()));
            assertEquals(0, StoreTest.single(connection,
                    "SELECT COUNT(*) FROM transactions WHERE customer_id = " + saved.getId()));
        }
    }

    @Test
    void aStaleSaveFailsAndCarriesTheCurrentRecord() throws Exception {
        CustomerRepository repository = Services.get(CustomerRepository.class);
        Customer saved = repository.save(customer("Ada Lovelace", "ada." + unique() + "@example.org"));
        Customer mine = repository.find(saved.getId()).orElseThrow();
        Customer theirs = repository.find(saved.getId()).orElseThrow();
        theirs.setCompany("Analytical Engines Ltd");
        repository.save(theirs);
        mine.setCompany("Difference Engines plc");
        StaleCustomerException stale = assertThrows(StaleCustomerException.class, () -> repository.save(mine));
        assertEquals("Analytical Engines Ltd", stale.current().getCompany());
        assertEquals(2, stale.current().getVersion());
        assertEquals("Analytical Engines Ltd", repository.find(saved.getId()).orElseThrow().getCompany(),
                "nothing was overwritten");
    }

    @Test
    void invalidFieldsAreRefusedWithTheFieldNamed() {
        CustomerRepository repository = Services.get(CustomerRepository.class);
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> repository.save(customer("  ", "x@example.org")));
        assertTrue(noName.getMessage().startsWith("name"), noName.getMessage());
        IllegalArgumentException badEmail = assertThrows(IllegalArgumentException.class,
                () -> repository.save(customer("Bob", "bob@@example")));
        assertTrue(badEmail.getMessage().startsWith("email"), badEmail.getMessage());
        Customer badPhone = customer("Bob", null);
        badPhone.addContact(ContactKind.MOBILE, "call me maybe");
        IllegalArgumentException phone = assertThrows(IllegalArgumentException.class, () -> repository.save(badPhone));
        assertTrue(phone.getMessage().startsWith("phone"), phone.getMessage());
        Customer longCity = customer("Bob", null);
        longCity.setCity("x".repeat(101));
        IllegalArgumentException city = assertThrows(IllegalArgumentException.class, () -> repository.save(longCity));
        assertTrue(city.getMessage().startsWith("city"), city.getMessage());
        // Custom fields share one column of the customer's row: too many long ones together are refused whole.
        Customer manyFields = customer("Bob", null);
        for (int i = 0; i < 40; i++) {
            manyFields.getCustomFields().put("field " + i, "v".repeat(1000));
        }
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> repository.save(manyFields));
        assertTrue(fields.getMessage().startsWith("customFields"), fields.getMessage());
    }

    @Test
    void customFieldsKeepTheirOrderAndAnyCharacters() throws Exception {
        // The row keeps the fields in one column, with control characters as separators: values holding those
        // characters, '=' signs, new lines and no value at all come back as they were, and filters still match.
        CustomerRepository repository = Services.get(CustomerRepository.class);
        String tag = "Field-" + unique();
        Customer customer = customer("Field Tester", null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("zeta", "last=first");
        fields.put(tag, "a\u001Eb\u001Fc\u0010d");
        fields.put("multi\nline", "x\ny");
        fields.put("empty", null);
        fields.put("alpha", "\u0010");
        customer.setCustomFields(fields);
        Customer saved = repository.save(customer);
        Customer loaded = repository.find(saved.getId()).orElseThrow();
        assertEquals(fields, loaded.getCustomFields());
        assertEquals(new ArrayList<>(fields.keySet()), new ArrayList<>(loaded.getCustomFields().keySet()));
        assertEquals(1, repository.count(CustomerQuery.ALL.withField(tag.toUpperCase(Locale.ROOT),
                "A\u001EB\u001FC\u0010D")));
        assertEquals(0, repository.count(CustomerQuery.ALL.withField(tag, "a\u001Eb")));
    }

    @Test
    void changesAreAnnouncedOnTheCustomerTopics() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] { SwitchboardTopics.CUSTOMER_ALL,
                SwitchboardTopics.TIMELINE_ALL });
        ServiceRegistration<EventHandler> registration = Services.context().registerService(EventHandler.class,
                events::add, properties);
        try {
            CustomerRepository repository = Services.get(CustomerRepository.class);
            Customer saved = repository.save(customer("Grace Hopper", "grace." + unique() + "@example.org"));
            Event created = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(created, "no event");
            assertEquals(SwitchboardTopics.CUSTOMER_CREATED, created.getTopic());
            assertEquals(saved.getId(), created.getProperty(SwitchboardTopics.PROPERTY_ID));

            Interaction call = new Interaction();
            call.setCustomerId(saved.getId());
            call.setChannel(Interaction.Channel.PHONE);
            call.setDirection(Interaction.Direction.INBOUND);
            call.setSummary("Asked about COBOL");
            Services.get(InteractionLog.class).append(call);
            Event timeline = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(timeline, "no timeline event");
            assertEquals(SwitchboardTopics.TIMELINE_ADDED, timeline.getTopic());

            repository.delete(saved.getId());
            Event deleted = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(deleted, "no delete event");
            assertEquals(SwitchboardTopics.CUSTOMER_DELETED, deleted.getTopic());
        } finally {
            registration.unregister();
        }
    }

    @Test
    void timelineIsNewestFirstThroughJpaAndGoesWithTheCustomer() throws Exception {
        CustomerRepository repository = Services.get(CustomerRepository.class);
        InteractionLog log = Services.get(InteractionLog.class);
        Customer saved = repository.save(customer("Linus", "linus." + unique() + "@example.org"));
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            Interaction entry = new Interaction();
            entry.setCustomerId(saved.getId());
            entry.setChannel(i % 2 == 0 ? Interaction.Channel.MAIL : Interaction.Channel.CHAT);
            entry.setDirection(Interaction.Direction.INBOUND);
            entry.setOccurredAt(start.plusSeconds(i * 60L));
            entry.setSummary("message " + i);
            entry.setBody("\u4f60\u597d " + i);
            entry.setReference("ref-" + i);
            assertNotNull(log.append(entry).getId());
        }
        assertEquals(5, log.count(saved.getId()));
        List<Interaction> page = log.timeline(saved.getId(), 1, 2);
        assertEquals(List.of("message 3", "message 2"), page.stream().map(Interaction::getSummary).toList());
        assertEquals(start.plusSeconds(180), page.get(0).getOccurredAt());
        assertEquals(Interaction.Channel.CHAT, page.get(0).getChannel());
        assertEquals("\u4f60\u597d 3", page.get(0).getBody());

        Interaction orphan = new Interaction();
        orphan.setCustomerId(-42);
        orphan.setChannel(Interaction.Channel.NOTE);
        orphan.setDirection(Interaction.Direction.INTERNAL);
        assertThrows(IllegalArgumentException.class, () -> log.append(orphan));

        repository.delete(saved.getId());
        assertEquals(0, log.count(saved.getId()));
        assertFalse(repository.find(saved.getId()).isPresent());
    }
}
