package io.switchboard.tickets;

/** What the customer came with. */
public enum TicketType {
    INQUIRY, FEEDBACK, COMPLAINT
}
