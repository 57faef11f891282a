package io.switchboard.chat;

/** Where a conversation is; the chat console groups by this. */
public enum ConversationState {
    /** The bot answers. */
    BOT,
    /** The bot handed over (or the customer asked for a person); an agent should take it. */
    WAITING,
    /** An agent took it over and answers. */
    AGENT,
    /** Finished; kept for the timeline and for the bot to learn from. */
    CLOSED
}
