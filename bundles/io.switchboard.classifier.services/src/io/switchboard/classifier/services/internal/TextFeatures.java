package io.switchboard.classifier.services.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF over word and character n-grams, fitted on training texts only. N-grams are hashed to 64 bits while
 * the text is scanned (no substring is created when predicting), then looked up in the fitted vocabulary;
 * collisions at 64 bits are negligible for vocabularies of this size. Word and character blocks are each
 * l2-normalised and then weighted equally, like a union of two vectorizers.
 */
public final class TextFeatures {

    private static final long WORD_SEED = 0x9E3779B97F4A7C15L;
    private static final long CHAR_SEED = 0xC2B2AE3D27D4EB4FL;
    private static final long FNV_PRIME = 0x100000001B3L;
    /** 1 + ln(count), the sublinear term frequency, for the counts short texts have. */
    private static final float[] SUBLINEAR_TF = new float[64];

    static {
        for (int i = 1; i < SUBLINEAR_TF.length; i++) {
            SUBLINEAR_TF[i] = (float) (1 + Math.log(i));
        }
    }

    final FeatureSettings settings;
    /** Hash of each feature, word features first: index i < wordCount is a word n-gram. */
    final long[] hashes;
    final int wordCount;
    final float[] idf;
    /** Text of each word feature (for explanations); character features have none. */
    final String[] wordTerms;
    private final LongIntMap index;

    TextFeatures(FeatureSettings settings, long[] hashes, int wordCount, float[] idf, String[] wordTerms) {
        this.settings = settings;
        this.hashes = hashes;
        this.wordCount = wordCount;
        this.idf = idf;
        this.wordTerms = wordTerms;
        this.index = new LongIntMap(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            index.put(hashes[i], i);
        }
    }

    public int size() {
        return hashes.length;
    }

    /** Learns vocabulary and inverse document frequencies from the training texts. */
    public static TextFeatures fit(FeatureSettings settings, List<String> texts) {
        Scratch scratch = new Scratch();
        LongIntMap df = new LongIntMap(1 << 16);
        Map<Long, String> terms = new HashMap<>();
        for (String text : texts) {
            int n = scratch.extract(settings, text, terms);
            long[] h = scratch.hashes;
            Arrays.sort(h, 0, n);
            for (int i = 0; i < n; i++) {
                if (i == 0 || h[i] != h[i - 1]) {
                    df.add(h[i], 1);
                }
            }
        }
        List<long[]> words = new ArrayList<>();
        List<long[]> chars = new ArrayList<>();
        df.forEach((hash, count) -> {
            if (count >= settings.minDf()) {
                (terms.containsKey(hash) ? words : chars).add(new long[] { hash, count });
            }
        });
        // sorted so that the same data gives the same model, byte for byte
        words.sort((a, b) -> Long.compare(a[0], b[0]));
        chars.sort((a, b) -> Long.compare(a[0], b[0]));
        int total = words.size() + chars.size();
        long[] hashes = new long[total];
        float[] idf = new float[total];
        String[] wordTerms = new String[words.size()];
        double docs = texts.size();
        int i = 0;
        for (List<long[]> block : List.of(words, chars)) {
            for (long[] entry : block) {
                hashes[i] = entry[0];
                idf[i] = (float) (Math.log((1 + docs) / (1 + entry[1])) + 1);
                if (i < wordTerms.length) {
                    wordTerms[i] = terms.get(entry[0]);
                }
                i++;
            }
        }
        return new TextFeatures(settings, hashes, words.size(), idf, wordTerms);
    }

