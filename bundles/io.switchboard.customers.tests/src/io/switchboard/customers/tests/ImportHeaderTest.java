package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.LineRange;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.store.Database;
import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.testing.Services;

/**
 * Headers as people write them (other spellings, Chinese, custom columns, a column twice) and files imported
 * again: the same rows never make a second customer, whether they have an e-mail address or only a phone, in the
 * batched and in the bulk import alike.
 */
class ImportHeaderTest {

    @TempDir
    Path temp;

    final String u = CustomerRepositoryTest.unique();
    final List<String> rejects = new ArrayList<>();
    final List<String> customColumns = new ArrayList<>();
    final CustomerImporter.RejectListener listener = new CustomerImporter.RejectListener() {
        @Override
        public void rejected(long line, String reason) {
            rejects.add(line + ": " + reason);
        }

        @Override
        public void keptAsCustomField(String column) {
            customColumns.add(column);
        }
    };

    Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    ImportResult importFile(Path file) throws IOException {
        return Services.get(CustomerImporter.class).importCsv(file, false, listener, Progress.NONE);
    }

    /** A different number each call (with the test's own prefix), so tests sharing the store do not meet. */
    String phone(int n) {
        return "+1 555 " + Math.abs(u.hashCode() % 1000) + " " + (1000 + n);
    }

    static long customersWithPhone(String phone) throws Exception {
        try (Connection connection = Services.get(Database.class).connect()) {
            return StoreTest.single(connection, "SELECT COUNT(DISTINCT customer_id) FROM contact_points"
                    + " WHERE contact_key = '" + phone.replaceAll("[^0-9]", "") + "' AND kind = 'MOBILE'");
        }
    }

    @Test
    void aFileWithEMailAndPhoneHeadersImportedTwiceIsOneCustomerWithItsEmail() throws Exception {
        Path file = write("people.csv", "Name,E-Mail,Phone\nEmma " + u + ",emma." + u + "@example.org," + phone(1)
                + "\n");
        assertEquals(new ImportResult(1, 0, 0, 0), importFile(file), rejects.toString());
        assertEquals(new ImportResult(0, 0, 1, 0, List.of(new LineRange(2, 2))), importFile(file), rejects.toString());
        Customer emma = Services.get(CustomerRepository.class).findByEmail("emma." + u + "@example.org").orElseThrow();
        assertEquals(phone(1), emma.primaryPhone().map(ContactPoint::getValue).orElse(null));
        assertTrue(emma.getCustomFields().isEmpty(), emma.getCustomFields().toString());
        assertEquals(1, ImportTest.customersWithEmail("emma." + u + "@example.org"));
        assertEquals(List.of(), customColumns, "every column was recognised");
    }

    @Test
    void commonSpellingsAndChineseHeadersAreRecognised() throws Exception {
        Path english = write("english.csv", "Full Name, Email Address ,Mobile Phone,Organisation,Town,Country\n"
                + "Oscar " + u + ",oscar." + u + "@example.org," + phone(2) + ",Acme,Leeds,UK\n");
        assertEquals(new ImportResult(1, 0, 0, 0), importFile(english), rejects.toString());
        Customer oscar = Services.get(CustomerRepository.class).findByEmail("oscar." + u + "@example.org")
                .orElseThrow();
        assertEquals("Oscar " + u, oscar.getName());
        assertEquals("Acme", oscar.getCompany());
        assertEquals("Leeds", oscar.getCity());
        assertEquals(phone(2), oscar.primaryPhone().map(ContactPoint::getValue).orElse(null));

        Path chinese = write("chinese.csv", "\u59d3\u540d,\u7535\u5b50\u90ae\u4ef6,\u7535\u8bdd,\u56fd\u5bb6,"
                + "\u57ce\u5e02,\u516c\u53f8\n\u5f20\u4f1f" + u + ",zhang." + u + "@example.cn," + phone(3)
                + ",\u4e2d\u56fd,\u5317\u4eac,\u5317\u4eac\u79d1\u6280\n");
        assertEquals(new ImportResult(1, 0, 0, 0), importFile(chinese), rejects.toString());
        Customer zhang = Services.get(CustomerRepository.class).findByEmail("zhang." + u + "@example.cn")
                .orElseThrow();
        assertEquals("\u5f20\u4f1f" + u, zhang.getName());
        assertEquals("\u4e2d\u56fd", zhang.getCountry());
        assertEquals("\u5317\u4eac", zhang.getCity());
        assertEquals("\u5317\u4eac\u79d1\u6280", zhang.getCompany());
        assertEquals(phone(3), zhang.primaryPhone().map(ContactPoint::getValue).orElse(null));
        assertTrue(zhang.getCustomFields().isEmpty(), zhang.getCustomFields().toString());

        Path synonyms = write("synonyms.csv", "\u540d\u5b57,\u90ae\u7bb1,\u624b\u673a\n\u674e\u56db" + u + ",li."
                + u + "@example.cn," + phone(4) + "\n");
        assertEquals(new ImportResult(1, 0, 0, 0), importFile(synonyms), rejects.toString());
        assertEquals(phone(4), Services.get(CustomerRepository.class).findByEmail("li." + u + "@example.cn")
                .orElseThrow().primaryPhone().map(ContactPoint::getValue).orElse(null));
        assertEquals(List.of(), customColumns);
    }

