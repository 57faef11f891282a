package io.switchboard.tickets;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.switchboard.customers.Interaction.Channel;

/**
 * An inquiry, feedback or complaint that agents work until it is closed. The conversation and the history of
 * changes are kept apart ({@link TicketRepository#conversation}, {@link TicketRepository#history}) because
 * they grow; {@link #getVersion()} guards against lost updates as with customers.
 */
public class Ticket {

    private Long id;
    private long version;
    private long customerId;
    private TicketType type = TicketType.INQUIRY;
    private String subject;
    /** The customer's first message; replies go to the conversation. */
    private String body;
    private Channel channel = Channel.MAIL;
    private TicketStatus status = TicketStatus.NEW;
    private TicketPriority priority = TicketPriority.NORMAL;
    /** The queue the ticket is in; {@code null} until routed by the classifier or an agent. */
    private String category;
    private String assignee;
    private Set<String> tags = new LinkedHashSet<>();
    private Instant createdAt;
    private Instant updatedAt;
    private Instant dueAt;
    /** The classifier's answer; {@code null} when no model was active. */
    private Suggestion suggestion;

    public Ticket() {
    }

    public Ticket(long customerId, String subject, String body) {
        this.customerId = customerId;
        this.subject = subject;
        this.body = body;
    }

    /** What the classifier reads: subject and first message. */
    public String classifierText() {
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body.strip();
        return s.isEmpty() ? b : b.isEmpty() ? s : s + "\n" + b;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public long getCustomerId() { return customerId; }
    public void setCustomerId(long customerId) { this.customerId = customerId; }
    public TicketType getType() { return type; }
    public void setType(TicketType type) { this.type = type; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public TicketStatus getStatus() { return status; }
    public void setStatus(TicketStatus status) { this.status = status; }
    public TicketPriority getPriority() { return priority; }
    public void setPriority(TicketPriority priority) { this.priority = priority; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public Set<String> getTags() { return tags; }
    public void setTags(Set<String> tags) { this.tags = tags; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public Suggestion getSuggestion() { return suggestion; }
    public void setSuggestion(Suggestion suggestion) { this.suggestion = suggestion; }

    @Override
    public String toString() {
        return "Ticket[" + id + " " + subject + "]";
    }
}
