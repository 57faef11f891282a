package io.switchboard.chat;

/**
 * The bot's answer to one message.
 *
 * @param text       the response to send, or the hand-over sentence when {@code handOver} is set
 * @param confidence 0..1; how sure the bot is that {@code text} answers the message
 * @param handOver   the confidence was below the threshold: a person should answer
 * @param language   the language of the message the answer is in, as a BCP 47 tag ("en", "zh")
 */
public record BotAnswer(String text, double confidence, boolean handOver, String language) {
}
