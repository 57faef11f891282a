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
 *
 * <p>Public only so that the tests can compare {@link #normalize} with {@link #normalizeByUnicode}; the package is
 * exported to the test bundles alone.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9()\\-./\\s]+");

    private static final char LATIN_1_FIRST = '\u00c0';
    private static final char LATIN_1_LAST = '\u00ff';
    private static final char CJK_FIRST = '\u4e00';
    private static final char CJK_LAST = '\u9fff';
    /** What each of À..ÿ becomes on its own (à, e for é, ß stays); 0 where that is not one character. */
    private static final char[] LATIN_1 = new char[LATIN_1_LAST - LATIN_1_FIRST + 1];

    static {
        for (char c = LATIN_1_FIRST; c <= LATIN_1_LAST; c++) {
            String alone = normalizeByUnicode(String.valueOf(c));
            LATIN_1[c - LATIN_1_FIRST] = alone.length() == 1 ? alone.charAt(0) : 0;
        }
    }

    /**
     * Most names, e-mail addresses and cities are ASCII, Latin-1 letters or common Chinese characters. Each of
     * those is a starter that is already in NFKC and composes with none of the others, and lower-casing them needs
     * no context (no Greek sigma, no dotted I), so the three Normalizer passes give what each character gives on
     * its own: a table look-up. Anything else takes the whole path.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int length = text.length();
        char[] out = null;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            char folded;
            if (c < 0x80) {
                folded = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else if (c >= LATIN_1_FIRST && c <= LATIN_1_LAST) {
                folded = LATIN_1[c - LATIN_1_FIRST];
                if (folded == 0) {
                    return normalizeByUnicode(text);
                }
            } else if (c >= CJK_FIRST && c <= CJK_LAST) {
                folded = c;
            } else {
                return normalizeByUnicode(text);
            }
            if (folded != c && out == null) {
                out = new char[length];
                text.getChars(0, i, out, 0);
            }
            if (out != null) {
                out[i] = folded;
            }
        }
        return out == null ? text.trim() : new String(out).trim();
    }

    /** The definition of {@link #normalize}: every character through Unicode's normalisation. */
    public static String normalizeByUnicode(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC).trim();
    }

    /** Where normalised text is cut into words: white space (as the regular expression {@code \s}), commas, semicolons. */
    static boolean separatesWords(char c) {
        return c == ' ' || c == ',' || c == ';' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f'
                || c == '\r';
    }

    /** The words of already normalised text: split at white space, commas and semicolons. */
    static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean separator = i == normalized.length() || separatesWords(normalized.charAt(i));
            if (separator && start >= 0) {
                words.add(normalized.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
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
