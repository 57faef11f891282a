package io.switchboard.chat.services.internal;

/** Where the plain store classes announce changes; the DS component forwards to Event Admin. */
@FunctionalInterface
public interface Events {

    Events NONE = (topic, conversationId, messageId) -> {
    };

    /**
     * @param conversationId the conversation concerned
     * @param messageId      the new message for {@code CHAT_MESSAGE}, else {@code null}
     */
    void post(String topic, long conversationId, Long messageId);
}
