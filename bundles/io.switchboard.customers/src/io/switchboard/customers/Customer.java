package io.switchboard.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A customer with everything an agent needs at hand: who they are, how to reach them, what they bought and
 * what they still need. The timeline is kept apart ({@link InteractionLog}) because it grows without bound.
 *
 * <p>{@link #getVersion()} guards against lost updates: saving a customer that someone else saved in the
 * meantime fails with {@link StaleCustomerException} instead of overwriting their change.
 */
public class Customer {

    private Long id;
    private long version;
    private String name;
    private String company;
    private String country;
    private String city;
    /** BCP 47 language tag, e.g. {@code en} or {@code zh-CN}; empty when unknown. */
    private String language;
    private Set<String> tags = new LinkedHashSet<>();
    private Map<String, String> customFields = new LinkedHashMap<>();
    private Instant createdAt;
    private Instant updatedAt;
    private List<ContactPoint> contactPoints = new ArrayList<>();
    private List<Transaction> transactions = new ArrayList<>();
    private List<Need> needs = new ArrayList<>();

    public Customer() {
    }

    public Customer(String name) {
        this.name = name;
    }

    /** The primary contact point of a kind, else the first of that kind. */
    public Optional<ContactPoint> primary(ContactKind kind) {
        ContactPoint first = null;
        for (ContactPoint point : contactPoints) {
            if (point.getKind() == kind) {
                if (point.isPrimary()) {
                    return Optional.of(point);
                }
                if (first == null) {
                    first = point;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** The primary phone, mobile before landline. */
    public Optional<ContactPoint> primaryPhone() {
        Optional<ContactPoint> mobile = primary(ContactKind.MOBILE);
        return mobile.isPresent() ? mobile : primary(ContactKind.LANDLINE);
    }

    /** Adds a contact point; the first of its kind becomes primary. */
    public ContactPoint addContact(ContactKind kind, String value) {
        ContactPoint point = new ContactPoint(kind, value);
        point.setPrimary(primary(kind).isEmpty());
        contactPoints.add(point);
        return point;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Set<String> getTags() { return tags; }
    public void setTags(Set<String> tags) { this.tags = tags; }
    public Map<String, String> getCustomFields() { return customFields; }
    public void setCustomFields(Map<String, String> customFields) { this.customFields = customFields; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public List<ContactPoint> getContactPoints() { return contactPoints; }
    public void setContactPoints(List<ContactPoint> contactPoints) { this.contactPoints = contactPoints; }
    public List<Transaction> getTransactions() { return transactions; }
    public void setTransactions(List<Transaction> transactions) { this.transactions = transactions; }
    public List<Need> getNeeds() { return needs; }
    public void setNeeds(List<Need> needs) { this.needs = needs; }

    @Override
    public String toString() {
        return "Customer[" + id + " " + name + "]";
    }
}
