package io.switchboard.tickets;

import java.time.Instant;

/** One row of a ticket list, without the conversation and history. */
public record TicketSummary(long id, String subject, long customerId, String customerName, TicketType type,
        TicketStatus status, TicketPriority priority, String category, String assignee, Instant createdAt,
        Instant updatedAt, Instant dueAt) {
}
