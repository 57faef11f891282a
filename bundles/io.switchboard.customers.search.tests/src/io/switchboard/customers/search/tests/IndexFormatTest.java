package io.switchboard.customers.search.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.search.LuceneCustomerIndex;

/**
 * An index written by the first layout (no format in its commit data, pairs of characters in a field of their
 * own) would answer this version's queries wrongly: it is emptied on opening, which makes the store rebuild it
 * from the database, as it does a lost index.
 */
class IndexFormatTest {

    @TempDir
    Path folder;

    private void writeFirstLayout(Map<String, String> commitData) throws Exception {
        try (FSDirectory directory = FSDirectory.open(folder);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("id", "1", Field.Store.NO));
            doc.add(new NumericDocValuesField("id_value", 1));
            doc.add(new TextField("grams", "jan ane", Field.Store.NO));
            doc.add(new TextField("short", "j a n e ja an ne", Field.Store.NO));
            doc.add(new NumericDocValuesField("sort_updated", Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()));
            writer.addDocument(doc);
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
        }
    }

    @Test
    void anIndexOfTheFirstLayoutIsEmptiedOnOpening() throws Exception {
        writeFirstLayout(Map.of());
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            assertEquals(0, index.size());
            assertTrue(index.newestUpdate().isEmpty(), "nothing tells the store the index holds anything");
        }
    }

    @Test
    void whatTheOldIndexSaidItHeldCompletelyIsForgotten() throws Exception {
        writeFirstLayout(Map.of("completeThrough", "1767225600000"));
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            assertEquals(0, index.size());
            assertTrue(index.completeThrough().isEmpty());
        }
    }

    @Test
    void anIndexOfThisLayoutIsKeptAcrossReopening() throws Exception {
        Instant updated = Instant.parse("2026-02-01T00:00:00Z");
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            index.add(List.of(new CustomerIndex.Document(7, "Jane Smith", null, null, null, List.of(), List.of(),
                    Set.of(), Map.of(), updated, updated)));
            index.commit();
        }
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            assertEquals(1, index.size());
            assertArrayEquals(new long[] { 7 }, index.search(CustomerQuery.ALL.withText("ja")).ids());
        }
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            index.commitThrough(updated);
        }
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            assertEquals(1, index.size(), "a commit that records completeness keeps the format too");
            assertEquals(updated, index.completeThrough().orElseThrow());
        }
    }

    @Test
    void aClearedAndRebuiltIndexIsKeptAcrossReopening() throws Exception {
        writeFirstLayout(Map.of());
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            index.clear();
            index.add(List.of(new CustomerIndex.Document(8, "John Smithers", null, null, null, List.of(), List.of(),
                    Set.of(), Map.of(), Instant.EPOCH, Instant.EPOCH)));
            index.commit();
        }
        try (LuceneCustomerIndex index = new LuceneCustomerIndex(folder)) {
            assertArrayEquals(new long[] { 8 }, index.search(CustomerQuery.ALL.withText("smithers")).ids());
        }
    }
}
