package io.switchboard.classifier;

import java.util.List;

/**
 * A model's answer for one text.
 *
 * @param category   the most probable category
 * @param confidence its probability
 * @param unsure     {@code true} when the confidence is below the threshold: show the suggestion, do not route
 * @param ranking    every category with its probability, most probable first
 * @param terms      the words and word pairs of the text that pushed most towards {@code category}, strongest first
 */
public record Prediction(String category, double confidence, boolean unsure, List<ScoredCategory> ranking,
        List<Term> terms) {

    /** The word printed and routed on instead of a category when unsure. */
    public static final String UNSURE = "unsure";

    public record ScoredCategory(String category, double probability) {
    }

    /** A word n-gram and how much it added to the category's decision value. */
    public record Term(String text, double weight) {
    }
}
