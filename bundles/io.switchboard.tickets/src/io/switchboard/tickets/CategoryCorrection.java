package io.switchboard.tickets;

import java.time.Instant;

/**
 * An agent put a ticket in another category than the classifier suggested. Corrections are training data: the
 * next retraining learns {@code text} as {@code corrected}.
 *
 * @param text         the text the classifier saw (subject and first message)
 * @param predicted    what the classifier said
 * @param corrected    what the agent chose
 * @param modelVersion the model that was wrong
 */
public record CategoryCorrection(long ticketId, String text, String predicted, String corrected, String agent,
        String modelVersion, Instant at) {
}
