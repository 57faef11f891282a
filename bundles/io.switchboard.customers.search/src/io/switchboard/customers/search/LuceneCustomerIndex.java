package io.switchboard.customers.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.core.DataFolder;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.CustomerIndex;
import io.switchboard.customers.CustomerQuery;

/**
 * The customer index on Lucene, in {@code <data-dir>/index/customers}. Part-of-word search uses trigrams indexed
 * with their positions, so a query is an exact phrase of its trigrams and matches only contiguous text. A query
 * word of two characters (a Chinese given name is often two) is a prefix of the trigrams, each word's last pair
 * being indexed as a gram padded at its end; one of a single character is looked up among the characters of each
 * customer's words (ASCII ones in {@link AsciiCharacters}).
 */
@Component(service = CustomerIndex.class)
public class LuceneCustomerIndex implements CustomerIndex, AutoCloseable {

    static final String ID = "id";
    static final String ID_VALUE = "id_value";
    static final String GRAMS = "grams";
    static final String SINGLES = "singles";
    static final String COUNTRY = "country";
    static final String CITY = "city";
    static final String TAG = "tag";
    static final String FIELD = "field";
    /** Each e-mail address's key ({@link ContactKind#key}), for matching imports with stored customers. */
    static final String EMAIL = "email";
    /** Each phone number's key (its digits, {@link ContactKind#key}), for matching imported rows without e-mail. */
    static final String PHONE = "phone";
    static final String SORT_PREFIX = "sort_";

    /** Keeps grams of different words from forming a phrase across a word boundary. */
    private static final int WORD_GAP = 100;
    private static final int GRAM = 3;
    private static final int MAX_SORT_BYTES = 256;

    @Reference
    private DataFolder dataFolder;

    /** Pages ending within this many rows are collected by Lucene directly; deeper ones use {@link WholeOrder}. */
    static final int SHALLOW_ROWS = 5_000;

    private int shallowRows = SHALLOW_ROWS;
    private final Map<CustomerQuery.Sort, WholeOrder> orders = new EnumMap<>(
            CustomerQuery.Sort.class);
    private Path folder;
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    public LuceneCustomerIndex() {
    }

    /** For tests and tools that keep an index outside the data folder. */
    public LuceneCustomerIndex(Path folder) {
        this(folder, SHALLOW_ROWS);
    }

    /**
     * For tests: pages that end past {@code shallowRows} rows come from the whole order of their column
     * ({@link WholeOrder}) instead of Lucene's queue of every hit before them.
     */
    public LuceneCustomerIndex(Path folder, int shallowRows) {
        this.folder = folder;
        this.shallowRows = shallowRows;
    }

