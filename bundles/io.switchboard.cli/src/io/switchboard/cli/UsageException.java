package io.switchboard.cli;

/** The command line is wrong; the message names what was wrong and the command's usage line follows it. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
