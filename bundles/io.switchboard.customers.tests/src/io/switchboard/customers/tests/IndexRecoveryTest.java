package io.switchboard.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.services.internal.CustomerStore;
import io.switchboard.customers.services.internal.Events;
import io.switchboard.store.Database;
import io.switchboard.testing.Services;

/**
 * The text index can lag behind the database (a process killed between the two commits) or be lost entirely;
 * searches must still answer from what the database holds.
 */
class IndexRecoveryTest {

    /** The test database outlives a run (target/test-data); names unique to this run keep reruns apart. */
    private static final String RUN = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");

    @TempDir
    Path indexFolder;

    private static List<String> names(CustomerStore store, String text) {
        return store.list(CustomerQuery.ALL.withText(text).page(0, 50)).stream().map(CustomerSummary::name)
                .sorted().collect(Collectors.toList());
    }

    private static Customer customer(String name, String email) {
        Customer customer = new Customer(name);
        customer.setCountry("Iceland");
        customer.addContact(ContactKind.EMAIL, email);
        return customer;
    }

    private static void awaitSize(LuceneCustomerIndex index, long customers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (index.size() < customers && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(customers, index.size(), "the index was not rebuilt");
    }

    @Test
    void customersCommittedOnlyToTheDatabaseAreFoundOnFirstUse() throws Exception {
        Database database = Services.get(Database.class);
        LuceneCustomerIndex index = new LuceneCustomerIndex(indexFolder);
        CustomerStore indexed = new CustomerStore(database, Events.NONE, index);
        indexed.save(customer("Gudrun Kristjansdottir" + RUN, "gudrun@recovery-" + RUN + ".example"));
        assertEquals(List.of("Gudrun Kristjansdottir" + RUN), names(indexed, "kristjansdottir" + RUN));
        // The database is shared with the other tests, so this new index is first built from it in the background;
        // what is tested here begins once it holds every customer.
        awaitSize(index, new CustomerStore(database, Events.NONE).count(CustomerQuery.ALL));

        // Another process saved without reaching its index commit: the database has it, the index does not.
        new CustomerStore(database, Events.NONE).save(customer("Sigurdur Bjarnason" + RUN, "sigurdur@recovery-" + RUN + ".example"));

        CustomerStore restarted = new CustomerStore(database, Events.NONE, new LuceneCustomerIndex(indexFolder));
        index.close();
        assertEquals(List.of("Sigurdur Bjarnason" + RUN), names(restarted, "bjarnason" + RUN));
        assertEquals(List.of("Gudrun Kristjansdottir" + RUN, "Sigurdur Bjarnason" + RUN), names(restarted, "recovery-" + RUN + ".example"));
    }

    @Test
    void aLostIndexIsRebuiltWhileTheDatabaseAnswers() throws Exception {
        Database database = Services.get(Database.class);
        CustomerStore plain = new CustomerStore(database, Events.NONE);
        plain.save(customer("Hallgrimur Petursson" + RUN, "hallgrimur@rebuild-" + RUN + ".example"));
        long stored = plain.count(CustomerQuery.ALL);

        answersWhileAndAfterTheRebuild(database, stored, "Hallgrimur Petursson" + RUN, "petursson" + RUN,
                "rebuild-" + RUN + ".example");
    }

    /** Answered at once, from SQL while the index is built in the background, then from the whole index. */
    private void answersWhileAndAfterTheRebuild(Database database, long stored, String name, String word,
            String domain) throws Exception {
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(indexFolder)) {
            CustomerStore store = new CustomerStore(database, Events.NONE, index);
            assertEquals(List.of(name), names(store, word));
            awaitSize(index, stored);
            assertEquals(List.of(name), names(store, word));
            assertEquals(1, store.count(CustomerQuery.ALL.withText(domain)));
        }
    }

    @Test
    void anIndexOfAnOlderLayoutIsRebuiltWhileTheDatabaseAnswers() throws Exception {
        Database database = Services.get(Database.class);
        CustomerStore plain = new CustomerStore(database, Events.NONE);
        plain.save(customer("Ingibjorg Sveinsdottir" + RUN, "ingibjorg@layout-" + RUN + ".example"));
        long stored = plain.count(CustomerQuery.ALL);
        // The first layout (no format in its commit data), claiming to hold every customer up to a far future: read
        // as it is, it would answer every search without the customer just saved.
        Instant future = Instant.parse("2100-01-01T00:00:00Z");
        try (FSDirectory directory = FSDirectory.open(indexFolder);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("id", "1", Field.Store.NO));
            doc.add(new NumericDocValuesField("id_value", 1));
            doc.add(new TextField("grams", "ing ngi gib", Field.Store.NO));
            doc.add(new NumericDocValuesField("sort_updated", future.toEpochMilli()));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of("completeThrough", Long.toString(future.toEpochMilli())).entrySet());
            writer.commit();
        }

        answersWhileAndAfterTheRebuild(database, stored, "Ingibjorg Sveinsdottir" + RUN, "sveinsdottir" + RUN,
                "layout-" + RUN + ".example");
    }
}
