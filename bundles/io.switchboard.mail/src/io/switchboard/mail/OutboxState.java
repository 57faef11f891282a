package io.switchboard.mail;

/** Where a queued message is. */
public enum OutboxState {
    /** Stored, waiting to be sent (also after a temporary failure, until its next attempt). */
    QUEUED,
    /** Taken by the sender; after a crash it is checked against the server's answer before it is sent again. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Refused for good; the server's reason is kept. */
    FAILED
}
