package io.switchboard.chat;

import java.time.Instant;

/**
 * One message of a conversation.
 *
 * @param id             store id
 * @param conversationId the conversation
 * @param sender         who wrote it
 * @param author         the agent's name for {@link Sender#AGENT}, the customer's handle for {@link Sender#CUSTOMER},
 *                       "bot" for {@link Sender#BOT}
 * @param text           plain text, never interpreted as markup
 * @param confidence     the bot's confidence for {@link Sender#BOT} messages, otherwise 0
 * @param sentAt         when it was stored
 */
public record ChatMessage(long id, long conversationId, Sender sender, String author, String text, double confidence,
        Instant sentAt) {

    public enum Sender {
        CUSTOMER, BOT, AGENT,
        /** A notice of the system, e.g. "an agent joined". */
        SYSTEM
    }
}
