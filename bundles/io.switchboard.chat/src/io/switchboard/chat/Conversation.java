package io.switchboard.chat;

import java.time.Instant;

/**
 * A chat conversation with one customer on one channel.
 *
 * @param id            store id
 * @param channel       where the customer is: "web", "terminal", or a partner channel's name
 * @param handle        how the customer is known on that channel (an e-mail address or a chat handle), may be empty
 * @param customerId    the linked customer, or {@code null} while none is linked
 * @param state         where it is
 * @param agent         the agent handling it, or {@code null}
 * @param language      language of the customer's last message ("en", "zh")
 * @param startedAt     first message
 * @param lastMessageAt last message from anyone
 * @param waitingSince  when it was handed over and not yet taken, else {@code null}
 * @param preview       the last message, shortened
 * @param ticketId      the ticket it became, or {@code null}
 * @param version       optimistic-lock version
 */
public record Conversation(long id, String channel, String handle, Long customerId, ConversationState state,
        String agent, String language, Instant startedAt, Instant lastMessageAt, Instant waitingSince, String preview,
        Long ticketId, long version) {
}
