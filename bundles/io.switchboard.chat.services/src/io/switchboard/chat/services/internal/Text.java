package io.switchboard.chat.services.internal;

import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

/** Checks and cleans what callers give: messages, names, channels. */
final class Text {

    /**
     * Whole messages with which a customer asks for a person (compared trimmed, in lower case, without closing
     * punctuation). Only whole messages: "are you human?" is a question for the bot.
     */
    private static final Set<String> PERSON_PLEASE = Set.of("agent", "human", "person", "a person", "real person",
            "a real person", "human agent", "live agent", "operator", "talk to a human", "talk to a person",
            "talk to an agent", "speak to a human", "speak to a person", "speak to an agent", "人工", "转人工",
            "人工服务", "人工客服", "真人", "客服");

    private Text() {
    }

    /**
     * A message as it is stored: plain text, never interpreted (HTML stays as typed). Characters that no text
     * column of a portable database takes (NUL, other C0 controls but tab and line breaks) are dropped, and a
     * lone surrogate becomes U+FFFD, so the same text can be stored in Derby and PostgreSQL.
     *
     * @throws IllegalArgumentException when nothing but white space is left, or it is over {@link Limits#MESSAGE}
     */
    static String message(String text) {
        if (text == null) {
            throw new IllegalArgumentException(Messages.Chat_messageRequired);
        }
        String clean = clean(text).strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException(Messages.Chat_messageRequired);
        }
        if (clean.length() > Limits.MESSAGE) {
            throw new IllegalArgumentException(NLS.bind(Messages.Chat_messageTooLong,
                    String.format(Locale.ROOT, "%,d", clean.length()), //$NON-NLS-1$
                    String.format(Locale.ROOT, "%,d", Limits.MESSAGE))); //$NON-NLS-1$
        }
        return clean;
    }

    /** A required short value (an agent's name, a channel), trimmed. */
    static String required(String field, String value, int limit) {
        String trimmed = value == null ? "" : clean(value).strip(); //$NON-NLS-1$
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Chat_required, field));
        }
        return length(field, trimmed, limit);
    }

    /** An optional short value, trimmed; empty when none. */
    static String optional(String field, String value, int limit) {
        return length(field, value == null ? "" : clean(value).strip(), limit); //$NON-NLS-1$
    }

    private static String length(String field, String value, int limit) {
        if (value.length() > limit) {
            throw new IllegalArgumentException(NLS.bind(Messages.Chat_tooLong, field, limit));
        }
        return value;
    }

    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                replacement = ""; //$NON-NLS-1$
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\ufffd"; //$NON-NLS-1$
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\ufffd"; //$NON-NLS-1$
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether the customer's whole message asks for a person instead of the bot. */
    static boolean asksForPerson(String message) {
        String normalized = message.strip().toLowerCase(Locale.ROOT);
        normalized = normalized.replaceAll("[\\p{Punct}\\s。！？，]+$", ""); //$NON-NLS-1$ //$NON-NLS-2$
        normalized = normalized.replaceAll("\\s+", " "); //$NON-NLS-1$ //$NON-NLS-2$
        return PERSON_PLEASE.contains(normalized);
    }

    /** "zh" when the text has Chinese characters, else "en": for messages no bot has read. */
    static String language(String text) {
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
                return "zh"; //$NON-NLS-1$
            }
            i += Character.charCount(codePoint);
        }
        return "en"; //$NON-NLS-1$
    }

    /** {@code text} on one line, shortened to {@code limit} with an ellipsis. */
    static String preview(String text, int limit) {
        String line = text.strip().replaceAll("\\s+", " "); //$NON-NLS-1$ //$NON-NLS-2$
        return truncate(line, limit);
    }

    static String truncate(String value, int limit) {
        if (value == null || value.length() <= limit) {
            return value;
        }
        int end = limit - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "\u2026"; //$NON-NLS-1$
    }
}
