package io.switchboard.customers;

import java.time.Instant;

/** Something the customer asked for or requires that is not done yet (or was, and is kept for history). */
public class Need {

    public enum Status {
        OPEN, IN_PROGRESS, MET, DROPPED
    }

    private Long id;
    private String description;
    private Status status = Status.OPEN;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
