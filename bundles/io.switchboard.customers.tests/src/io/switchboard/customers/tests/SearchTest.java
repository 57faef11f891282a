package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerQuery.Sort;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.store.Database;
import io.switchboard.testing.Services;

/**
 * Every customer here carries this run's tag, so the queries see only them even though the data folder is
 * shared with the other tests.
 */
class SearchTest {

    static final String TAG = "search-" + CustomerRepositoryTest.unique();
    static CustomerRepository repository;

    static CustomerQuery ours() {
        return CustomerQuery.ALL.withTag(TAG).page(0, 1000);
    }

    static Customer add(String name, String email, String phone, String company, String country, String city)
            throws Exception {
        Customer customer = new Customer(name);
        customer.setCompany(company);
        customer.setCountry(country);
        customer.setCity(city);
        if (email != null) {
            customer.addContact(ContactKind.EMAIL, email);
        }
        if (phone != null) {
            customer.addContact(ContactKind.MOBILE, phone);
        }
        customer.getTags().add(TAG);
        return repository.save(customer);
    }

    @BeforeAll
    static void data() throws Exception {
        repository = Services.get(CustomerRepository.class);
        String u = TAG.substring(7);
        add("\u738b\u5c0f\u660e", "wang." + u + "@example.cn", "+86 138 0013 8000", "\u534e\u4e3a", "China", "Shenzhen");
        add("\u674e\u534e", "li." + u + "@example.cn", "13912345678", "Tencent", "China", "Shenzhen");
        add("Jane O'Brien", "jane." + u + "@example.ie", "+353 1 234 5678", "100% Organic", "Ireland", "Dublin");
        add("John Smith", "john_smith." + u + "@example.com", "(555) 010-9999", "Smith & Sons", "USA", "Boston");
        add("Robert'); DROP TABLE customers;--", null, null, "Bobby Tables Inc", "USA", "Boston");
        add("Zoe Zhang", "zoe." + u + "@example.com", null, "50_50 Ventures", "Germany", "Berlin");
        Customer vip = add("Anna M\u00fcller", "anna." + u + "@example.de", null, "M\u00fcller GmbH", "Germany", "Berlin");
        vip.getCustomFields().put("Tier", "Gold");
        repository.save(vip);
    }

    static List<String> names(CustomerQuery query) {
        return repository.list(query).stream().map(CustomerSummary::name).toList();
    }

    static Set<String> found(String text) {
        return new TreeSet<>(names(ours().withText(text)));
    }

    @Test
    void findsByPrefixAndInfixOfNamesCompaniesEmailsAndPhones() {
        assertEquals(Set.of("John Smith"), found("joh"));
        assertEquals(Set.of("John Smith"), found("MITH"));
        assertEquals(Set.of("\u738b\u5c0f\u660e"), found("\u5c0f\u660e"), "Chinese name by part of the name");
        assertEquals(Set.of("\u738b\u5c0f\u660e"), found("\u534e\u4e3a"), "Chinese company");
        assertEquals(Set.of("Anna M\u00fcller"), found("M\u00dcLLER GMBH"));
        assertEquals(Set.of("Zoe Zhang"), found("ZOE." + TAG.substring(7) + "@EXAMPLE"));
        assertEquals(Set.of("Jane O'Brien"), found("example.ie"));
        assertEquals(Set.of("\u738b\u5c0f\u660e"), found("138-0013"), "phone by digits, whatever the separators");
        assertEquals(Set.of("\u738b\u5c0f\u660e"), found("+86 138"));
        assertEquals(Set.of("\u674e\u534e"), found("139123"));
        assertEquals(Set.of("John Smith"), found("555 010"));
        assertEquals(Set.of("Jane O'Brien"), found("o'brien organic"), "every word matches somewhere");
        assertEquals(Set.of(), found("john tables"), "words must all match the same customer");
    }

    @Test
    void quotesWildcardsAndSqlAreJustText() {
        assertEquals(Set.of("Jane O'Brien"), found("O'Brien"));
        assertEquals(Set.of("Jane O'Brien"), found("100%"));
        assertEquals(Set.of("Jane O'Brien"), found("%"), "a lone % matches only a literal %");
        assertEquals(Set.of(), found("1%c"), "% is not a wildcard");
        assertEquals(Set.of("Zoe Zhang"), found("50_50"));
        assertEquals(Set.of(), found("o_b"), "_ is not a wildcard (it would match o'b)");
        assertEquals(Set.of("John Smith"), found("n_s"));
        assertEquals(Set.of("Robert'); DROP TABLE customers;--"), found("'); DROP TABLE customers;--"));
        assertEquals(Set.of(), found("' OR '1'='1"));
        assertTrue(repository.count(CustomerQuery.ALL) >= 7, "the table is still there");
    }

    @Test
    void filtersMatchExactlyIgnoringCase() {
        assertEquals(Set.of("\u738b\u5c0f\u660e", "\u674e\u534e"), new TreeSet<>(names(ours().withCountry("china"))));
        assertEquals(List.of("John Smith", "Robert'); DROP TABLE customers;--"),
                names(ours().withCity("BOSTON").sortedBy(Sort.NAME, true)));
        assertEquals(List.of(), names(ours().withCity("Bost")), "filters are not prefixes");
        assertEquals(List.of("Anna M\u00fcller"), names(ours().withField("tier", "GOLD")));
        assertEquals(2, repository.count(ours().withCountry("Germany")));
        assertEquals(0, repository.count(ours().withField("tier", "silver")));
        assertTrue(repository.countries().containsAll(List.of("China", "Germany", "Ireland", "USA")));
    }

    @Test
    void sortsAndPages() {
        List<String> all = names(ours().sortedBy(Sort.NAME, true));
        assertEquals(7, all.size());
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, all);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            paged.addAll(names(ours().sortedBy(Sort.NAME, true).page(offset, 3)));
        }
        assertEquals(all, paged);
        List<String> descending = names(ours().sortedBy(Sort.COMPANY, false));
        assertEquals("\u534e\u4e3a", repository.list(ours().sortedBy(Sort.COMPANY, false).page(0, 1)).get(0).company(),
                descending.toString());
        assertEquals(7, repository.count(ours().page(5, 1)), "count ignores paging");
        CustomerSummary wang = repository.list(ours().withText("\u5c0f\u660e")).get(0);
        assertEquals("wang." + TAG.substring(7) + "@example.cn", wang.email());
        assertEquals("+86 138 0013 8000", wang.phone());
    }

    @Test
    void countryFilterReturnsWhatThePlainSqlReturns() throws Exception {
        Set<Long> sql = new TreeSet<>();
        try (Connection connection = Services.get(Database.class).connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM customers WHERE country = 'China'")) {
            while (rows.next()) {
                sql.add(rows.getLong("id"));
            }
        }
        Set<Long> service = new TreeSet<>();
        for (CustomerSummary summary : repository.list(CustomerQuery.ALL.withCountry("China").page(0, 100_000))) {
            service.add(summary.id());
        }
        assertTrue(sql.size() >= 2);
        assertEquals(sql, service);
    }
}
