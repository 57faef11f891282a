package io.switchboard.tickets;

import java.time.Instant;

import io.switchboard.customers.Interaction.Direction;

/**
 * One message of a ticket's conversation: the customer's first message, the agents' replies and internal notes.
 *
 * @param id        {@code null} until stored
 * @param direction inbound from the customer, outbound to them, internal between agents
 * @param author    the customer's or agent's name
 */
public record TicketMessage(Long id, long ticketId, Direction direction, String author, Instant sentAt, String body) {
}
