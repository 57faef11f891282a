package io.switchboard.core;

/** The data folder cannot be used; the message is one line meant for the user. */
public class DataFolderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
