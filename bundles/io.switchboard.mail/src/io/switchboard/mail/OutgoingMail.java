package io.switchboard.mail;

import java.nio.file.Path;
import java.util.List;

/**
 * A message to queue. Addresses are RFC 5322 addresses ({@code "Name <a@b.c>"} or {@code a@b.c}); headers must
 * not contain CR or LF. At least {@code text} or {@code html} is given; when only HTML is given a plain-text
 * alternative is generated from it.
 *
 * @param mailbox     the mailbox's name, or {@code null} for {@link Mailboxes#defaultMailbox()}
 * @param to          recipients
 * @param cc          copies
 * @param bcc         blind copies
 * @param subject     subject
 * @param text        plain-text body, or {@code null}
 * @param html        HTML body, or {@code null}
 * @param attachments files to attach; they are copied into the data folder when queued
 * @param customerId  the customer it is for (its timeline records it), or {@code null}
 * @param ticketId    the ticket it answers (its conversation records it), or {@code null}
 * @param inReplyTo   the Message-ID this replies to (threading), or {@code null}
 * @param references  Message-IDs of the thread, oldest first
 * @param agent       who sends it (an agent's name, or "campaign")
 * @param campaignId  the campaign it belongs to (its outbox entry carries it), or {@code null}
 * @param listUnsubscribe the {@code List-Unsubscribe} header's value (e.g. {@code <mailto:unsubscribe+T@d>}), or
 *                    {@code null} for none
 */
public record OutgoingMail(String mailbox, List<String> to, List<String> cc, List<String> bcc, String subject,
        String text, String html, List<Path> attachments, Long customerId, Long ticketId, String inReplyTo,
        List<String> references, String agent, Long campaignId, String listUnsubscribe) {

    /** A message that belongs to no campaign and has no {@code List-Unsubscribe} header. */
    public OutgoingMail(String mailbox, List<String> to, List<String> cc, List<String> bcc, String subject,
            String text, String html, List<Path> attachments, Long customerId, Long ticketId, String inReplyTo,
            List<String> references, String agent) {
        this(mailbox, to, cc, bcc, subject, text, html, attachments, customerId, ticketId, inReplyTo, references,
                agent, null, null);
    }

    public OutgoingMail {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        references = references == null ? List.of() : List.copyOf(references);
    }
}
