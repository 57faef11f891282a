package io.switchboard.classifier.services.internal;

/**
 * Which n-grams become features. Word n-grams carry meaning; character n-grams inside words ("char_wb") catch
 * typos, inflections and compounds that short support messages are full of. Chinese has no spaces, so every CJK
 * character is a word of its own and word bigrams become character bigrams.
 *
 * @param wordMaxN  longest word n-gram (1..3)
 * @param charMinN  shortest character n-gram, or 0 for none
 * @param charMaxN  longest character n-gram (at most 8)
 * @param minDf     n-grams in fewer training texts than this are dropped (smaller, faster model)
 */
public record FeatureSettings(int wordMaxN, int charMinN, int charMaxN, int minDf) {

    /**
     * Word 1-2-grams and character 3-5-grams. Character 2-5-grams were 0.12 points more accurate on Banking77
     * (0.9066 against 0.9054) but give each text 27 % more features, which made training 1.7 times and
     * classification 1.3 times slower (docs/benchmarks.md).
     */
    public static final FeatureSettings DEFAULT = new FeatureSettings(2, 3, 5, 2);

    /** The classic baseline: word 1-2-grams only, every n-gram kept. */
    public static final FeatureSettings WORDS_ONLY = new FeatureSettings(2, 0, 0, 1);

    public FeatureSettings {
        if (wordMaxN < 1 || wordMaxN > 3 || charMaxN > 8 || (charMinN > 0 && charMinN > charMaxN) || minDf < 1) {
            throw new IllegalArgumentException("bad feature settings " + wordMaxN + "/" + charMinN + "-" + charMaxN);
        }
    }

    public boolean hasCharNgrams() {
        return charMinN > 0;
    }

    @Override
    public String toString() {
        return "word 1-" + wordMaxN + "-grams" + (hasCharNgrams() ? " + char " + charMinN + "-" + charMaxN + "-grams" : "")
                + ", min_df " + minDf + ", tf-idf (sublinear tf, l2)";
    }
}
