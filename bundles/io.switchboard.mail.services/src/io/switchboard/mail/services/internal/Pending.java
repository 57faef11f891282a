package io.switchboard.mail.services.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * A claimed outbox message with everything the sender needs to compose it again (a resend after a crash builds
 * the same message with the same Message-ID).
 */
public record Pending(long id, String mailbox, String messageId, String from, String subject, String text, String html,
        List<String> to, List<String> cc, List<String> bcc, List<Attachment> attachments, String inReplyTo,
        String references, Long customerId, Long ticketId, String agent, int attempts) {

    public record Attachment(String name, Path path) {
    }
}
