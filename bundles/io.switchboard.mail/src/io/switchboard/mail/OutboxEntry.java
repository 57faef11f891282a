package io.switchboard.mail;

import java.time.Instant;
import java.util.List;

/**
 * One message in the outbox.
 *
 * @param id          store id (the number the CLI prints)
 * @param mailbox     the mailbox it goes out through
 * @param messageId   its Message-ID, fixed when queued, so a resend after a crash is recognisable
 * @param to          recipients (to, cc and bcc)
 * @param subject     subject
 * @param state       where it is
 * @param attempts    how many times sending was tried
 * @param nextAttempt when the sender tries again (QUEUED after a temporary failure), else {@code null}
 * @param lastError   the server's (or network's) last reason, or {@code null}
 * @param queuedAt    when it was stored
 * @param sentAt      when the server accepted it, or {@code null}
 * @param customerId  the customer, or {@code null}
 * @param ticketId    the ticket, or {@code null}
 * @param campaignId  the campaign, or {@code null}
 */
public record OutboxEntry(long id, String mailbox, String messageId, List<String> to, String subject,
        OutboxState state, int attempts, Instant nextAttempt, String lastError, Instant queuedAt, Instant sentAt,
        Long customerId, Long ticketId, Long campaignId) {
}