    @Test
    void aColumnThatBecomesACustomFieldIsReportedOnce() throws Exception {
        Path file = write("tiers.csv", "Name,Email,Loyalty Tier\nTia " + u + ",tia." + u + "@example.org,Gold\nTom "
                + u + ",tom." + u + "@example.org,Silver\nTed " + u + ",ted." + u + "@example.org,\n");
        assertEquals(new ImportResult(3, 0, 0, 0), importFile(file), rejects.toString());
        assertEquals(List.of("Loyalty Tier"), customColumns);
        assertEquals("Gold", Services.get(CustomerRepository.class).findByEmail("tia." + u + "@example.org")
                .orElseThrow().getCustomFields().get("Loyalty Tier"));
    }

    @Test
    void aRepeatedColumnRejectsTheFileNamingTheColumn() throws Exception {
        Path file = write("twice.csv", "Name,Email,Phone,E-mail\nRita " + u + ",rita." + u + "@example.org,,r2." + u
                + "@example.org\n");
        IOException refused = assertThrows(IOException.class, () -> importFile(file));
        assertTrue(refused.getMessage().contains("twice.csv"), refused.getMessage());
        assertTrue(refused.getMessage().contains("E-mail"), refused.getMessage());
        assertTrue(refused.getMessage().contains("line 1"), refused.getMessage());
        assertEquals(0, ImportTest.customersWithEmail("rita." + u + "@example.org"), "nothing was imported");

        Path same = write("same.csv", "name,notes,Notes\nRay " + u + ",a,b\n");
        IOException again = assertThrows(IOException.class, () -> importFile(same));
        assertTrue(again.getMessage().contains("Notes"), again.getMessage());
    }

    @Test
    void rowsWithoutEmailImportedTwiceMatchByPhone() throws Exception {
        Path file = write("phones.csv", "Name,Phone,City\nPia " + u + "," + phone(5) + ",Oslo\nPer " + u + ","
                + phone(6) + ",\nPia " + u + ",(" + phone(5).substring(1) + "),Bergen\n");
        assertEquals(new ImportResult(2, 1, 0, 0), importFile(file), rejects.toString());
        assertEquals(1, customersWithPhone(phone(5)), "the third row is Pia again, in the same file");
        assertEquals(new ImportResult(0, 0, 3, 0, List.of(new LineRange(2, 4))), importFile(file),
                "the same file again is recognised");
        // The same rows in another file are not recognised as imported: they match by phone.
        Path copy = write("phones-copy.csv", Files.readString(file).replace("Name,Phone,City", "Name,Mobile,City"));
        assertEquals(new ImportResult(0, 2, 1, 0), importFile(copy), rejects.toString());
        assertEquals(1, customersWithPhone(phone(5)));
        assertEquals(1, customersWithPhone(phone(6)));
        Path reordered = write("phones2.csv", "Phone Number,Name\n" + phone(6).replace(" ", "-") + ",Per " + u
                + " Junior\n");
        assertEquals(new ImportResult(0, 1, 0, 0), importFile(reordered), rejects.toString());
        assertEquals(1, customersWithPhone(phone(6)));
    }

    @Test
    void theBulkImportMatchesLikeTheBatchedOne() throws Exception {
        Path file = write("bulk.csv", "Name,E-Mail,Phone\nAda,ada@example.org,+44 20 7946 0001\n"
                + "Bo,,+44 20 7946 0002\nBo Again,,+44 (20) 7946-0002\nCy,cy@example.org,+44 20 7946 0003\n");
        Path copy = write("bulk-copy.csv", Files.readString(file).replace("Name,E-Mail,Phone", "Name,Email,Mobile"));
        try (DerbyDatabase bulkDb = new DerbyDatabase(temp.resolve("bulk"));
                DerbyDatabase batchDb = new DerbyDatabase(temp.resolve("batches"));
                LuceneCustomerIndex index = new LuceneCustomerIndex(temp.resolve("index"))) {
            CustomerStore bulk = new CustomerStore(bulkDb, Events.NONE, index);
            CustomerStore batches = new CustomerStore(batchDb, Events.NONE);
            ImportResult loaded = new CsvImport(bulk, 100, 1).importCsv(file, false, listener, Progress.NONE);
            ImportResult batched = new CsvImport(batches, 100, Long.MAX_VALUE).importCsv(file, false, listener,
                    Progress.NONE);
            assertEquals(new ImportResult(3, 1, 0, 0), batched, rejects.toString());
            assertEquals(batched, loaded);
            for (CustomerStore store : List.of(bulk, batches)) {
                try (Connection connection = store.database().connect()) {
                    assertEquals(3, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                }
                assertEquals(new ImportResult(0, 0, 4, 0, List.of(new LineRange(2, 5))),
                        new CsvImport(store, 100, 1).importCsv(file, false, listener, Progress.NONE),
                        "the same file again is recognised");
                // The same rows in another file match by e-mail and phone; Bo's two rows rename the customer in
                // turn, as they did the first time; nothing is added.
                assertEquals(new ImportResult(0, 2, 2, 0),
                        new CsvImport(store, 100, 1).importCsv(copy, false, listener, Progress.NONE),
                        "the same rows again add nobody");
                try (Connection connection = store.database().connect()) {
                    assertEquals(3, StoreTest.single(connection, "SELECT COUNT(*) FROM customers"));
                    assertEquals(1, StoreTest.single(connection,
                            "SELECT COUNT(*) FROM customers WHERE name = 'Bo Again'"));
                }
            }
        }
    }
}
