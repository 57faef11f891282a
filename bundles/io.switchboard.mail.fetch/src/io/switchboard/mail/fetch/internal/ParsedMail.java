package io.switchboard.mail.fetch.internal;

import java.time.Instant;
import java.util.List;

import javax.mail.Part;

/**
 * What the fetcher needs of one incoming message, read leniently ({@link MailParser}).
 *
 * @param messageId   the Message-ID with its angle brackets, or {@code null} when the message has none
 * @param threadIds   In-Reply-To first, then References newest first: the messages this one answers
 * @param address     the sender's address in lower case, or {@code null} when there is no usable sender
 * @param personal    the sender's display name, or {@code null}
 * @param subject     decoded subject, possibly empty
 * @param sentAt      the Date header, or the time it was read when it has none
 * @param text        the body as plain text
 * @param kind        an ordinary message, an auto-reply or a bounce
 * @param attachments parts to keep as files
 * @param notes       what was odd about the message (an unknown charset, a part that could not be read), in the
 *                    user's language
 */
public record ParsedMail(String messageId, List<String> threadIds, String address, String personal, String subject,
        Instant sentAt, String text, Kind kind, List<Attachment> attachments, List<String> notes) {

    public enum Kind {
        MESSAGE, AUTO_REPLY, BOUNCE
    }

    /** An attachment not yet read: its content is fetched from the server only when it is kept. */
    public record Attachment(String fileName, String contentType, long size, Part part) {
    }
}
