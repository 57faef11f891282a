package io.switchboard.classifier;

/** A text with the category a person gave it; {@code source} says where it came from (e.g. "data.csv:12"). */
public record LabeledText(String text, String category, String source) {

    public LabeledText(String text, String category) {
        this(text, category, null);
    }
}
