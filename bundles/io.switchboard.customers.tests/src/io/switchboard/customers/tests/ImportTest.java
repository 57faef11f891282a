package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;
import io.switchboard.core.csv.CsvWriter;
import io.switchboard.core.csv.LineRange;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerExporter;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.services.internal.CsvImport;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.Database;
import io.switchboard.testing.Services;

class ImportTest {

    @TempDir
    Path temp;

    final String u = CustomerRepositoryTest.unique();
    final List<String> rejects = new ArrayList<>();

    ImportResult importFile(Path file, boolean dryRun) throws IOException {
        return Services.get(CustomerImporter.class).importCsv(file, dryRun,
                (line, reason) -> rejects.add(line + ": " + reason), Progress.NONE);
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    static long customersWithEmail(String email) throws Exception {
        try (Connection connection = Services.get(Database.class).connect()) {
            return StoreTest.single(connection, "SELECT COUNT(DISTINCT customer_id) FROM contact_points"
                    + " WHERE contact_key = '" + email.toLowerCase() + "'");
        }
    }

    static long allCustomers() throws Exception {
        try (Connection connection = Services.get(Database.class).connect()) {
            return StoreTest.single(connection, "SELECT COUNT(*) FROM customers");
        }
    }

    @Test
    void importsGoodRowsAndReportsEachBadOneByLine() throws Exception {
        Path file = write("customers.csv", "Name,EMAIL,phone,Country,City,Company,Tier,Note\r\n"
                + "Alice,alice." + u + "@example.com,+1 555 0100,USA,Boston,Acme,Gold,\"likes \"\"quotes\"\", commas\"\r\n"
                + ",nobody." + u + "@example.com,,,,,,\r\n"
                + "Bob,not-an-email,,,,,,\r\n"
                + "Carol,carol." + u + "@example.com,12ab,,,,,\r\n"
                + "Dan,dan." + u + "@example.com,,USA\r\n"
                + "Ev\"e,eve." + u + "@example.com,,,,,,\r\n"
                + "\u738b\u5c0f\u660e,wang." + u + "@example.cn,13800138000,China,Shanghai,\u534e\u4e3a,,\"two\nlines\"\r\n"
                + "Frank,frank." + u + "@example.com,,,,,,\r\n");
        ImportResult result = importFile(file, false);
        assertEquals(new ImportResult(3, 0, 0, 5), result, rejects.toString());
        assertEquals(List.of("3: missing name", "4: invalid email 'not-an-email'", "5: invalid phone '12ab'",
                "6: wrong number of fields: expected 8, found 4"), rejects.subList(0, 4));
        assertTrue(rejects.get(4).startsWith("7: malformed CSV: stray quote"), rejects.get(4));

        CustomerRepository repository = Services.get(CustomerRepository.class);
        Customer alice = repository.findByEmail("alice." + u + "@example.com").orElseThrow();
        assertEquals("Boston", alice.getCity());
        assertEquals("+1 555 0100", alice.primaryPhone().orElseThrow().getValue());
        assertEquals("Gold", alice.getCustomFields().get("Tier"));
        assertEquals("likes \"quotes\", commas", alice.getCustomFields().get("Note"));
        Customer wang = repository.findByEmail("wang." + u + "@example.cn").orElseThrow();
        assertEquals("\u534e\u4e3a", wang.getCompany());
        assertEquals("two\nlines", wang.getCustomFields().get("Note"));
        assertFalse(wang.getCustomFields().containsKey("Tier"), "empty cells are no custom field");

        // The same people again: matched by e-mail (any case), changed ones updated, the rest left alone.
        rejects.clear();
        Path again = write("again.csv", "email,name,city\n"
                + "ALICE." + u + "@example.com,Alice,Chicago\n"
                + "frank." + u + "@example.com,Frank,\n"
                + "gina." + u + "@example.com,Gina,Rome\n");
        assertEquals(new ImportResult(1, 1, 1, 0), importFile(again, false), rejects.toString());
        Customer moved = repository.findByEmail("alice." + u + "@example.com").orElseThrow();
        assertEquals("Chicago", moved.getCity());
        assertEquals("Acme", moved.getCompany(), "columns the file does not have keep their values");
        assertEquals(alice.getVersion() + 1, moved.getVersion());
        assertEquals(1, customersWithEmail("alice." + u + "@example.com"));
        assertEquals(1, customersWithEmail("frank." + u + "@example.com"));
    }

    @Test
    void byteOrderMarkAndColumnOrderDoNotMatter() throws Exception {
        Path file = write("bom.csv", "\uFEFFCity , NAME,E-Mail Opt-In,Email\r\nLyon,Bom Person,yes,bom." + u
                + "@example.fr\r\n");
        assertEquals(new ImportResult(1, 0, 0, 0), importFile(file, false), rejects.toString());
        Customer bom = Services.get(CustomerRepository.class).findByEmail("bom." + u + "@example.fr").orElseThrow();
        assertEquals("Bom Person", bom.getName());
        assertEquals("Lyon", bom.getCity());
        assertEquals("yes", bom.getCustomFields().get("E-Mail Opt-In"));
    }

    @Test
    void aRepeatedEmailIsOneCustomerAndTheSameFileAgainIsRecognised() throws Exception {
        Path file = write("same.csv", "name,email,phone\nAda,ada." + u + "@example.org,+44 20 7946 0000\n"
                + "Ada Again,ada." + u + "@example.org,\nBabbage,charles." + u + "@example.org,\n");
        assertEquals(new ImportResult(2, 1, 0, 0), importFile(file, false), "a repeated e-mail in one file is one customer");
        long before = allCustomers();
        assertEquals(new ImportResult(0, 0, 3, 0, List.of(new LineRange(2, 4))), importFile(file, false),
                "the same file again: its rows are recognised and skipped");
        assertEquals(before, allCustomers());
        assertEquals(1, customersWithEmail("ada." + u + "@example.org"));
        assertEquals("Ada Again", Services.get(CustomerRepository.class).findByEmail("ada." + u + "@example.org")
                .orElseThrow().getName());
    }

    @Test
    void dryRunCountsButWritesNothing() throws Exception {
        Path file = write("dry.csv", "name,email\nDry One,dry1." + u + "@example.org\nDry Two,dry2." + u
                + "@example.org\n,missing@example.org\n");
        long before = allCustomers();
        assertEquals(new ImportResult(2, 0, 0, 1), importFile(file, true));
        assertEquals(before, allCustomers());
        assertTrue(Services.get(CustomerRepository.class).findByEmail("dry1." + u + "@example.org").isEmpty());
        assertEquals(new ImportResult(2, 0, 0, 1), importFile(file, false), "the dry run left no progress behind");
    }

    @Test
    void fileThatIsNotUtf8IsRefusedWholeInOneLine() throws Exception {
        Path file = temp.resolve("latin1.csv");
        Files.write(file, ("name,email\nOk Row,ok." + u + "@example.org\nJos\u00e9,jose." + u + "@example.org\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> importFile(file, false));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("UTF-8") && e.getMessage().contains("line 3"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(Services.get(CustomerRepository.class).findByEmail("ok." + u + "@example.org").isEmpty(),
                "nothing of the file was imported");
    }

    @Test
    void unusableFilesAreOneLineNamingTheFile() throws Exception {
        Path missing = temp.resolve("missing.csv");
        IOException notFound = assertThrows(IOException.class, () -> importFile(missing, false));
        assertTrue(notFound.getMessage().contains(missing.toString()), notFound.getMessage());
        Path empty = write("empty.csv", "");
        IOException noHeader = assertThrows(IOException.class, () -> importFile(empty, false));
        assertTrue(noHeader.getMessage().contains("no header"), noHeader.getMessage());
        Path noName = write("noname.csv", "email,phone\nx@example.org,\n");
        IOException noNameColumn = assertThrows(IOException.class, () -> importFile(noName, false));
        assertTrue(noNameColumn.getMessage().contains("'name'"), noNameColumn.getMessage());
        assertTrue(noNameColumn.getMessage().contains(noName.toString()), noNameColumn.getMessage());
    }

    @Test
    void hugeAndBrokenFieldsAreRejectedAndTheRestImportedWithStoredDataUntouched() throws Exception {
        CustomerRepository repository = Services.get(CustomerRepository.class);
        Customer stored = new Customer("Stored Person");
        stored.addContact(ContactKind.EMAIL, "stored." + u + "@example.org");
        stored.setCity("Oslo");
        stored = repository.save(stored);
        StringBuilder csv = new StringBuilder("name,email,city,note\n");
        csv.append("Before,before.").append(u).append("@example.org,Paris,fine\n");
        csv.append("Stored Person,stored.").append(u).append("@example.org,Lima,\"");
        csv.append("x".repeat(10 * 1024 * 1024)).append("\"\n");
        csv.append("Unclosed,\"stored.").append(u).append("@example.org,Quito,oops\n");
        Path file = write("huge.csv", csv + "After,after." + u + "@example.org,Rome,fine\n");
        // The unterminated quote swallows the rest of the file, which is reported, not imported.
        ImportResult result = importFile(file, false);
        assertEquals(1, result.imported(), rejects.toString());
        assertEquals(2, result.rejected(), rejects.toString());
        assertTrue(rejects.get(0).startsWith("3: malformed CSV: field 4 is longer than"), rejects.get(0));
        assertTrue(rejects.get(1).startsWith("4: malformed CSV: unterminated"), rejects.get(1));
        assertEquals("Oslo", repository.findByEmail("stored." + u + "@example.org").orElseThrow().getCity());
        assertEquals(stored.getVersion(), repository.find(stored.getId()).orElseThrow().getVersion());

        // Each custom field fits, but together they would not fit the customer's row: the row is refused whole.
        rejects.clear();
        StringBuilder wide = new StringBuilder("name,email");
        for (int i = 0; i < 40; i++) {
            wide.append(",extra ").append(i);
        }
        wide.append("\nWide,wide.").append(u).append("@example.org");
        for (int i = 0; i < 40; i++) {
            wide.append(',').append("w".repeat(1000));
        }
        wide.append("\nNarrow,narrow.").append(u).append("@example.org").append(",".repeat(40)).append('\n');
        // 16 fields of 1,000 characters and their names: too long for a quick bound, short enough to be stored.
        wide.append("Broad,broad.").append(u).append("@example.org");
        for (int i = 0; i < 40; i++) {
            wide.append(',').append(i < 16 ? "b".repeat(1000) : "");
        }
        wide.append('\n');
        assertEquals(new ImportResult(2, 0, 0, 1), importFile(write("wide.csv", wide.toString()), false));
        assertTrue(rejects.get(0).startsWith("2: custom fields is longer than"), rejects.toString());
        assertTrue(repository.findByEmail("wide." + u + "@example.org").isEmpty());
        assertEquals("b".repeat(1000),
                repository.findByEmail("broad." + u + "@example.org").orElseThrow().getCustomFields().get("extra 15"));

        rejects.clear();
        Path tail = write("tail.csv", "name,email,city\nAfter,after." + u + "@example.org,Rome\n\"bad\"x,y,z\n");
        assertEquals(new ImportResult(1, 0, 0, 1), importFile(tail, false));
        assertEquals("Rome", repository.findByEmail("after." + u + "@example.org").orElseThrow().getCity());
    }

    @Test
    void progressIsInBytesAndCancelStopsBetweenBatchesLeavingAResumableImport() throws Exception {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 10; i++) {
            csv.append("Person ").append(i).append(",p").append(i).append('.').append(u).append("@example.org\n");
        }
        Path file = write("cancel.csv", csv.toString());
        AtomicLong total = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Progress cancelAfterFirstBatch = new Progress() {
            @Override
            public void begin(String task, long totalWork) {
                total.set(totalWork);
            }

            @Override
            public void worked(long work) {
                done.set(work);
            }

            @Override
            public boolean isCanceled() {
                return done.get() > 0;
            }
        };
        CsvImport small = new CsvImport(new CustomerStore(Services.get(Database.class), Events.NONE), 4);
        ImportResult first = small.importCsv(file, false, null, cancelAfterFirstBatch);
        assertEquals(Files.size(file), total.get());
        assertEquals(new ImportResult(4, 0, 0, 0), first);
        ImportResult rest = small.importCsv(file, false, null, Progress.NONE);
        // Issue 13: the summary is the second run's own; the rows the first one stored are skipped, not new.
        assertEquals(new ImportResult(6, 0, 4, 0, List.of(new LineRange(2, 5))), rest,
                "the second run skips the rows the first one stored");
        for (int i = 0; i < 10; i++) {
            assertEquals(1, customersWithEmail("p" + i + "." + u + "@example.org"));
        }
    }

    static long customersNamed(String name) throws Exception {
        try (Connection connection = Services.get(Database.class).connect()) {
            return StoreTest.single(connection, "SELECT COUNT(*) FROM customers WHERE name = '" + name + "'");
        }
    }

    @Test
    void theRowsOfAnEarlierImportAreRecognisedInTheSameFileAndInTheFileWithRowsAppended() throws Exception {
        // Rows without an e-mail address cannot be matched: imported twice, they would be two customers.
        List<String> rows = new ArrayList<>(List.of("name,city",   // line 1
                "Walk-in " + u + ",Leeds",                            // line 2
                ",Leeds",                                             // line 3, no name: rejected
                "\"Counter\n" + u + "\",York",                        // lines 4-5
                "Kiosk " + u + ",Hull"));                             // line 6
        Path file = write("walk-ins.csv", String.join("\n", rows) + "\n");
        assertEquals(new ImportResult(3, 0, 0, 1), importFile(file, false), rejects.toString());

        rejects.clear();
        ImportResult again = importFile(file, false);
        assertEquals(new ImportResult(0, 0, 3, 1, List.of(new LineRange(2, 2), new LineRange(4, 6))), again);
        assertEquals(List.of("3: missing name"), rejects, "a rejected row is reported again, not as imported");
        assertEquals(new ImportResult(0, 0, 3, 1, List.of(new LineRange(2, 2), new LineRange(4, 6))),
                importFile(file, true), "a dry run recognises them too");

        // The same file with rows appended, under another name: only the new rows are imported.
        rows.add("Late " + u + ",Bath");                             // line 7
        Path longer = write("walk-ins-monday.csv", String.join("\n", rows) + "\n");
        ImportResult appended = importFile(longer, false);
        assertEquals(new ImportResult(1, 0, 3, 1, List.of(new LineRange(2, 2), new LineRange(4, 6))), appended);
        assertEquals(1, customersNamed("Walk-in " + u));
        assertEquals(1, customersNamed("Kiosk " + u));
        assertEquals(1, customersNamed("Late " + u));
        assertEquals(1, customersNamed("Counter\n" + u));

        // An edited row is not the row imported before: the file is imported as new.
        rows.set(1, "Walk-in " + u + ",Leeds and York");
        ImportResult edited = importFile(write("walk-ins-edited.csv", String.join("\n", rows) + "\n"), false);
        assertEquals(List.of(), edited.already());
        assertEquals(4, edited.imported());
    }

    @Test
    void aCustomerAnAgentDeletedComesBackWhenTheFileIsImportedAgain() throws Exception {
        String phone = "+1 555 " + Math.abs(u.hashCode() % 1000) + " 4321";
        Path file = write("regulars.csv", "name,email,phone\nRegular " + u + ",regular." + u + "@example.org,\n"
                + "Caller " + u + ",," + phone + "\n");
        assertEquals(new ImportResult(2, 0, 0, 0), importFile(file, false), rejects.toString());
        CustomerRepository customers = Services.get(CustomerRepository.class);
        customers.delete(customers.findByEmail("regular." + u + "@example.org").orElseThrow().getId());

        // Not "already imported": the deleted customer is back; the caller matches by phone and is left as is.
        assertEquals(new ImportResult(1, 0, 1, 0), importFile(file, false), rejects.toString());
        assertEquals(1, customersWithEmail("regular." + u + "@example.org"));
        assertEquals(1, customersNamed("Caller " + u));
    }

    @Test
    void exportWritesTheImportFormatAndImportsBackUnchanged() throws Exception {
        String city = "Exportville-" + u;
        Path file = write("export-source.csv", "name,email,phone,country,city,company,Tier,Note\n"
                + "Olga,olga." + u + "@example.ru,+7 495 123 45 67,Russia," + city + ",\"Comma, Inc\",Gold,\n"
                + "\u674e\u96f7,lei." + u + "@example.cn,,China," + city + ",,,\"said \"\"hi\"\"\"\n");
        assertEquals(2, importFile(file, false).imported());
        StringWriter out = new StringWriter();
        long written = Services.get(CustomerExporter.class).exportCsv(CustomerQuery.ALL.withCity(city), out,
                Progress.NONE);
        assertEquals(2, written);
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(out.toString()))) {
            CsvRecord record;
            while ((record = reader.next()) != null) {
                rows.add(record.fields());
            }
        }
        assertEquals(List.of("name", "email", "phone", "country", "city", "company", "Tier", "Note"), rows.get(0));
        assertEquals(List.of("Olga", "olga." + u + "@example.ru", "+7 495 123 45 67", "Russia", city, "Comma, Inc",
                "Gold", ""), rows.get(1));
        assertEquals("said \"hi\"", rows.get(2).get(7));
        Path exported = write("exported.csv", out.toString());
        assertEquals(new ImportResult(0, 0, 2, 0, List.of(new LineRange(2, 3))), importFile(exported, false),
                "round trip changes nothing: the export's rows are the rows imported, and recognised as such");
        // The same rows in another order are not recognised: matched by e-mail, they change nothing either.
        StringWriter reversed = new StringWriter();
        try (CsvWriter writer = new CsvWriter(reversed)) {
            writer.write(rows.get(0));
            writer.write(rows.get(2));
            writer.write(rows.get(1));
        }
        assertEquals(new ImportResult(0, 0, 2, 0), importFile(write("reversed.csv", reversed.toString()), false),
                "round trip changes nothing");
    }
}
