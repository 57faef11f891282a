package io.switchboard.mail.services.internal;

import java.nio.charset.StandardCharsets;

import javax.activation.FileDataSource;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.commons.mail.Email;
import org.apache.commons.mail.EmailAttachment;
import org.apache.commons.mail.EmailException;
import org.apache.commons.mail.HtmlEmail;
import org.apache.commons.mail.SimpleEmail;

/**
 * Builds the MIME message of an outbox entry with Apache Commons Email (text, HTML with a generated plain-text
 * alternative, attachments, threading headers); the sender delivers it over its own reused connection. The
 * Message-ID is the one fixed when the message was queued, so a message sent again after a crash is the same
 * message.
 */
final class Composer {

    private Composer() {
    }

    static MimeMessage compose(Pending pending, Session session) throws EmailException, MessagingException {
        boolean plain = (pending.html() == null || pending.html().isEmpty()) && pending.attachments().isEmpty();
        // Plain text alone is one text/plain part (Commons Email's SimpleEmail); else a multipart (HtmlEmail).
        Email email = plain ? new FixedIdSimpleEmail(pending.messageId()) : new FixedIdEmail(pending.messageId());
        email.setMailSession(session);
        email.setCharset(StandardCharsets.UTF_8.name());
        InternetAddress from = new InternetAddress(pending.from(), true);
        email.setFrom(from.getAddress(), from.getPersonal());
        for (String to : pending.to()) {
            InternetAddress a = new InternetAddress(to, true);
            email.addTo(a.getAddress(), a.getPersonal());
        }
        for (String cc : pending.cc()) {
            InternetAddress a = new InternetAddress(cc, true);
            email.addCc(a.getAddress(), a.getPersonal());
        }
        for (String bcc : pending.bcc()) {
            InternetAddress a = new InternetAddress(bcc, true);
            email.addBcc(a.getAddress(), a.getPersonal());
        }
        email.setSubject(pending.subject());
        if (email instanceof HtmlEmail html) {
            if (pending.html() != null && !pending.html().isEmpty()) {
                html.setHtmlMsg(pending.html());
                html.setTextMsg(pending.text() != null && !pending.text().isEmpty() ? pending.text()
                        : HtmlText.plain(pending.html()));
            } else {
                html.setTextMsg(pending.text());
            }
            for (Pending.Attachment attachment : pending.attachments()) {
                html.attach(new FileDataSource(attachment.path().toFile()), attachment.name(), null,
                        EmailAttachment.ATTACHMENT);
            }
        } else {
            email.setMsg(pending.text());
        }
        if (pending.inReplyTo() != null) {
            email.addHeader("In-Reply-To", pending.inReplyTo());
        }
        if (pending.references() != null) {
            email.addHeader("References", pending.references());
        }
        email.buildMimeMessage();
        MimeMessage message = email.getMimeMessage();
        message.saveChanges();
        return message;
    }

    private static MimeMessage fixedId(Session session, String messageId) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    /** Plain text only, with the Message-ID fixed at queue time. */
    private static final class FixedIdSimpleEmail extends SimpleEmail {
        private final String messageId;

        FixedIdSimpleEmail(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected MimeMessage createMimeMessage(Session session) {
            return fixedId(session, messageId);
        }
    }

    /** Commons Email with the Message-ID fixed at queue time instead of a new one at each build. */
    private static final class FixedIdEmail extends HtmlEmail {
        private final String messageId;

        FixedIdEmail(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected MimeMessage createMimeMessage(Session session) {
            return fixedId(session, messageId);
        }
    }
}
