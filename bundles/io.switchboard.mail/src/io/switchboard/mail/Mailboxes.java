package io.switchboard.mail;

import java.util.List;
import java.util.Optional;

/** The configured mailboxes; their passwords are kept in Eclipse secure storage only. */
public interface Mailboxes {

    List<Mailbox> list();

    Optional<Mailbox> find(String name);

    /** The mailbox mail is sent from when none is named: the only one, or the one named "default"/first by name. */
    Optional<Mailbox> defaultMailbox();

    /**
     * Adds or replaces a mailbox.
     *
     * @throws IllegalArgumentException naming the field that is invalid (name, from address, host, port)
     */
    void save(Mailbox mailbox);

    void delete(String name);

    /** Stores the password in secure storage (never in a plain file); {@code null} removes it. */
    void setPassword(String mailboxName, char[] password);

    /**
     * The password stored for the mailbox, read from secure storage, for the parts that log in to its servers
     * themselves (the IMAP fetcher in another bundle). The caller keeps it only as long as it needs it.
     *
     * @return empty when none is stored (or this implementation does not give passwords out)
     */
    default Optional<char[]> storedPassword(String mailboxName) {
        return Optional.empty();
    }

    /**
     * Connects to the mailbox's SMTP (and IMAP, when configured) server and logs in, sending nothing.
     *
     * @return empty when both work, else the server's or the network's reason, in the user's language
     */
    Optional<String> testConnection(String mailboxName);
}
