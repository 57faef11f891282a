package io.switchboard.classifier;

/** The classifier cannot do what was asked; the message is one line meant for the user. */
public class ClassifierException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClassifierException(String message) {
        super(message);
    }

    public ClassifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
