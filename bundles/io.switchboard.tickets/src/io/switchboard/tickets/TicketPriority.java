package io.switchboard.tickets;

public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
