package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.testing.Services;

/**
 * The customers and their contact points are written by the editor's save, the batched import, the bulk import and
 * the merge: each must store the same columns, so that a customer does not lose its language or a phone its label
 * depending on how it came in.
 */
class RowWritersTest {

    /** Columns that differ from customer to customer whatever the path. */
    static final Set<String> OWN = Set.of("ID", "CUSTOMER_ID", "VERSION", "CREATED_AT", "UPDATED_AT");

    @TempDir
    Path temp;

    /** Every stored column of the customer's row and of its contact points, by name, ids and times left out. */
    static String stored(CustomerStore store, long id) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = store.database().connect()) {
            text.append(rows(connection, "SELECT * FROM customers WHERE id = ?", id));
            text.append(rows(connection, "SELECT * FROM contact_points WHERE customer_id = ? ORDER BY sort_order", id));
        }
        return text.toString();
    }

    private static String rows(Connection connection, String sql, long id) throws Exception {
        StringBuilder text = new StringBuilder();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                ResultSetMetaData meta = row.getMetaData();
                while (row.next()) {
                    Map<String, Object> columns = new TreeMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (!OWN.contains(meta.getColumnName(i))) {
                            columns.put(meta.getColumnName(i), row.getObject(i));
                        }
                    }
                    text.append(columns).append('\n');
                }
            }
        }
        return text.toString();
    }

    @Test
    void editorBatchedImportAndBulkImportStoreTheSameColumns() throws Exception {
        Path csv = Files.writeString(temp.resolve("li.csv"), "name,email,phone,country,city,company,language,tier\n"
                + "\u674e\u4f1f,li.wei@example.cn,+86 138 0013 8000,China,Shanghai,Acme,zh-CN,gold\n",
                StandardCharsets.UTF_8);
        try (DerbyDatabase editorDb = new DerbyDatabase(temp.resolve("editor"));
                DerbyDatabase batchDb = new DerbyDatabase(temp.resolve("batches"));
                DerbyDatabase bulkDb = new DerbyDatabase(temp.resolve("bulk"))) {
            CustomerStore editor = new CustomerStore(editorDb, Events.NONE);
            Customer li = new Customer("\u674e\u4f1f");
            li.setCountry("China");
            li.setCity("Shanghai");
            li.setCompany("Acme");
            li.setLanguage("zh-CN");
            li.addContact(ContactKind.EMAIL, "li.wei@example.cn");
            li.addContact(ContactKind.MOBILE, "+86 138 0013 8000");
            li.getCustomFields().put("tier", "gold");
            long saved = editor.save(li).getId();

            CustomerStore batches = new CustomerStore(batchDb, Events.NONE);
            new CsvImport(batches, 100, Long.MAX_VALUE).importCsv(csv, false, null, Progress.NONE);
            CustomerStore bulk = new CustomerStore(bulkDb, Events.NONE);
            new CsvImport(bulk, 100, 1).importCsv(csv, false, null, Progress.NONE);

            String expected = stored(editor, saved);
            assertEquals(expected, stored(batches, batches.findByEmail("li.wei@example.cn").orElseThrow().getId()),
                    "the batched import");
            assertEquals(expected, stored(bulk, bulk.findByEmail("li.wei@example.cn").orElseThrow().getId()),
                    "the bulk import");
            assertEquals("zh-CN", bulk.findByEmail("li.wei@example.cn").orElseThrow().getLanguage());
        }
    }

    @Test
    void anImportAndAMergeKeepLanguageAndLabels() throws Exception {
        String u = CustomerRepositoryTest.unique();
        CustomerRepository repository = Services.get(CustomerRepository.class);
        Customer kept = new Customer("Label Keeper " + u);
        kept.setLanguage("de");
        kept.addContact(ContactKind.EMAIL, "keeper." + u + "@example.de").setLabel("work");
        kept = repository.save(kept);
        Customer other = new Customer("Label Other " + u);
        other.addContact(ContactKind.CHAT, "other" + u).setLabel("WeChat");
        other = repository.save(other);

        Path csv = Files.writeString(temp.resolve("keeper.csv"), "name,email,phone,city\nLabel Keeper " + u
                + ",keeper." + u + "@example.de,+49 30 1234 5678,Berlin\n", StandardCharsets.UTF_8);
        Services.get(CustomerImporter.class).importCsv(csv, false, null, Progress.NONE);
        Customer imported = repository.find(kept.getId()).orElseThrow();
        assertEquals("Berlin", imported.getCity());
        assertEquals("de", imported.getLanguage(), "a file without the column keeps the language");
        assertEquals("work", imported.primary(ContactKind.EMAIL).map(ContactPoint::getLabel).orElse(null));

        Customer merged = Services.get(CustomerMerger.class).merge(kept.getId(), other.getId(), Map.of());
        assertEquals("de", merged.getLanguage());
        assertEquals("work", merged.primary(ContactKind.EMAIL).map(ContactPoint::getLabel).orElse(null));
        assertEquals("WeChat", merged.primary(ContactKind.CHAT).map(ContactPoint::getLabel).orElse(null));
        assertEquals("+49 30 1234 5678", merged.primaryPhone().map(ContactPoint::getValue).orElse(null));
    }
}
