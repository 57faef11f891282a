package io.switchboard.tickets;

/** Where a ticket is in its life: new until an agent looks at it, closed when nothing more will happen. */
public enum TicketStatus {
    NEW, OPEN, PENDING, RESOLVED, CLOSED;

    /** Whether the ticket still needs work. */
    public boolean isActive() {
        return this == NEW || this == OPEN || this == PENDING;
    }
}
