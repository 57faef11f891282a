package io.switchboard.mail.fetch.internal;

import io.switchboard.mail.MailFetcher.FetchReport;

/** A mailbox could not be read (server unreachable, login refused); the message names it and the reason. */
public class MailFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient FetchReport partial;

    public MailFetchException(String message, FetchReport partial) {
        super(message);
        this.partial = partial;
    }

    /** What the other mailboxes gave before and after the failure. */
    public FetchReport partial() {
        return partial;
    }
}
