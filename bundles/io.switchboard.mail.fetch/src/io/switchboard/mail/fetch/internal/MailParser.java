package io.switchboard.mail.fetch.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.AddressException;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;
import javax.mail.internet.ParseException;

import org.eclipse.osgi.util.NLS;

import io.switchboard.mail.fetch.internal.ParsedMail.Attachment;
import io.switchboard.mail.fetch.internal.ParsedMail.Kind;

/**
 * Reads what the fetcher needs from a message, leniently: a header or part that cannot be read becomes a note, an
 * unknown charset is decoded with a fallback (UTF-8 when the bytes are valid UTF-8, else Windows-1252) and noted.
 * Only a failure of the connection itself escapes as {@link MessagingException}.
 */
public final class MailParser {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern SUBJECT_AUTO = Pattern.compile(
            "^(out of (the )?office|automatic reply|auto(matic)?[- ]?(reply|response)|auto:|abwesenheit|"
                    + "\u81ea\u52a8\u56de\u590d|\u81ea\u52a8\u7b54\u590d)",
            Pattern.CASE_INSENSITIVE);

    private MailParser() {
    }

    public static ParsedMail parse(MimeMessage message) throws MessagingException {
        List<String> notes = new ArrayList<>();
        String messageId = firstId(header(message, "Message-ID"));
        List<String> threadIds = new ArrayList<>(ids(header(message, "In-Reply-To")));
        List<String> references = ids(header(message, "References"));
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!threadIds.contains(references.get(i))) {
                threadIds.add(references.get(i));
            }
        }
        InternetAddress from = sender(message);
        String address = null;
        String personal = null;
        if (from != null && from.getAddress() != null && from.getAddress().contains("@")) {
            address = from.getAddress().strip().toLowerCase(Locale.ROOT);
            personal = from.getPersonal() == null || from.getPersonal().isBlank() ? null : from.getPersonal().strip();
        }
        String subject;
        try {
            subject = message.getSubject();
        } catch (MessagingException e) {
            subject = header(message, "Subject");
        }
        subject = subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        Instant sentAt;
        try {
            Date date = message.getSentDate();
            sentAt = date == null ? Instant.now() : date.toInstant();
        } catch (MessagingException e) {
            sentAt = Instant.now();
        }
        Body body = new Body();
        walk(message, body, notes, 0);
        String text = body.plain != null ? body.plain
                : body.html != null ? HtmlText.toText(body.html) : "";
        Kind kind = kind(message, address, subject, body.report);
        return new ParsedMail(messageId, threadIds, address, personal, subject, sentAt, text.strip(), kind,
                body.attachments, notes);
    }

    /** Auto-replies and bounces open no ticket (RFC 3834 Auto-Submitted, common vendor headers, RFC 3464 reports). */
    static Kind kind(MimeMessage message, String address, String subject, boolean report) {
        String local = address == null ? "" : address.substring(0, address.indexOf('@'));
        if (report || local.equals("mailer-daemon") || local.equals("postmaster")) {
            return Kind.BOUNCE;
        }
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Kind.AUTO_REPLY;
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null
                || header(message, "X-Autoresponse") != null) {
            return Kind.AUTO_REPLY;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null) {
            String p = precedence.strip().toLowerCase(Locale.ROOT);
            if (p.equals("auto_reply") || p.equals("bulk") || p.equals("junk")) {
                return Kind.AUTO_REPLY;
            }
        }
        if (SUBJECT_AUTO.matcher(subject).find()) {
            return Kind.AUTO_REPLY;
        }
        return Kind.MESSAGE;
    }

    /** The first From address, else Sender, else Reply-To; a malformed header is read leniently. */
    private static InternetAddress sender(MimeMessage message) {
        for (String name : new String[] { "From", "Sender", "Reply-To" }) {
            String raw = header(message, name);
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                InternetAddress[] parsed = InternetAddress.parseHeader(unfold(raw), false);
                for (Address a : parsed) {
                    if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().contains("@")) {
                        return ia;
                    }
                }
            } catch (AddressException e) {
                // try the next header
            }
        }
        return null;
    }

    private static String unfold(String raw) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (IOException | RuntimeException e) {
            return MimeUtility.unfold(raw);
        }
    }

    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String firstId(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> ids = ids(raw);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        String bare = raw.strip();
        return bare.isEmpty() || bare.contains(" ") ? null : "<" + bare + ">";
    }

    private static List<String> ids(String raw) {
        List<String> ids = new ArrayList<>();
        if (raw != null) {
            Matcher m = MESSAGE_ID.matcher(raw);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    /** What the walk over the parts found. */
    private static final class Body {
        String plain;
        String html;
        boolean report;
        final List<Attachment> attachments = new ArrayList<>();
    }

    private static void walk(Part part, Body body, List<String> notes, int depth) throws MessagingException {
        ContentType type = contentType(part);
        String base = type == null ? "text/plain" : type.getBaseType().toLowerCase(Locale.ROOT);
        String disposition;
        String fileName;
        try {
            disposition = part.getDisposition();
        } catch (ParseException e) {
            disposition = null;
        }
        try {
            fileName = part.getFileName();
        } catch (ParseException e) {
            fileName = null;
        }
        if (base.startsWith("multipart/") && depth < 20) {
            if (base.equals("multipart/report")) {
                body.report = true;
            }
            Multipart multipart;
            try {
                Object content = part.getContent();
                if (!(content instanceof Multipart mp)) {
                    notes.add(NLS.bind(Messages.Parse_unreadablePart, base));
                    return;
                }
                multipart = mp;
            } catch (IOException | MessagingException e) {
                if (e instanceof MessagingException && isConnection((MessagingException) e)) {
                    throw (MessagingException) e;
                }
                notes.add(NLS.bind(Messages.Parse_unreadablePart, base));
                return;
            }
            // in multipart/alternative both texts are read; text/plain wins when the body is chosen
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body, notes, depth + 1);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null && !fileName.isBlank();
        if (!attachment && (base.equals("text/plain") || base.equals("text/html"))) {
            String text = text(part, type, notes);
            if (base.equals("text/plain")) {
                body.plain = body.plain == null ? text : body.plain + "\n\n" + text;
            } else {
                body.html = body.html == null ? text : body.html + "\n" + text;
            }
            return;
        }
        if (!attachment && (base.equals("message/delivery-status") || base.equals("message/rfc822"))) {
            if (base.equals("message/delivery-status")) {
                body.report = true;
            }
            // kept as a file, so the agent can read the original or the report
            fileName = base.equals("message/rfc822") ? "message.eml" : "delivery-status.txt";
        }
        if (fileName == null || fileName.isBlank()) {
            fileName = "attachment-" + (body.attachments.size() + 1);
        }
        int size;
        try {
            size = part.getSize();
        } catch (MessagingException e) {
            size = -1;
        }
        body.attachments.add(new Attachment(fileName, base, size, part));
    }

    private static boolean isConnection(MessagingException e) {
        return e instanceof javax.mail.FolderClosedException || e instanceof javax.mail.StoreClosedException;
    }

    private static ContentType contentType(Part part) {
        try {
            String raw = part.getContentType();
            return raw == null ? null : new ContentType(raw);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The part's text in its charset; an unknown or missing charset falls back and is noted, never fails. */
    static String text(Part part, ContentType type, List<String> notes) throws MessagingException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = readAll(in);
        } catch (IOException e) {
            notes.add(NLS.bind(Messages.Parse_unreadablePart, type == null ? "text" : type.getBaseType()));
            return "";
        } catch (MessagingException e) {
            if (isConnection(e)) {
                throw e;
            }
            notes.add(NLS.bind(Messages.Parse_unreadablePart, type == null ? "text" : type.getBaseType()));
            return "";
        }
        String declared = type == null ? null : type.getParameter("charset");
        if (declared != null && !declared.isBlank()) {
            try {
                Charset charset = Charset.forName(MimeUtility.javaCharset(declared.strip()));
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                String fallback = fallback(bytes);
                notes.add(NLS.bind(Messages.Parse_unknownCharset, declared.strip(), fallback));
                return decode(bytes, fallback);
            }
        }
        return decode(bytes, fallback(bytes));
    }

    private static String fallback(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return "UTF-8";
        } catch (CharacterCodingException e) {
            return "windows-1252";
        }
    }

    private static String decode(byte[] bytes, String charset) {
        try {
            return new String(bytes, Charset.forName(charset));
        } catch (IllegalArgumentException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
