package io.switchboard.customers.search;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IntroSorter;

/**
 * Every live document of one index reader in the order of one sort column: ascending by the column, customers
 * without a value last, ties by customer id. Lucene finds a page deep in a long list only by collecting every hit
 * before it into a queue (seconds for the middle of a million); with the whole order at hand any page is a slice of
 * an array, and a filtered list a walk along it. The array is 4 bytes a customer and is built once per reader and
 * column (a sort of the column's ordinals, under a second for a million).
 *
 * <p>The descending order is this one read backwards, except that customers without a value stay last, as in the
 * queries' own sort.
 */
final class WholeOrder {

    /** What the reader is, for the cache: an order belongs to exactly one state of the index. */
    final Object readerKey;
    /** Top-level document ids, customers with a value first. */
    final int[] docs;
    /** Where the customers without a value begin in {@link #docs}. */
    final int missingFrom;

    private WholeOrder(Object readerKey, int[] docs, int missingFrom) {
        this.readerKey = readerKey;
        this.docs = docs;
        this.missingFrom = missingFrom;
    }

    static Object keyOf(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        return helper != null ? helper.getKey() : reader;
    }

    /** The order of a text column kept as sorted doc values ({@code SortField.Type.STRING}). */
    static WholeOrder ofText(IndexReader reader, String field, String idField) throws IOException {
        SortedDocValues values = MultiDocValues.getSortedValues(reader, field);
        return build(reader, idField, doc -> values != null && values.advanceExact(doc) ? values.ordValue() : -1);
    }

    /** The order of a number column ({@code SortField.Type.LONG}; no value counts as 0, as it does there). */
    static WholeOrder ofNumber(IndexReader reader, String field, String idField) throws IOException {
        NumericDocValues values = MultiDocValues.getNumericValues(reader, field);
        return build(reader, idField, doc -> values != null && values.advanceExact(doc) ? values.longValue() : 0);
    }

    /** The key of a document; -1 (texts only) for no value. Documents are asked in increasing order. */
    private interface Key {
        long of(int doc) throws IOException;
    }

    private static WholeOrder build(IndexReader reader, String idField, Key key) throws IOException {
        int maxDoc = reader.maxDoc();
        Bits live = MultiBits.getLiveDocs(reader);
        NumericDocValues idValues = MultiDocValues.getNumericValues(reader, idField);
        if (idValues == null) {
            idValues = DocValues.emptyNumeric();
        }
        int n = reader.numDocs();
        int[] docs = new int[n];
        long[] keys = new long[n];
        long[] ids = new long[n];
        int at = 0;
        int missing = 0;
        for (int doc = 0; doc < maxDoc; doc++) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            long k = key.of(doc);
            if (k < 0) {
                k = Long.MAX_VALUE; // no value: after every value
                missing++;
            }
            docs[at] = doc;
            keys[at] = k;
            ids[at] = idValues.advanceExact(doc) ? idValues.longValue() : 0;
            at++;
        }
        new IntroSorter() {
            private long pivotKey;
            private long pivotId;

            @Override
            protected void setPivot(int i) {
                pivotKey = keys[i];
                pivotId = ids[i];
            }

            @Override
            protected int comparePivot(int j) {
                int c = Long.compare(pivotKey, keys[j]);
                return c != 0 ? c : Long.compare(pivotId, ids[j]);
            }

            @Override
            protected int compare(int i, int j) {
                int c = Long.compare(keys[i], keys[j]);
                return c != 0 ? c : Long.compare(ids[i], ids[j]);
            }

            @Override
            protected void swap(int i, int j) {
                long k = keys[i];
                keys[i] = keys[j];
                keys[j] = k;
                long id = ids[i];
                ids[i] = ids[j];
                ids[j] = id;
                int d = docs[i];
                docs[i] = docs[j];
                docs[j] = d;
            }
        }.sort(0, n);
        return new WholeOrder(keyOf(reader), docs, n - missing);
    }

    /** The {@code i}-th document of the order, ascending or descending. */
    int doc(int i, boolean ascending) {
        if (ascending) {
            return docs[i];
        }
        // Descending: the customers with a value backwards, then those without, also backwards (ids descending).
        return i < missingFrom ? docs[missingFrom - 1 - i] : docs[docs.length - 1 - (i - missingFrom)];
    }

    int size() {
        return docs.length;
    }
}
