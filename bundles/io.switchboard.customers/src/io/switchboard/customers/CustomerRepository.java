package io.switchboard.customers;

import java.util.List;
import java.util.function.Predicate;
import java.util.Optional;

/**
 * The customer store. Every write is one transaction; readers never see half a change. Changes are announced on
 * the {@code io/switchboard/customer/*} topics of {@link io.switchboard.core.SwitchboardTopics}.
 */
public interface CustomerRepository {

    /** The whole customer: contact points, transactions, needs, tags and custom fields. */
    Optional<Customer> find(long id);

    /** The customer one of whose e-mail addresses is {@code email} (ignoring case). */
    Optional<Customer> findByEmail(String email);

    /**
     * Stores a new customer (no id) or the changes to an existing one and returns it as stored, with its id and
     * new version.
     *
     * @throws StaleCustomerException   if someone else saved the customer since {@code customer} was loaded
     * @throws IllegalArgumentException if a field is invalid (no name, malformed e-mail or phone); the message
     *                                  names the field
     */
    Customer save(Customer customer) throws StaleCustomerException;

    /** Deletes the customer with everything that belongs to them, timeline included. */
    void delete(long id);

    /** One page of customers matching the query, in its order. */
    List<CustomerSummary> list(CustomerQuery query);

    /**
     * Every customer matching the query, in its order, handed to {@code page} one page of {@code query.limit()}
     * customers at a time (the offset is ignored) until there are no more or {@code page} returns {@code false}.
     * Each page continues after the last customer of the page before instead of skipping an offset, so listing
     * a million customers costs about as much per page at the end as at the start.
     */
    default void scan(CustomerQuery query, Predicate<List<CustomerSummary>> page) {
        int size = Math.max(1, query.limit());
        for (int offset = 0;; offset += size) {
            List<CustomerSummary> customers = list(query.page(offset, size));
            if (customers.isEmpty() || !page.test(customers) || customers.size() < size) {
                return;
            }
        }
    }

    /** How many customers match the query (paging ignored). */
    long count(CustomerQuery query);

    /** Every country that some customer is in, sorted, for filters. */
    List<String> countries();
}
