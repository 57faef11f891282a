package io.switchboard.customers.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How text is normalised on both sides of the index, so that what the agent types finds what was stored:
 * compatibility forms folded (full-width Latin, ligatures), case ignored, accents ignored, phone numbers compared
 * by their digits.
 */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s,;]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9()\\-./\\s]+");

    static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC).trim();
    }

    /** The words of already normalised text: split at white space, commas and semicolons. */
    static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        for (String word : SPACES.split(normalized)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static String digits(String text) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Text that is only a phone number as people write one: digits and the usual separators. */
    static boolean isPhoneLike(String text) {
        return PHONE_LIKE.matcher(text).matches() && digits(text).length() >= 3;
    }

    /** The n-grams of a word, by code point so that Chinese characters are never split. */
    static List<String> grams(String word, int n) {
        int[] points = word.codePoints().toArray();
        List<String> grams = new ArrayList<>();
        if (points.length <= n) {
            grams.add(word);
            return grams;
        }
        for (int i = 0; i + n <= points.length; i++) {
            grams.add(new String(points, i, n));
        }
        return grams;
    }

    static int length(String word) {
        return word.codePointCount(0, word.length());
    }

    private SearchText() {
    }
}
