package io.switchboard.chat.bot.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the bot's index knows of a text: its terms, hashed to 64 bits while the text is scanned. Text in Latin and
 * other spaced scripts gives lower-cased words (runs of letters and digits); Chinese writes no spaces, so each CJK
 * character is a term and so is each pair of adjacent CJK characters (unigrams find the topic, bigrams the words).
 * One instance per thread: {@link #scan} reuses its arrays, so scanning allocates nothing once they have grown.
 */
public final class Terms {

    static final String ENGLISH = "en";
    static final String CHINESE = "zh";

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;
    private static final long BIGRAM_SEED = 0x9E3779B97F4A7C15L;

    /** Distinct term hashes of the last scanned text, and how often each occurs. */
    long[] hashes = new long[64];
    int[] counts = new int[64];
    int size;

    private long[] raw = new long[64];
    private int rawSize;

    /** Scans the text; afterwards {@link #hashes}/{@link #counts} hold its {@link #size} distinct terms. */
    public int scan(String text) {
        rawSize = 0;
        int length = text.length();
        long word = FNV_OFFSET;
        boolean inWord = false;
        char previousCjk = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isCjk(c)) {
                if (inWord) {
                    emit(mix(word));
                    inWord = false;
                    word = FNV_OFFSET;
                }
                emit(mix(c));
                if (previousCjk != 0) {
                    emit(mix(BIGRAM_SEED ^ ((long) previousCjk << 16 | c)));
                }
                previousCjk = c;
            } else if (Character.isLetterOrDigit(c)) {
                previousCjk = 0;
                inWord = true;
                word = (word ^ Character.toLowerCase(c)) * FNV_PRIME;
            } else {
                previousCjk = 0;
                if (inWord) {
                    emit(mix(word));
                    inWord = false;
                    word = FNV_OFFSET;
                }
            }
        }
        if (inWord) {
            emit(mix(word));
        }
        // distinct terms with counts: sort the occurrences (short texts: a few dozen)
        Arrays.sort(raw, 0, rawSize);
        if (hashes.length < rawSize) {
            hashes = new long[raw.length];
            counts = new int[raw.length];
        }
        size = 0;
        for (int i = 0; i < rawSize; i++) {
            if (size > 0 && hashes[size - 1] == raw[i]) {
                counts[size - 1]++;
            } else {
                hashes[size] = raw[i];
                counts[size] = 1;
                size++;
            }
        }
        return size;
    }

    private void emit(long hash) {
        if (rawSize == raw.length) {
            raw = Arrays.copyOf(raw, rawSize * 2);
        }
        raw[rawSize++] = hash;
    }

    /** CJK ideographs (the unified blocks and their extensions in the basic plane), kana and hangul. */
    static boolean isCjk(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF);
    }

    /** "zh" when most of the text's letters are CJK characters, else "en". */
    public static String language(String text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isCjk(c)) {
                cjk++;
                letters++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        // a Chinese sentence with an English product name in it is still Chinese: one CJK character weighs two letters
        return cjk > 0 && 2 * cjk >= letters - cjk ? CHINESE : ENGLISH;
    }

    /**
     * The text as it is compared for duplicates: lower case, white space collapsed to single spaces, trimmed.
     */
    public static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** MurmurHash3's finaliser: spreads FNV's weak low bits before the open-addressing lookup. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** A 64-bit hash of a whole string (duplicate detection). */
    static long hash(String text) {
        long h = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return mix(h);
    }
}
