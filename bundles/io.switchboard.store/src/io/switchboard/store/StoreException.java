package io.switchboard.store;

/** The database cannot be opened or upgraded; the message is one line meant for the user. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