    private synchronized IndexWriter writer() {
        if (writer == null) {
            try {
                Path location = folder != null ? folder : dataFolder.resolve("index").resolve("customers");
                directory = FSDirectory.open(location);
                IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
                config.setRAMBufferSizeMB(48);
                config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
                writer = new IndexWriter(directory, config);
                clearIfOlderFormat(writer);
                searchers = new SearcherManager(writer, null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the customer search index: " + e.getMessage(), e);
            }
        }
        return writer;
    }

    /**
     * An index written by an older version of this class holds other fields or grams, which the queries of this
     * one would miss or misread: it is emptied, and like a lost index rebuilt from the database by the store (an
     * empty index with customers in the database is rebuilt in the background, SQL answering meanwhile).
     */
    private static void clearIfOlderFormat(IndexWriter writer) throws IOException {
        if (FORMAT_VERSION.equals(commitData(writer).get(FORMAT))) {
            return;
        }
        if (writer.getDocStats().maxDoc > 0) {
            writer.deleteAll();
        }
        // Whatever the old commit said it held completely no longer holds.
        writer.setLiveCommitData(Map.of(FORMAT, FORMAT_VERSION).entrySet());
        writer.commit();
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    @Override
    public void put(Collection<CustomerIndex.Document> documents) {
        IndexWriter w = writer();
        DocumentMaker maker = new DocumentMaker();
        try {
            for (CustomerIndex.Document document : documents) {
                w.updateDocument(new Term(ID, Long.toString(document.id())), maker.toLucene(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void add(Collection<CustomerIndex.Document> documents) {
        IndexWriter w = writer();
        DocumentMaker maker = new DocumentMaker();
        try {
            for (CustomerIndex.Document document : documents) {
                w.addDocument(maker.toLucene(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(long id) {
        try {
            writer().deleteDocuments(new Term(ID, Long.toString(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void clear() {
        try {
            writer().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Synchronized with {@link #close()}: closing while another thread commits would fail and leave the lock. */
    @Override
    public synchronized void commit() {
        try {
            writer().commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String COMPLETE_THROUGH = "completeThrough";
    /** Commit data naming the layout of the index: which fields, grams and index options it holds. */
    private static final String FORMAT = "format";
    /**
     * 4: phone keys as terms of their own ({@link #PHONE}), for an import to match rows by phone. 3: e-mail keys
     * as terms ({@link #EMAIL}).
     * 2: no norms; words end with a padded gram of their last two characters (pairs are prefixes of grams);
     * ASCII characters as bit masks in doc values, others as terms without positions. 1 (no marker): the first
     * layout, with every single character and pair in a field of its own.
     */
    static final String FORMAT_VERSION = "4";

    @Override
    public synchronized void commitThrough(Instant through) {
        IndexWriter w = writer();
        w.setLiveCommitData(
                Map.of(COMPLETE_THROUGH, Long.toString(through.toEpochMilli()), FORMAT, FORMAT_VERSION).entrySet());
        commit();
    }

    @Override
    public synchronized Optional<Instant> completeThrough() {
        String through = commitData(writer()).get(COMPLETE_THROUGH);
        return through == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(through)));
    }

    @Override
    public Map<String, long[]> idsByEmail(Collection<String> emailKeys) {
        return idsByKey(EMAIL, emailKeys);
    }

    @Override
    public Map<String, long[]> idsByPhone(Collection<String> phoneKeys) {
        return idsByKey(PHONE, phoneKeys);
    }

    private Map<String, long[]> idsByKey(String field, Collection<String> keys) {
        writer();
        try {
            // Sees every document put so far: an import matches each batch against the ones before it.
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<String, long[]> found = new HashMap<>();
                for (String key : keys) {
                    long[] ids = ids(searcher, new TermQuery(new Term(field, key)));
                    if (ids.length > 0) {
                        found.put(key, ids);
                    }
                }
                return found;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long[] oneCustomerPerCountry() {
        writer();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // A few dozen terms, each the first live document of its postings: no walk over the customers.
                IndexReader reader = searcher.getIndexReader();
                Terms terms = MultiTerms.getTerms(reader, COUNTRY);
                if (terms == null) {
                    return new long[0];
                }
                Bits live = MultiBits.getLiveDocs(reader);
                List<LeafReaderContext> leaves = reader.leaves();
                ArrayList<Long> ids = new ArrayList<>();
                TermsEnum countries = terms.iterator();
                for (BytesRef country = countries.next(); country != null; country = countries.next()) {
                    PostingsEnum docs = MultiTerms.getTermPostingsEnum(reader, COUNTRY, country, PostingsEnum.NONE);
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            ids.add(idOf(leaves, doc));
                            break;
                        }
                    }
                }
                return ids.stream().mapToLong(Long::longValue).toArray();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of every match, in no particular order. */
    private static long[] ids(IndexSearcher searcher, Query query) throws IOException {
        List<Long> ids = new ArrayList<>();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            NumericDocValues values = leaf.reader().getNumericDocValues(ID_VALUE);
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if ((live == null || live.get(doc)) && values != null && values.advanceExact(doc)) {
                    ids.add(values.longValue());
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public long size() {
        writer();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Instant> newestUpdate() {
        writer();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                String field = sortField(CustomerQuery.Sort.UPDATED);
                TopFieldDocs top = searcher.search(new MatchAllDocsQuery(), 1,
                        new Sort(new SortField(field, SortField.Type.LONG, true)), false);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                int doc = top.scoreDocs[0].doc;
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                NumericDocValues values = leaf.reader().getNumericDocValues(field);
                if (values == null || !values.advanceExact(doc - leaf.docBase)) {
                    return Optional.empty();
                }
                return Optional.of(Instant.ofEpochMilli(values.longValue()));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Page search(CustomerQuery query) {
        writer();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query lucene = toLucene(query);
                if (query.limit() == 0) {
                    return new Page(searcher.count(lucene), new long[0]);
                }
                if ((long) query.offset() + query.limit() > shallowRows) {
                    return deepPage(searcher, lucene, query);
                }
                // One pass collects the page and counts every hit exactly.
                int wanted = (int) Math.min(Integer.MAX_VALUE - 1L, (long) query.offset() + query.limit());
                TopFieldDocs top = searcher.search(lucene,
                        new TopFieldCollectorManager(sort(query), wanted, null, Integer.MAX_VALUE));
                long total = top.totalHits.value;
                ScoreDoc[] hits = top.scoreDocs;
                int from = Math.min(query.offset(), hits.length);
                long[] ids = new long[hits.length - from];
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                for (int i = from; i < hits.length; i++) {
                    ids[i - from] = idOf(leaves, hits[i].doc);
                }
                return new Page(total, ids);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page deep in the list: a slice of the column's whole order, or for a filtered list a walk along it. */
    private Page deepPage(IndexSearcher searcher, Query lucene, CustomerQuery query) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        WholeOrder order = order(reader, query.sort());
        List<LeafReaderContext> leaves = reader.leaves();
        boolean ascending = query.ascending();
        if (lucene instanceof MatchAllDocsQuery) {
            int from = (int) Math.min(query.offset(), order.size());
            int to = (int) Math.min((long) query.offset() + query.limit(), order.size());
            long[] ids = new long[to - from];
            for (int i = from; i < to; i++) {
                ids[i - from] = idOf(leaves, order.doc(i, ascending));
            }
            return new Page(order.size(), ids);
        }
        FixedBitSet matches = matches(searcher, lucene);
        long total = matches.cardinality();
        long[] ids = new long[(int) Math.max(0, Math.min(query.limit(), total - query.offset()))];
        int skip = query.offset();
        int found = 0;
        for (int i = 0; i < order.size() && found < ids.length; i++) {
            int doc = order.doc(i, ascending);
            if (matches.get(doc)) {
                if (skip > 0) {
                    skip--;
                } else {
                    ids[found++] = idOf(leaves, doc);
                }
            }
        }
        return new Page(total, ids);
    }

    private WholeOrder order(IndexReader reader, CustomerQuery.Sort sort) throws IOException {
        Object key = WholeOrder.keyOf(reader);
        synchronized (orders) {
            WholeOrder order = orders.get(sort);
            if (order == null || order.readerKey != key) {
                order = isNumber(sort) ? WholeOrder.ofNumber(reader, sortField(sort), ID_VALUE)
                        : WholeOrder.ofText(reader, sortField(sort), ID_VALUE);
                orders.put(sort, order);
            }
            return order;
        }
    }

    /** The live documents that match, by top-level id. */
    private static FixedBitSet matches(IndexSearcher searcher, Query lucene) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        FixedBitSet matches = new FixedBitSet(Math.max(1, reader.maxDoc()));
        Weight weight = searcher.createWeight(searcher.rewrite(lucene), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : reader.leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    matches.set(leaf.docBase + doc);
                }
            }
        }
        return matches;
    }

    /** Keyset paging with Lucene's {@code searchAfter}: each page starts after the last hit of the one before. */
    @Override
    public void scan(CustomerQuery query, Predicate<long[]> page) {
        writer();
        int size = Math.max(1, query.limit());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query lucene = toLucene(query);
                Sort sort = sort(query);
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                ScoreDoc after = null;
                while (true) {
                    TopFieldDocs top = searcher.searchAfter(after, lucene, size, sort, false);
                    ScoreDoc[] hits = top.scoreDocs;
                    if (hits.length == 0) {
                        return;
                    }
                    long[] ids = new long[hits.length];
                    for (int i = 0; i < hits.length; i++) {
                        ids[i] = idOf(leaves, hits[i].doc);
                    }
                    if (!page.test(ids) || hits.length < size) {
                        return;
                    }
                    after = hits[hits.length - 1];
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long idOf(List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(ID_VALUE);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IOException("index document " + doc + " has no customer id");
        }
        return values.longValue();
    }

    static Query toLucene(CustomerQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        if (query.text() != null) {
            Query text = textQuery(query.text());
            if (text != null) {
                all.add(text, Occur.MUST);
                any = true;
            }
        }
        any |= filter(all, COUNTRY, query.country());
        any |= filter(all, CITY, query.city());
        any |= filter(all, TAG, query.tag());
        if (query.fieldKey() != null) {
            all.add(new TermQuery(new Term(FIELD, fieldTerm(query.fieldKey(), query.fieldValue()))), Occur.FILTER);
            any = true;
        }
        return any ? all.build() : new MatchAllDocsQuery();
    }

    private static boolean filter(BooleanQuery.Builder all, String field, String value) {
        if (value == null) {
            return false;
        }
        all.add(new TermQuery(new Term(field, SearchText.normalize(value))), Occur.FILTER);
        return true;
    }

    /** Every word of the text must appear, each as a prefix or part of a word. */
    static Query textQuery(String text) {
        if (SearchText.isPhoneLike(text)) {
            return partOfWord(SearchText.digits(text));
        }
        List<String> words = SearchText.words(SearchText.normalize(text));
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(partOfWord(word), Occur.MUST);
        }
        return all.build();
    }

    private static Query partOfWord(String word) {
        int length = SearchText.length(word);
        if (length >= GRAM) {
            List<String> grams = SearchText.grams(word, GRAM);
            if (grams.size() == 1) {
                return new TermQuery(new Term(GRAMS, grams.get(0)));
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (int i = 0; i < grams.size(); i++) {
                phrase.add(new Term(GRAMS, grams.get(i)), i);
            }
            return phrase.build();
        }
        if (length == 2) {
            // Every pair of characters of a word begins one of its grams (the last pair padded with WORD_END). A
            // pair common in names begins hundreds of grams: one pass filling a bit set is about twice as quick
            // as Lucene's default mix of iterators and bit set.
            return new PrefixQuery(new Term(GRAMS, word), MultiTermQuery.CONSTANT_SCORE_REWRITE);
        }
        return word.length() == 1 && AsciiCharacters.isAscii(word.charAt(0))
                ? AsciiCharacters.containing(word.charAt(0))
                : new TermQuery(new Term(SINGLES, word));
    }

    private static Sort sort(CustomerQuery query) {
        boolean reverse = !query.ascending();
        SortField primary = new SortField(sortField(query.sort()),
                isNumber(query.sort()) ? SortField.Type.LONG : SortField.Type.STRING, reverse);
        if (primary.getType() == SortField.Type.STRING) {
            // Customers without a value sort last whichever way the column is sorted (as in WholeOrder).
            primary.setMissingValue(reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
        }
        return new Sort(primary, new SortField(ID_VALUE, SortField.Type.LONG, reverse));
    }

    /** The doc values field a column sorts by: {@code sort_name}, {@code sort_created}, ... (see toLucene). */
    private static String sortField(CustomerQuery.Sort sort) {
        return SORT_PREFIX + sort.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isNumber(CustomerQuery.Sort sort) {
        return sort == CustomerQuery.Sort.CREATED || sort == CustomerQuery.Sort.UPDATED;
    }

    /**
     * Makes the Lucene documents of one call to {@link #put} or {@link #add}, one after the other: each value is
     * normalised once (for its words, its filter key and its sort key alike), and the words and token streams are
     * reused from customer to customer.
     */
    static final class DocumentMaker {

        private final Words words = new Words();
        private final GramStream trigrams = new GramStream(GramStream.Kind.TRIGRAMS, WORD_GAP);
        private final GramStream singles = new GramStream(GramStream.Kind.SINGLES, WORD_GAP);
        private final AsciiCharacters ascii = new AsciiCharacters();

        org.apache.lucene.document.Document toLucene(CustomerIndex.Document customer) {
            // CustomerIndex.Document shadows Lucene's document type in this class, hence the full name.
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            doc.add(new StringField(ID, Long.toString(customer.id()), Field.Store.NO));
            doc.add(new NumericDocValuesField(ID_VALUE, customer.id()));

            String name = SearchText.normalize(customer.name());
            String company = SearchText.normalize(customer.company());
            String country = SearchText.normalize(customer.country());
            String city = SearchText.normalize(customer.city());
            words.clear();
            words.addWordsOf(name);
            words.addWordsOf(company);
            for (String email : customer.emails()) {
                words.addWhole(SearchText.normalize(email));
                doc.add(new StringField(EMAIL, ContactKind.EMAIL.key(email), Field.Store.NO));
            }
            for (String phone : customer.phones()) {
                words.addWhole(SearchText.digits(phone));
                doc.add(new StringField(PHONE, ContactKind.MOBILE.key(phone), Field.Store.NO));
            }
            doc.add(new Field(GRAMS, trigrams.of(words), GRAMS_TYPE));
            ascii.clear();
            boolean beyondAscii = false;
            for (int i = 0; i < words.size(); i++) {
                beyondAscii |= !ascii.add(words.point(i));
            }
            ascii.addTo(doc);
            if (beyondAscii) {
                doc.add(new Field(SINGLES, singles.of(words), SINGLES_TYPE));
            }

            addKey(doc, COUNTRY, customer.country(), country);
            addKey(doc, CITY, customer.city(), city);
            for (String tag : customer.tags()) {
                addKey(doc, TAG, tag, null);
            }
            for (Map.Entry<String, String> field : customer.customFields().entrySet()) {
                doc.add(new StringField(FIELD, fieldTerm(field.getKey(), field.getValue()), Field.Store.NO));
            }

            addSortKey(doc, CustomerQuery.Sort.NAME, customer.name(), name);
            addSortKey(doc, CustomerQuery.Sort.COMPANY, customer.company(), company);
            addSortKey(doc, CustomerQuery.Sort.COUNTRY, customer.country(), country);
            addSortKey(doc, CustomerQuery.Sort.CITY, customer.city(), city);
            doc.add(new NumericDocValuesField(sortField(CustomerQuery.Sort.CREATED),
                    customer.createdAt() == null ? 0 : customer.createdAt().toEpochMilli()));
            doc.add(new NumericDocValuesField(sortField(CustomerQuery.Sort.UPDATED),
                    customer.updatedAt() == null ? 0 : customer.updatedAt().toEpochMilli()));
            return doc;
        }
    }

    /** Positions for the phrases of trigrams; no norms, since hits are sorted by a column and never scored. */
    private static final FieldType GRAMS_TYPE = new FieldType();
    /** Only whether a customer has the character: a one-character query beyond ASCII is a single term. */
    private static final FieldType SINGLES_TYPE = new FieldType();

    static {
        GRAMS_TYPE.setTokenized(true);
        GRAMS_TYPE.setOmitNorms(true);
        GRAMS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        GRAMS_TYPE.freeze();
        SINGLES_TYPE.setTokenized(true);
        SINGLES_TYPE.setOmitNorms(true);
        SINGLES_TYPE.setIndexOptions(IndexOptions.DOCS);
        SINGLES_TYPE.freeze();
    }

    /** {@code normalized} is the value already normalised, or null to normalise it here. */
    private static void addKey(org.apache.lucene.document.Document doc, String field, String value,
            String normalized) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, normalized != null ? normalized : SearchText.normalize(value),
                    Field.Store.NO));
        }
    }

    private static void addSortKey(org.apache.lucene.document.Document doc, CustomerQuery.Sort column, String value,
            String normalized) {
        if (value != null && !value.isBlank()) {
            BytesRef bytes = new BytesRef(normalized);
            if (bytes.length > MAX_SORT_BYTES) {
                bytes = new BytesRef(bytes.bytes, bytes.offset, MAX_SORT_BYTES);
            }
            doc.add(new SortedDocValuesField(sortField(column), bytes));
        }
    }

    static String fieldTerm(String key, String value) {
        return key.trim().toLowerCase(Locale.ROOT) + '\u0000' + SearchText.normalize(value == null ? "" : value);
    }

    /** Closes the index files; the next use opens them again. */
    @Override
    @Deactivate
    public synchronized void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            // Lucene's commit points are durable; an error while closing loses nothing committed.
        } finally {
            writer = null;
            searchers = null;
            directory = null;
        }
    }
}
