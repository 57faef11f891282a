package io.switchboard.chat;

import java.nio.file.Path;
import java.util.List;

import io.switchboard.core.Progress;

/**
 * The bot: it learns statement -> response pairs and answers a message from an index of what it learned, with a
 * confidence. Below {@link #threshold()} it does not guess: {@link BotAnswer#handOver()} is set and the answer's
 * text is the hand-over sentence in the language of the message. The knowledge lives in the data folder, so it
 * survives a restart; learning the same pair again changes nothing (it is counted as a duplicate).
 *
 * <p>Thread-safe: answers may be asked from many threads (the web channel) while the bot learns.
 */
public interface Chatbot {

    /**
     * Learns from a ChatterBot corpus: one YAML file, or every {@code .yml}/{@code .yaml} file under a folder.
     * Each statement of a conversation answers the one before it. A malformed file is named in the report with
     * its line and skipped; what was learned before stays.
     */
    LearnReport learnCorpus(Path fileOrFolder, Progress progress);

    /**
     * Learns from an RFC 4180 CSV file with the header {@code question,answer} (UTF-8). Rejected lines are named
     * in the report with their line number and reason.
     */
    LearnReport learnPairs(Path csvFile, Progress progress);

    /**
     * Learns pairs given directly (a finished conversation in which an agent answered; a canned response).
     *
     * @param source where they come from, for the report (e.g. "conversation 42")
     */
    LearnReport learn(List<StatementPair> pairs, String source);

    /** The best answer to one message; never null. An empty or blank message is handed over. */
    BotAnswer answer(String message);

    /** Up to {@code limit} different responses, best first, whatever their confidence (the agent's suggestions). */
    List<BotAnswer> suggest(String message, int limit);

    /** Below this confidence the bot hands over instead of answering (0..1, a preference). */
    double threshold();

    /** How many distinct pairs the bot knows. */
    long size();

    /** Forgets everything it learned. */
    void clear();
}
