package io.switchboard.customers;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The text index behind {@link CustomerQuery#text()}: names (Chinese ones too), companies, e-mail addresses and
 * phone numbers found by prefix or any part of a word in milliseconds over millions of customers, where a
 * database {@code LIKE '%...%'} must read every row. The store keeps it in step with every write; the index can
 * always be rebuilt from the store, so it holds nothing that would be lost with it.
 */
public interface CustomerIndex {

    /** What the index knows of one customer. */
    record Document(long id, String name, String company, String country, String city, List<String> emails,
            List<String> phones, Collection<String> tags, Map<String, String> customFields, Instant createdAt,
            Instant updatedAt) {
    }

    /** One page of matching customer ids in the query's order, and how many match in all. */
    record Page(long total, long[] ids) {
    }

    /** Adds the documents, replacing any with the same id. Visible to searches after {@link #commit()}. */
    void put(Collection<Document> documents);

    /**
     * Adds documents whose ids the index does not hold yet (a bulk load after {@link #clear()}): no lookup of an
     * older document with the same id, hence faster than {@link #put(Collection)}.
     */
    default void add(Collection<Document> documents) {
        put(documents);
    }

    void remove(long id);

    /** Removes every document (before a rebuild). */
    void clear();

    /** Makes every change so far durable and visible to searches. */
    void commit();

    /**
     * Commits like {@link #commit()} and records with it that every customer stored with an update time at or
     * before {@code through} is in the index (a bulk load that indexed everything it stored says so).
     */
    default void commitThrough(Instant through) {
        commit();
    }

    /** What the last {@link #commitThrough(Instant)} recorded, if any. */
    default Optional<Instant> completeThrough() {
        return Optional.empty();
    }

    /** Number of documents after the last commit. */
    long size();

    /**
     * The latest {@code updatedAt} among the committed documents, so the store can re-index just what changed
     * after it (for example when the process died between a database commit and the index commit).
     */
    Optional<Instant> newestUpdate();

    /** Customers matching the whole query (text, filters), sorted and paged as it asks. */
    Page search(CustomerQuery query);

    /**
     * For each of the e-mail keys ({@link ContactKind#key}) that customers have, their ids, as of every document
     * put so far (committed or not). The store checks them against its rows: the database stays the truth.
     */
    Map<String, long[]> idsByEmail(Collection<String> emailKeys);

    /**
     * Like {@link #idsByEmail} for the keys of phone numbers (mobile and landline, {@link ContactKind#key}: the
     * digits), so that an import matches a row without an e-mail address by its phone. {@code null} if the index
     * cannot say; the store then reads the database.
     */
    default Map<String, long[]> idsByPhone(Collection<String> phoneKeys) {
        return null;
    }

    /**
     * One customer for each country that customers have, as of the last commit, in the order of the countries'
     * normalised names: the store reads each country's spelling from its customer. An index that knows no
     * countries (or cannot list them) returns {@code null}, and the store asks the database.
     */
    default long[] oneCustomerPerCountry() {
        return null;
    }

    /**
     * Ids of every customer matching the query, in its order, handed to {@code page} {@code query.limit()} at a
     * time (the offset is ignored) from one view of the index, each page continuing after the last of the one
     * before; stops when {@code page} returns {@code false}.
     */
    default void scan(CustomerQuery query, Predicate<long[]> page) {
        int size = Math.max(1, query.limit());
        for (int offset = 0;; offset += size) {
            long[] ids = search(query.page(offset, size)).ids();
            if (ids.length == 0 || !page.test(ids) || ids.length < size) {
                return;
            }
        }
    }
}
