package io.switchboard.chat;

/** Another agent took the conversation first; nothing was changed. */
public class ConversationTakenException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String agent;

    public ConversationTakenException(long conversationId, String agent) {
        super("conversation " + conversationId + " is with " + agent);
        this.agent = agent;
    }

    /** Who has it. */
    public String getAgent() {
        return agent;
    }
}
