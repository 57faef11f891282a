package io.switchboard.mail;

import io.switchboard.core.Progress;

/**
 * Reads new mail from every mailbox with an IMAP server: each message is matched to a customer by its sender (or
 * creates one), written to the timeline, and opens or continues a ticket (by In-Reply-To/References, then by the
 * ticket tag in the subject). Auto-replies and bounces are stored but open no ticket. Each message is taken once,
 * also across restarts (UIDVALIDITY/UID).
 */
public interface MailFetcher {

    FetchReport fetch(Progress progress);

    /**
     * @param fetched           new messages taken
     * @param ticketsNew        tickets opened
     * @param ticketsContinued  messages added to an existing ticket
     * @param rejected          messages that could not be stored, with the reason logged
     */
    record FetchReport(long fetched, long ticketsNew, long ticketsContinued, long rejected) {
    }
}
