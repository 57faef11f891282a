package io.switchboard.customers.search.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.switchboard.customers.search.SearchText;

/** The quick path of normalisation must give exactly what the three Normalizer passes give, whatever the text. */
class SearchTextTest {

    /** Characters where normalisation does something: every one of them next to every other is tried. */
    private static final String TRICKY = "aZ09 ,;\t\n\u000b\f\r\u0000\u007f@._-%'\"" // ASCII, separators, controls
            + "\u00c0\u00c9\u00e9\u00d6\u00df\u00e6\u00d8\u00f8\u00d7\u00f7\u00ff\u00c5" // Latin-1: accents, ß, æ, ×
            + "\u00a0\u00aa\u00b2\u00b5\u00bd\u00b4\u00a8" // Latin-1 with compatibility forms: nbsp, ª, ², µ, ½
            + "\u0130\u0131\u0049\u0069" // Turkish dotted and dotless I
            + "\u0301\u0308\u0327\u20dd" // combining marks, which compose with what precedes them
            + "\ufb01\ufb00\u0132\u01c6" // ligatures fi, ff, IJ, dž
            + "\uff21\uff41\uff10\u3000\uff0c" // full-width A, a, 0, space, comma
            + "\u738b\u5c0f\u660e\u534e\u4e3a\u9fff\u4e00\uf900\u2f00" // Chinese, a compatibility ideograph, a radical
            + "\u03a3\u03c3\u03c2\u1e9e" // Greek sigma (final form depends on context), capital sharp s
            + "\u1100\u1161\u11a8\uac00" // Hangul jamo, which compose, and a syllable
            + "\ud835\udc00\ud83d\ude00\ud800" // mathematical A, an emoji, a lone surrogate
            + "\u2126\u212b\u2160"; // ohm, angstrom, Roman numeral one

    /** Characters of the quick path. */
    private static final String QUICK = "aB \u00e9\u00c9\u00df\u00e6\u738b\u660e,";

    @Test
    void everyPairOfTrickyCharactersNormalisesAsUnicodeSays() {
        List<String> characters = TRICKY.codePoints().mapToObj(Character::toString).toList();
        for (String first : characters) {
            check(first);
            for (String second : characters) {
                check(first + second);
                check(" " + first + "x" + second + " ");
            }
        }
    }

    @Test
    void realisticValuesNormaliseAsUnicodeSays() {
        for (String text : List.of("Jane Smith", "  JOHN  smithers ", "Jos\u00e9 \u00c1lvarez", "Jose\u0301 A\u0301lvarez",
                "\u738b\u5c0f\u660e", "\u738b \u5c0f\u660e", "\uff33\uff2d\uff29\uff34\uff28", "\u0130stanbul \u0131s\u0131k",
                "Stra\u00dfe", "STRASSE", "\ufb01nance \ufb02ow", "M\u00fcller-L\u00fcdenscheidt", "Zo\u00eb \u00c6lfric",
                "\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3", "jane.smith@acme.example", "+44 20 7946 0018",
                "\u00c5ngstr\u00f6m", "\u212bngstr\u00f6m", "\u00a0Anna\u00a0", "", " ", "\t")) {
            check(text);
        }
    }

    @Test
    void randomMixturesNormaliseAsUnicodeSays() {
        Random random = new Random(42);
        int[] points = TRICKY.codePoints().toArray();
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                // Mostly the characters of the quick path, now and then one that is not.
                if (random.nextInt(4) == 0) {
                    text.appendCodePoint(points[random.nextInt(points.length)]);
                } else {
                    text.append(QUICK.charAt(random.nextInt(QUICK.length())));
                }
            }
            check(text.toString());
        }
    }

    private static void check(String text) {
        assertEquals(SearchText.normalizeByUnicode(text), SearchText.normalize(text), () -> "for " + escaped(text));
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        return escaped.toString();
    }
}
