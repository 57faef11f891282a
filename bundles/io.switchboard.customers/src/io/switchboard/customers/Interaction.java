package io.switchboard.customers;

import java.time.Instant;

/**
 * One entry in a customer's timeline. Every channel writes here through {@link InteractionLog}: mail, chat,
 * SMS, phone calls, notes and tickets, so the agent sees the whole history in one place.
 */
public class Interaction {

    public enum Channel {
        MAIL, CHAT, SMS, PHONE, NOTE, TICKET
    }

    public enum Direction {
        /** From the customer to us. */
        INBOUND,
        /** From us to the customer. */
        OUTBOUND,
        /** Between agents only, e.g. a note. */
        INTERNAL
    }

    private Long id;
    private long customerId;
    private Channel channel;
    private Direction direction;
    private Instant occurredAt;
    /** Who handled it: an agent's name, or "bot". */
    private String agent;
    private String summary;
    private String body;
    /** The id of the thing in its channel (ticket number, message id), so the timeline links back to it. */
    private String reference;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getCustomerId() { return customerId; }
    public void setCustomerId(long customerId) { this.customerId = customerId; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public Instant getOccurredAt() { return occurredAt; }
    public void setOccurredAt(Instant occurredAt) { this.occurredAt = occurredAt; }
    public String getAgent() { return agent; }
    public void setAgent(String agent) { this.agent = agent; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
}
