package io.switchboard.customers.ui.tests;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.core.Progress;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerExporter;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.DuplicateFinder;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.Need;
import io.switchboard.customers.StaleCustomerException;
import io.switchboard.customers.Transaction;

/**
 * The customer services in memory, registered by the tests only when no store bundle provides them, so the UI
 * tests run before the store exists. Behaves like the contract says: versions, stale saves, events.
 */
final class InMemoryCustomers implements CustomerRepository, InteractionLog, CustomerMerger, DuplicateFinder,
        CustomerImporter, CustomerExporter {

    private final Map<Long, Customer> customers = new TreeMap<>();
    private final Map<Long, List<Interaction>> timelines = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Registers the fake unless a real repository is there; returns whether it did. */
    static boolean registerIfMissing() {
        BundleContext context = FrameworkUtil.getBundle(InMemoryCustomers.class).getBundleContext();
        if (context.getServiceReference(CustomerRepository.class) != null) {
            return false;
        }
        InMemoryCustomers fake = new InMemoryCustomers();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, -100);
        ServiceRegistration<?> registration = context.registerService(new String[] {
                CustomerRepository.class.getName(), InteractionLog.class.getName(), CustomerMerger.class.getName(),
                DuplicateFinder.class.getName(), CustomerImporter.class.getName(), CustomerExporter.class.getName() },
                fake, properties);
        return registration != null;
    }

    private synchronized void post(String topic, long id) {
        BundleContext context = FrameworkUtil.getBundle(InMemoryCustomers.class).getBundleContext();
        ServiceReference<EventAdmin> reference = context.getServiceReference(EventAdmin.class);
        if (reference != null) {
            EventAdmin admin = context.getService(reference);
            admin.postEvent(new Event(topic, Map.of(SwitchboardTopics.PROPERTY_ID, id)));
            context.ungetService(reference);
        }
    }

    @Override
    public synchronized Optional<Customer> find(long id) {
        return Optional.ofNullable(customers.get(id)).map(InMemoryCustomers::copy);
    }

    @Override
    public synchronized Optional<Customer> findByEmail(String email) {
        return customers.values().stream().filter(c -> c.getContactPoints().stream()
                .anyMatch(p -> p.getKind() == ContactKind.EMAIL && p.getValue().equalsIgnoreCase(email)))
                .findFirst().map(InMemoryCustomers::copy);
    }

    @Override
    public Customer save(Customer customer) throws StaleCustomerException {
        Customer saved;
        boolean created;
        synchronized (this) {
            if (customer.getName() == null || customer.getName().isBlank()) {
                throw new IllegalArgumentException("name: required");
            }
            Instant now = Instant.now();
            Customer stored = customer.getId() == null ? null : customers.get(customer.getId());
            created = stored == null;
            saved = copy(customer);
            if (created) {
                saved.setId(customer.getId() == null ? ids.incrementAndGet() : customer.getId());
                saved.setCreatedAt(now);
                saved.setVersion(1);
            } else {
                if (stored.getVersion() != customer.getVersion()) {
                    throw new StaleCustomerException(copy(stored));
                }
                saved.setCreatedAt(stored.getCreatedAt());
                saved.setVersion(stored.getVersion() + 1);
            }
            saved.setUpdatedAt(now);
            customers.put(saved.getId(), saved);
        }
        post(created ? SwitchboardTopics.CUSTOMER_CREATED : SwitchboardTopics.CUSTOMER_UPDATED, saved.getId());
        return copy(saved);
    }

    @Override
    public void delete(long id) {
        synchronized (this) {
            customers.remove(id);
            timelines.remove(id);
        }
        post(SwitchboardTopics.CUSTOMER_DELETED, id);
    }

    private List<Customer> matching(CustomerQuery query) {
        Comparator<Customer> order = Comparator.comparing(sortKey(query.sort()),
                Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        if (!query.ascending()) {
            order = order.reversed();
        }
        return customers.values().stream().filter(c -> matches(c, query)).sorted(order.thenComparing(Customer::getId))
                .toList();
    }

    private static Function<Customer, String> sortKey(CustomerQuery.Sort sort) {
        return switch (sort) {
        case NAME -> Customer::getName;
        case COMPANY -> Customer::getCompany;
        case COUNTRY -> Customer::getCountry;
        case CITY -> Customer::getCity;
        case CREATED -> c -> String.valueOf(c.getCreatedAt());
        case UPDATED -> c -> String.valueOf(c.getUpdatedAt());
        };
    }

    private static boolean matches(Customer c, CustomerQuery query) {
        if (query.country() != null && !query.country().equalsIgnoreCase(String.valueOf(c.getCountry()))) {
            return false;
        }
        if (query.text() == null) {
            return true;
        }
        String text = query.text().toLowerCase(Locale.ROOT);
        List<String> haystack = new ArrayList<>();
        haystack.add(c.getName());
        haystack.add(c.getCompany());
        c.getContactPoints().forEach(p -> haystack.add(p.getValue()));
        return haystack.stream().anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(text));
    }

    @Override
    public synchronized List<CustomerSummary> list(CustomerQuery query) {
        return matching(query).stream().skip(query.offset()).limit(query.limit()).map(InMemoryCustomers::summary)
                .toList();
    }

    @Override
    public synchronized long count(CustomerQuery query) {
        return matching(query).size();
    }

    @Override
    public synchronized List<String> countries() {
        TreeSet<String> countries = new TreeSet<>();
        customers.values().forEach(c -> {
            if (c.getCountry() != null) {
                countries.add(c.getCountry());
            }
        });
        return List.copyOf(countries);
    }

    static CustomerSummary summary(Customer c) {
        return new CustomerSummary(c.getId(), c.getName(), c.getCompany(), c.getCountry(), c.getCity(),
                c.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(null),
                c.primaryPhone().map(ContactPoint::getValue).orElse(null), c.getUpdatedAt());
    }

    @Override
    public synchronized Interaction append(Interaction interaction) {
        interaction.setId(ids.incrementAndGet());
        timelines.computeIfAbsent(interaction.getCustomerId(), k -> new ArrayList<>()).add(interaction);
        return interaction;
    }

    @Override
    public synchronized List<Interaction> timeline(long customerId, int offset, int limit) {
        return timelines.getOrDefault(customerId, List.of()).stream()
                .sorted(Comparator.comparing(Interaction::getOccurredAt).reversed()).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long count(long customerId) {
        return timelines.getOrDefault(customerId, List.of()).size();
    }

    @Override
    public Customer merge(long keptId, long otherId, Map<Field, Side> choices) throws StaleCustomerException {
        Customer merged;
        synchronized (this) {
            Customer kept = customers.get(keptId);
            Customer other = customers.get(otherId);
            for (Map.Entry<Field, Side> choice : choices.entrySet()) {
                if (choice.getValue() == Side.OTHER) {
                    switch (choice.getKey()) {
                    case NAME -> kept.setName(other.getName());
                    case COMPANY -> kept.setCompany(other.getCompany());
                    case COUNTRY -> kept.setCountry(other.getCountry());
                    case CITY -> kept.setCity(other.getCity());
                    case LANGUAGE -> kept.setLanguage(other.getLanguage());
                    }
                }
            }
            kept.getContactPoints().addAll(other.getContactPoints());
            kept.getTransactions().addAll(other.getTransactions());
            kept.getNeeds().addAll(other.getNeeds());
            kept.getTags().addAll(other.getTags());
            other.getCustomFields().forEach(kept.getCustomFields()::putIfAbsent);
            timelines.computeIfAbsent(keptId, k -> new ArrayList<>()).addAll(timelines.getOrDefault(otherId, List.of()));
            timelines.remove(otherId);
            customers.remove(otherId);
            kept.setVersion(kept.getVersion() + 1);
            kept.setUpdatedAt(Instant.now());
            merged = copy(kept);
        }
        post(SwitchboardTopics.CUSTOMER_DELETED, otherId);
        post(SwitchboardTopics.CUSTOMER_UPDATED, keptId);
        return merged;
    }

    @Override
    public synchronized List<DuplicateGroup> findDuplicates(Progress progress) {
        Map<String, List<CustomerSummary>> byEmail = new LinkedHashMap<>();
        for (Customer c : customers.values()) {
            c.primary(ContactKind.EMAIL).ifPresent(p -> byEmail
                    .computeIfAbsent(p.getValue().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(summary(c)));
        }
        List<DuplicateGroup> groups = new ArrayList<>();
        byEmail.forEach((email, list) -> {
            if (list.size() > 1) {
                groups.add(new DuplicateGroup(Reason.SAME_EMAIL, email, list));
            }
        });
        return groups;
    }

    @Override
    public List<DuplicateGroup> duplicatesOf(long customerId) {
        return findDuplicates(Progress.NONE).stream()
                .filter(g -> g.customers().stream().anyMatch(c -> c.id() == customerId)).toList();
    }

    @Override
    public ImportResult importCsv(Path file, boolean dryRun, RejectListener rejects, Progress progress)
            throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        long imported = 0;
        long rejected = 0;
        progress.begin("Importing " + file.getFileName(), lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String[] values = lines.get(i).split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int j = 0; j < header.length && j < values.length; j++) {
                row.put(header[j].trim().toLowerCase(Locale.ROOT), values[j].trim());
            }
            String email = row.getOrDefault("email", "");
            if (row.getOrDefault("name", "").isBlank()) {
                rejects.rejected(i + 1, "name is empty");
                rejected++;
            } else if (!email.isEmpty() && !email.contains("@")) {
                rejects.rejected(i + 1, "email: not an e-mail address: " + email);
                rejected++;
            } else if (!dryRun) {
                Customer c = new Customer(row.get("name"));
                c.setCompany(row.get("company"));
                c.setCountry(row.get("country"));
                c.setCity(row.get("city"));
                if (!email.isEmpty()) {
                    c.addContact(ContactKind.EMAIL, email);
                }
                if (!row.getOrDefault("phone", "").isEmpty()) {
                    c.addContact(ContactKind.MOBILE, row.get("phone"));
                }
                try {
                    save(c);
                } catch (StaleCustomerException e) {
                    throw new IllegalStateException(e);
                }
                imported++;
            }
            progress.worked(i);
        }
        return new ImportResult(imported, 0, 0, rejected);
    }

    @Override
    public long exportCsv(CustomerQuery query, Writer out, Progress progress) throws IOException {
        List<CustomerSummary> rows = list(query.page(0, Integer.MAX_VALUE));
        out.write("name,email,phone,country,city,company\n");
        for (CustomerSummary c : rows) {
            out.write(String.join(",", n(c.name()), n(c.email()), n(c.phone()), n(c.country()), n(c.city()),
                    n(c.company())) + "\n");
        }
        return rows.size();
    }

    private static String n(String value) {
        return value == null ? "" : value;
    }

    static Customer copy(Customer source) {
        Customer c = new Customer(source.getName());
        c.setId(source.getId());
        c.setVersion(source.getVersion());
        c.setCompany(source.getCompany());
        c.setCountry(source.getCountry());
        c.setCity(source.getCity());
        c.setLanguage(source.getLanguage());
        c.setCreatedAt(source.getCreatedAt());
        c.setUpdatedAt(source.getUpdatedAt());
        c.setTags(new LinkedHashSet<>(source.getTags()));
        c.setCustomFields(new LinkedHashMap<>(source.getCustomFields()));
        for (ContactPoint p : source.getContactPoints()) {
            ContactPoint q = new ContactPoint(p.getKind(), p.getValue());
            q.setId(p.getId());
            q.setLabel(p.getLabel());
            q.setPrimary(p.isPrimary());
            c.getContactPoints().add(q);
        }
        for (Transaction t : source.getTransactions()) {
            Transaction u = new Transaction();
            u.setId(t.getId());
            u.setReference(t.getReference());
            u.setDate(t.getDate());
            u.setAmount(t.getAmount());
            u.setCurrency(t.getCurrency());
            u.setStatus(t.getStatus());
            u.setDescription(t.getDescription());
            c.getTransactions().add(u);
        }
        for (Need n : source.getNeeds()) {
            Need m = new Need();
            m.setId(n.getId());
            m.setDescription(n.getDescription());
            m.setStatus(n.getStatus());
            m.setCreatedAt(n.getCreatedAt());
            c.getNeeds().add(m);
        }
        return c;
    }
}
