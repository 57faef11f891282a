package io.switchboard.mail;

/**
 * One configured mailbox: an address the team sends from and (optionally) reads. The password is never part of
 * it: it lives in Eclipse secure storage under the mailbox's name ({@link Mailboxes#setPassword}).
 *
 * @param name      short unique name ("support", "sales"), also the key of its password
 * @param from      the From address, e.g. {@code "Support <support@example.com>"}
 * @param smtp      the outgoing server
 * @param imap      the incoming server, or {@code null} when this mailbox only sends
 * @param signature HTML signature appended to mail sent from this mailbox (may be empty)
 */
public record Mailbox(String name, String from, Server smtp, Server imap, String signature) {

    /** How a connection is protected. */
    public enum Security {
        /** Plain connection (loopback and tests only). */
        NONE,
        /** Plain connection upgraded with STARTTLS, required. */
        STARTTLS,
        /** TLS from the first byte (SMTPS 465, IMAPS 993). */
        SSL
    }

    /**
     * @param host     host name or address
     * @param port     port
     * @param security how the connection is protected
     * @param user     login, or empty for none
     */
    public record Server(String host, int port, Security security, String user) {
    }
}
