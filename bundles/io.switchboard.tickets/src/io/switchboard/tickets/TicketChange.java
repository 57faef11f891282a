package io.switchboard.tickets;

import java.time.Instant;

/**
 * One entry of a ticket's history: who changed which field from what to what. Creation is recorded as a change
 * of {@code status} from {@code null} to {@code NEW}.
 *
 * @param field    the field's name as in {@link Ticket}: {@code status}, {@code category}, {@code assignee}, ...
 * @param oldValue the value before, {@code null} if none
 * @param newValue the value after, {@code null} if none
 */
public record TicketChange(long ticketId, Instant changedAt, String agent, String field, String oldValue,
        String newValue) {
}
