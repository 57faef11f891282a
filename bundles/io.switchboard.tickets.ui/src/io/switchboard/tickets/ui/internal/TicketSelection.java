package io.switchboard.tickets.ui.internal;

import java.util.List;

import io.switchboard.tickets.TicketSummary;

/** What the ticket list puts into the workbench selection for the Open and Delete commands. */
public record TicketSelection(List<TicketSummary> tickets) {

    public TicketSelection {
        tickets = List.copyOf(tickets);
    }

    public boolean isEmpty() {
        return tickets.isEmpty();
    }

    /** The tickets selected in the list, or none when the selection is something else. */
    public static List<TicketSummary> of(Object selection) {
        return selection instanceof TicketSelection s ? s.tickets() : List.of();
    }
}
