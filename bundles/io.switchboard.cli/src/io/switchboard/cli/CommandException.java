package io.switchboard.cli;

/** A command could not do its work; the message is one line for the user, without a stack trace. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
