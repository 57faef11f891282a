package io.switchboard.chat;

import java.util.List;

/**
 * What one learning run did.
 *
 * @param learned    pairs new to the bot
 * @param duplicates pairs it already knew (also those repeated within the input)
 * @param rejected   every file and line that was not learned, with the reason
 */
public record LearnReport(long learned, long duplicates, List<Rejection> rejected) {

    /**
     * @param file   the file, as given or found under the folder given
     * @param line   1-based line, or 0 when the whole file was rejected without a line
     * @param reason a sentence in the user's language
     */
    public record Rejection(String file, long line, String reason) {
    }
}
