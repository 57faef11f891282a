package io.switchboard.tickets;

/** The ticket was changed by someone else after it was loaded; nothing was overwritten. */
public class StaleTicketException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Ticket current;

    public StaleTicketException(Ticket current) {
        super("ticket " + current.getId() + " was changed by someone else (now version " + current.getVersion() + ")");
        this.current = current;
    }

    /** The ticket as it is stored now, to show the agent what changed. */
    public Ticket current() {
        return current;
    }
}