    /**
     * The text's TF-IDF vector into the scratch's {@code outIds}/{@code outValues}, in order of first occurrence.
     *
     * @return the number of non-zero features
     */
    public int transform(String text, Scratch scratch) {
        int n = scratch.extract(settings, text, null);
        long[] h = scratch.hashes;
        // counting in a zeroed per-thread array beats sorting the ids; it is zeroed again below
        int[] counts = scratch.counts(hashes.length);
        int[] outIds = scratch.outIds(n);
        float[] outValues = scratch.outValues;
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            int id = index.get(h[i], -1);
            if (id >= 0 && counts[id]++ == 0) {
                outIds[nnz++] = id;
            }
        }
        double wordNorm = 0;
        double charNorm = 0;
        for (int i = 0; i < nnz; i++) {
            int id = outIds[i];
            int count = counts[id];
            counts[id] = 0;
            float value = (count < SUBLINEAR_TF.length ? SUBLINEAR_TF[count] : (float) (1 + Math.log(count))) * idf[id];
            if (id < wordCount) {
                wordNorm += value * value;
            } else {
                charNorm += value * value;
            }
            outValues[i] = value;
        }
        int blocks = (wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? 1 : 0);
        if (blocks > 0) {
            double share = 1 / Math.sqrt(blocks);
            float wordScale = (float) (wordNorm > 0 ? share / Math.sqrt(wordNorm) : 0);
            float charScale = (float) (charNorm > 0 ? share / Math.sqrt(charNorm) : 0);
            for (int i = 0; i < nnz; i++) {
                outValues[i] *= outIds[i] < wordCount ? wordScale : charScale;
            }
        }
        return nnz;
    }

    /**
     * Per-thread buffers, so that transforming a text allocates nothing once the buffers have grown.
     */
    public static final class Scratch {
        long[] hashes = new long[1024];
        int[] outIds = new int[1024];
        float[] outValues = new float[1024];
        private char[] chars = new char[256];
        private int[] tokenStart = new int[64];
        private int[] tokenEnd = new int[64];
        private long[] tokenHash = new long[64];
        private int count;

        private float[] sums = new float[0];

        float[] sums(int k) {
            if (sums.length != k) {
                sums = new float[k];
            }
            return sums;
        }

        private int[] counts = new int[0];

        int[] counts(int features) {
            if (counts.length < features) {
                counts = new int[features];
            }
            return counts;
        }

        int[] outIds(int n) {
            if (outIds.length < n) {
                outIds = new int[n];
                outValues = new float[n];
            }
            return outIds;
        }

        /**
         * Hashes of every n-gram occurrence in the text; with {@code terms} given, also remembers the text of each
         * word n-gram (only while fitting).
         */
        int extract(FeatureSettings settings, String text, Map<Long, String> terms) {
            int tokens = tokenize(text);
            count = 0;
            int wordMaxN = settings.wordMaxN();
            for (int t = 0; t < tokens; t++) {
                long h = WORD_SEED;
                for (int n = 1; n <= wordMaxN && t + n <= tokens; n++) {
                    h = mix(h * 31 + tokenHash[t + n - 1] + n);
                    emit(h);
                }
            }
            if (terms != null) {
                rememberTerms(tokens, wordMaxN, terms);
            }
            if (settings.hasCharNgrams()) {
                int minN = settings.charMinN();
                int maxN = settings.charMaxN();
                for (int t = 0; t < tokens; t++) {
                    int start = tokenStart[t];
                    int length = tokenEnd[t] - start + 2;
                    for (int i = 0; i < length; i++) {
                        long h = CHAR_SEED;
                        for (int n = 1; n <= maxN && i + n <= length; n++) {
                            h = (h ^ paddedChar(start, length, i + n - 1)) * FNV_PRIME;
                            if (n >= minN) {
                                emit(mix(h + n));
                            }
                        }
                    }
                }
            }
            return count;
        }

        private void rememberTerms(int tokens, int wordMaxN, Map<Long, String> terms) {
            for (int t = 0; t < tokens; t++) {
                long h = WORD_SEED;
                for (int n = 1; n <= wordMaxN && t + n <= tokens; n++) {
                    h = mix(h * 31 + tokenHash[t + n - 1] + n);
                    if (!terms.containsKey(h)) {
                        terms.put(h, phrase(t, t + n));
                    }
                }
            }
        }

        private String phrase(int from, int to) {
            StringBuilder b = new StringBuilder();
            for (int t = from; t < to; t++) {
                if (t > from) {
                    b.append(' ');
                }
                b.append(chars, tokenStart[t], tokenEnd[t] - tokenStart[t]);
            }
            return b.toString();
        }

        private char paddedChar(int start, int length, int i) {
            return i == 0 || i == length - 1 ? ' ' : chars[start + i - 1];
        }

        private void emit(long hash) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            hashes[count++] = hash;
        }

        /**
         * Lower-cased runs of letters and digits; each CJK ideograph is a token of its own, since Chinese writes
         * no spaces and single characters carry most of the meaning.
         */
        private int tokenize(String text) {
            int length = text.length();
            if (chars.length < length) {
                chars = new char[length];
            }
            int tokens = 0;
            int used = 0;
            int start = -1;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                boolean letter = Character.isLetterOrDigit(c);
                boolean ideograph = letter && c >= 0x2E80 && Character.isIdeographic(c);
                if (start >= 0 && (!letter || ideograph)) {
                    tokens = addToken(tokens, start, used);
                    start = -1;
                }
                if (letter) {
                    if (start < 0) {
                        start = used;
                    }
                    chars[used++] = Character.toLowerCase(c);
                    if (ideograph) {
                        tokens = addToken(tokens, start, used);
                        start = -1;
                    }
                }
            }
            if (start >= 0) {
                tokens = addToken(tokens, start, used);
            }
            return tokens;
        }

        private int addToken(int tokens, int start, int end) {
            if (tokens == tokenStart.length) {
                tokenStart = Arrays.copyOf(tokenStart, tokens * 2);
                tokenEnd = Arrays.copyOf(tokenEnd, tokens * 2);
                tokenHash = Arrays.copyOf(tokenHash, tokens * 2);
            }
            long h = 0xCBF29CE484222325L;
            for (int i = start; i < end; i++) {
                h = (h ^ chars[i]) * FNV_PRIME;
            }
            tokenStart[tokens] = start;
            tokenEnd[tokens] = end;
            tokenHash[tokens] = h;
            return tokens + 1;
        }
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
}
