package io.switchboard.mail.campaigns.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

import io.switchboard.mail.MailTemplate;

/**
 * {@code ${name}} placeholders: {@code customer.name}, {@code customer.company}, {@code customer.email},
 * {@code customer.field.KEY}, {@code agent.name}, {@code ticket.number}. Anything else inside {@code ${...}} is a
 * {@link TemplateSyntaxException} with its line and column, as is an unclosed {@code ${}. A missing value is never
 * a silent blank: {@link MissingPlaceholderException} names every one. Values are HTML-escaped in an HTML body
 * (one that starts with {@code <}); a subject that would hold a line break after filling is refused (no header
 * injection).
 */
public final class Templates implements MailTemplate {

    public static final Set<String> NAMES = Set.of("customer.name", "customer.company", "customer.email",
            "agent.name", "ticket.number");
    public static final String FIELD = "customer.field.";
    private static final Pattern FIELD_KEY = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\- ]*");

    /** A piece of a parsed text: literal text, or a placeholder's name. */
    private record Part(String text, String placeholder) {
    }

    /** Whether a body is HTML: it starts with {@code <}, leading white space aside. */
    public static boolean isHtml(String body) {
        return body != null && body.stripLeading().startsWith("<");
    }

    @Override
    public Rendered render(String subject, String body, Map<String, String> values) throws MissingPlaceholderException {
        List<Part> subjectParts = parse(subject == null ? "" : subject);
        List<Part> bodyParts = parse(body == null ? "" : body);
        Set<String> missing = new LinkedHashSet<>();
        for (List<Part> parts : List.of(subjectParts, bodyParts)) {
            for (Part part : parts) {
                if (part.placeholder != null) {
                    String value = values.get(part.placeholder);
                    if (value == null || value.isBlank()) {
                        missing.add(part.placeholder);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingPlaceholderException(new ArrayList<>(missing));
        }
        boolean html = isHtml(body);
        String filledSubject = fill(subjectParts, values, false);
        if (filledSubject.indexOf('\r') >= 0 || filledSubject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(Messages.Template_subjectLineBreak);
        }
        return new Rendered(filledSubject, fill(bodyParts, values, html), html);
    }

    @Override
    public List<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parse(text == null ? "" : text)) {
            if (part.placeholder != null) {
                names.add(part.placeholder);
            }
        }
        return new ArrayList<>(names);
    }

    private static String fill(List<Part> parts, Map<String, String> values, boolean html) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part.placeholder == null) {
                out.append(part.text);
            } else {
                String value = values.get(part.placeholder);
                out.append(html ? escape(value) : value);
            }
        }
        return out.toString();
    }

    /** The text safe inside HTML content and attribute values. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf("${", at);
            if (start < 0) {
                parts.add(new Part(text.substring(at), null));
                break;
            }
            if (start > at) {
                parts.add(new Part(text.substring(at, start), null));
            }
            int end = text.indexOf('}', start + 2);
            int lineEnd = firstLineBreak(text, start + 2);
            if (end < 0 || (lineEnd >= 0 && lineEnd < end)) {
                throw error(text, start, Messages.Template_unclosed);
            }
            String name = text.substring(start + 2, end).strip();
            if (name.isEmpty()) {
                throw error(text, start, Messages.Template_empty);
            }
            if (!known(name)) {
                throw error(text, start, NLS.bind(Messages.Template_unknown, name, String.join(", ", known())));
            }
            parts.add(new Part(null, name));
            at = end + 1;
        }
        return parts;
    }

    private static int firstLineBreak(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    static boolean known(String name) {
        if (NAMES.contains(name)) {
            return true;
        }
        return name.startsWith(FIELD) && FIELD_KEY.matcher(name.substring(FIELD.length())).matches();
    }

    private static List<String> known() {
        return List.of("customer.name", "customer.company", "customer.email", "customer.field.KEY", "agent.name",
                "ticket.number");
    }

    private static TemplateSyntaxException error(String text, int offset, String reason) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new TemplateSyntaxException(line, column, reason);
    }
}
