package io.switchboard.customers.search.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.customers.CustomerIndex.Document;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.search.LuceneCustomerIndex;
import io.switchboard.customers.search.SearchText;

/**
 * Queries of one, two and three characters against what they mean, worked out by hand: a customer matches when
 * some word of the name or company, an e-mail address or the digits of a phone number holds the query's text
 * (after normalisation). The index answers them three different ways (characters, prefixes of grams, grams), so
 * they are checked on many customers made of few characters, where every pair occurs in every position of a word.
 */
class ShortQueryTest {

    /** Mixed case, accents, a ligature (ﬁ is two letters), full width, Turkish I, Chinese, digits, punctuation. */
    private static final String ALPHABET = "abAB\u00e9\u00c9\u00df\ufb01\uff21\u0130\u0131\u738b\u5c0f\u660e01_%'.-@";

    @TempDir
    Path folder;

    private LuceneCustomerIndex index;
    private final List<Document> customers = new ArrayList<>();

    @BeforeEach
    void fill() {
        Random random = new Random(7);
        for (long id = 1; id <= 400; id++) {
            customers.add(new Document(id, words(random, 1 + random.nextInt(3)), random.nextInt(3) == 0 ? null
                    : words(random, 1 + random.nextInt(2)), "Iceland", "Reykjavik",
                    random.nextBoolean() ? List.of(word(random) + "@" + word(random) + ".example") : List.of(),
                    random.nextBoolean() ? List.of("+354 " + random.nextInt(1000) + "-" + random.nextInt(100))
                            : List.of(),
                    Set.of(), Map.of(), Instant.ofEpochSecond(id), Instant.ofEpochSecond(id)));
        }
        // Two-character words on their own, a Chinese given name among them.
        customers.add(new Document(401, "\u738b \u5c0f\u660e", null, null, null, List.of(), List.of(), Set.of(),
                Map.of(), Instant.EPOCH, Instant.EPOCH));
        customers.add(new Document(402, "ab b a", "A", null, null, List.of(), List.of(), Set.of(), Map.of(),
                Instant.EPOCH, Instant.EPOCH));
        index = new LuceneCustomerIndex(folder);
        index.add(customers.subList(0, 200));
        index.commit();
        // A second segment, and customers put again: each must still be found once.
        index.add(customers.subList(200, customers.size()));
        index.put(customers.subList(0, 50));
        index.commit();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static String words(Random random, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(i == 0 ? "" : " ").append(word(random));
        }
        return words.toString();
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            word.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return word.toString();
    }

    @Test
    void everyOneAndTwoCharacterQueryFindsWhatItMeans() {
        Set<String> characters = new LinkedHashSet<>();
        SearchText.normalize(ALPHABET).codePoints().forEach(c -> characters.add(Character.toString(c)));
        for (String first : characters) {
            check(first);
            check(first.toUpperCase(Locale.ROOT));
            for (String second : characters) {
                check(first + second);
            }
        }
    }

    @Test
    void threeCharacterQueriesFindWhatTheyMean() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            check(word(random).repeat(3).substring(0, 3));
        }
        check("\u738b\u5c0f\u660e");
    }

    @Test
    void severalShortWordsMustAllBeFound() {
        check("a b");
        check("ab \u5c0f");
        check("\u5c0f\u660e \u738b");
    }

    private void check(String query) {
        long[] expected = customers.stream().filter(c -> matches(c, query)).mapToLong(Document::id)
                .distinct().sorted().toArray();
        long[] found = index.search(CustomerQuery.ALL.withText(query).page(0, 10_000)).ids();
        Arrays.sort(found);
        assertArrayEquals(expected, found, () -> "for the query \"" + query + "\"");
    }

    private static boolean matches(Document customer, String query) {
        List<String> words = new ArrayList<>();
        words.addAll(split(SearchText.normalize(customer.name())));
        words.addAll(split(SearchText.normalize(customer.company())));
        customer.emails().forEach(email -> words.add(SearchText.normalize(email)));
        customer.phones().forEach(phone -> words.add(phone.replaceAll("[^0-9]", "")));
        List<String> wanted = split(SearchText.normalize(query));
        return !wanted.isEmpty() && wanted.stream().allMatch(w -> words.stream().anyMatch(word -> word.contains(w)));
    }

    private static List<String> split(String normalized) {
        return Arrays.stream(normalized.split("[\\s,;]+")).filter(w -> !w.isEmpty()).toList();
    }
}
