package io.switchboard.chat;

import java.util.List;
import java.util.Optional;

/**
 * Conversations between customers, the bot and agents; every channel (terminal, web, partner channels) goes
 * through this service, and the chat console works on it. Every change is stored before it is announced on the
 * {@code io/switchboard/chat/*} topics of {@link io.switchboard.core.SwitchboardTopics} (property {@code id}: the
 * conversation). Customer and agent messages of a conversation linked to a customer are written to that customer's
 * timeline; when a customer is linked later, the conversation so far is written then.
 */
public interface ChatService {

    /**
     * Starts a conversation. When {@code handle} is an e-mail address or chat handle of exactly one customer, the
     * conversation is linked to that customer: by an e-mail address before this returns; by a chat handle, whose
     * lookup may take long, possibly just after, announced on {@code chat/changed} like any link.
     */
    Conversation start(String channel, String handle);

    /**
     * Stores a customer's message and, while the bot has the conversation, the bot's reply: an answer, or the
     * hand-over sentence after which the conversation waits for an agent. While an agent has it, nothing replies.
     *
     * @return the messages stored by this call, the customer's first
     * @throws IllegalArgumentException for an empty message, one over the length limit, or an unknown or closed
     *                                  conversation; the message says which
     */
    List<ChatMessage> customerSays(long conversationId, String text);

    /** An agent takes the conversation (from the bot or the queue); only one agent can have it. */
    Conversation takeOver(long conversationId, String agent) throws ConversationTakenException;

    /** The agent gives the conversation back to the bot. */
    Conversation handBack(long conversationId, String agent);

    /** Stores and announces an agent's message; the agent takes the conversation if no one has it. */
    ChatMessage agentSays(long conversationId, String agent, String text) throws ConversationTakenException;

    /** The bot's best responses to the customer's last message, for the agent to send or edit. */
    List<BotAnswer> suggestions(long conversationId, int limit);

    /** Links the conversation to a customer and writes it to the customer's timeline. */
    Conversation linkCustomer(long conversationId, long customerId);

    /**
     * Turns the conversation into a ticket for its customer (the transcript is its first message; classified when a
     * model is active) and returns the ticket's id. It must be linked to a customer first.
     */
    long toTicket(long conversationId, String agent);

    /** Closes it; when an agent answered in it, the bot learns its question/answer pairs. */
    Conversation close(long conversationId);

    Optional<Conversation> find(long conversationId);

    /** Conversations in one state, the longest-waiting (or oldest) first. */
    List<Conversation> list(ConversationState state, int limit);

    /** How many are in one state (the status line shows the waiting ones). */
    long count(ConversationState state);

    /** The messages, oldest first. */
    List<ChatMessage> transcript(long conversationId);

    /** The messages after {@code afterMessageId}, oldest first (a channel catching up after a reconnect). */
    List<ChatMessage> transcriptAfter(long conversationId, long afterMessageId);
}
