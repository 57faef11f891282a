package io.switchboard.mail;

import java.util.List;
import java.util.Optional;

/**
 * The durable outbox: every message is stored before any attempt to send it, and each is delivered exactly once
 * even when the application or the SMTP server dies on the way. A background sender (the outbox sender service)
 * delivers queued messages; {@link #sendNow} asks it to look at once. Changes are announced on the
 * {@code io/switchboard/mail/*} topics of {@link io.switchboard.core.SwitchboardTopics}.
 */
public interface Outbox {

    /**
     * Validates and stores a message; it is sent in the background.
     *
     * @return the stored entry (state {@link OutboxState#QUEUED})
     * @throws IllegalArgumentException naming what is wrong: an invalid address (the address), CR/LF in a header,
     *                                  an attachment over the size limit or missing, an unknown mailbox
     */
    OutboxEntry queue(OutgoingMail mail);

    Optional<OutboxEntry> find(long id);

    /** Entries in one state ({@code null}: all), newest first. */
    List<OutboxEntry> list(OutboxState state, int offset, int limit);

    long count(OutboxState state);

    /** Puts a failed message back in the queue. */
    void retry(long id);

    /** Wakes the sender now instead of at its next scheduled look. */
    void sendNow();
}
