package io.switchboard.tickets;

import java.time.Instant;
import java.util.List;

/**
 * What the classifier said about a ticket when it arrived (or was last re-classified), kept with the ticket so
 * the agent sees why it was routed where it was, and so a later change of category can be recorded as a
 * correction of exactly this prediction.
 *
 * @param category     the predicted category ({@code null} never; "unsure" answers keep the best guess here)
 * @param confidence   its probability
 * @param unsure       below the threshold: shown, not routed
 * @param terms        the words that drove the answer, strongest first
 * @param modelVersion the model version that answered
 * @param at           when
 */
public record Suggestion(String category, double confidence, boolean unsure, List<String> terms, String modelVersion,
        Instant at) {

    public Suggestion {
        terms = List.copyOf(terms);
    }
}
