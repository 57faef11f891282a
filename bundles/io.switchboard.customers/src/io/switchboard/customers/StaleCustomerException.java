package io.switchboard.customers;

/** The customer was changed by someone else after it was loaded; nothing was overwritten. */
public class StaleCustomerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Customer current;

    public StaleCustomerException(Customer current) {
        super("customer " + current.getId() + " was changed by someone else (now version " + current.getVersion() + ")");
        this.current = current;
    }

    /** The customer as it is stored now, to show the agent what changed. */
    public Customer current() {
        return current;
    }
}
