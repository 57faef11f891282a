package io.switchboard.mail.fetch.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an HTML mail body into plain text for the ticket and the timeline: tags are dropped, character references
 * decoded, block elements ({@code p}, {@code div}, {@code br}, list items, rows, headings) become line breaks,
 * {@code script}, {@code style} and {@code head} are left out with their content, runs of white space collapse as a
 * browser would collapse them. Small and forgiving: broken markup gives text, never an exception.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "table", "blockquote", "pre", "hr", "section", "article", "header", "footer", "address",
            "dl", "dt", "dd", "title", "body", "html", "center", "form", "fieldset", "nav", "main", "figure");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "noscript", "template", "svg");
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"),
            Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"),
            Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"), Map.entry("euro", "\u20ac"), Map.entry("pound", "\u00a3"),
            Map.entry("yen", "\u00a5"), Map.entry("cent", "\u00a2"), Map.entry("sect", "\u00a7"),
            Map.entry("deg", "\u00b0"), Map.entry("middot", "\u00b7"), Map.entry("bull", "\u2022"),
            Map.entry("times", "\u00d7"), Map.entry("auml", "\u00e4"), Map.entry("ouml", "\u00f6"),
            Map.entry("uuml", "\u00fc"), Map.entry("Auml", "\u00c4"), Map.entry("Ouml", "\u00d6"),
            Map.entry("Uuml", "\u00dc"), Map.entry("szlig", "\u00df"), Map.entry("eacute", "\u00e9"),
            Map.entry("egrave", "\u00e8"), Map.entry("agrave", "\u00e0"), Map.entry("ccedil", "\u00e7"));

    private HtmlText() {
    }

    public static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        StringBuilder line = new StringBuilder();
        int n = html.length();
        int i = 0;
        boolean pre = false;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                if (html.startsWith("<!--", i)) {
                    int end = html.indexOf("-->", i + 4);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                int end = tagEnd(html, i + 1);
                if (end < 0) {
                    if (startsTag(html, i + 1)) {
                        break; // a tag cut off at the end: dropped, as a browser drops it
                    }
                    // a lone '<' is text
                    append(line, c, pre);
                    i++;
                    continue;
                }
                String tag = html.substring(i + 1, end);
                String name = tagName(tag);
                boolean closing = tag.startsWith("/");
                i = end + 1;
                if (!closing && SKIPPED.contains(name) && !tag.endsWith("/")) {
                    int close = indexOfIgnoreCase(html, "</" + name, i);
                    if (close < 0) {
                        i = n;
                    } else {
                        int closeEnd = html.indexOf('>', close);
                        i = closeEnd < 0 ? n : closeEnd + 1;
                    }
                    continue;
                }
                if (name.equals("pre")) {
                    pre = !closing;
                }
                if (BLOCKS.contains(name)) {
                    flush(out, line);
                    if (!closing && (name.equals("p") || name.startsWith("h") && name.length() == 2)
                            || closing && (name.equals("p") || name.equals("table"))) {
                        blankLine(out);
                    }
                    if (!closing && name.equals("li")) {
                        line.append("- ");
                    }
                } else if (name.equals("td") || name.equals("th")) {
                    if (!closing && line.length() > 0) {
                        line.append('\t');
                    }
                }
                continue;
            }
            if (c == '&') {
                int semi = html.indexOf(';', i + 1);
                if (semi > i + 1 && semi - i <= 12) {
                    String decoded = entity(html.substring(i + 1, semi));
                    if (decoded != null) {
                        for (int k = 0; k < decoded.length(); k++) {
                            append(line, decoded.charAt(k), pre);
                        }
                        i = semi + 1;
                        continue;
                    }
                }
            }
            if (pre && c == '\n') {
                flush(out, line);
            } else {
                append(line, c, pre);
            }
            i++;
        }
        flush(out, line);
        return out.toString().strip().replace('\u00a0', ' ');
    }

    private static void append(StringBuilder line, char c, boolean pre) {
        if (!pre && Character.isWhitespace(c) && c != '\u00a0') {
            if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                line.append(' ');
            }
        } else if (c != '\r') {
            line.append(c);
        }
    }

    private static void flush(StringBuilder out, StringBuilder line) {
        String text = line.toString().strip();
        line.setLength(0);
        if (!text.isEmpty()) {
            out.append(text).append('\n');
        }
    }

    private static void blankLine(StringBuilder out) {
        int len = out.length();
        if (len > 0 && !(len >= 2 && out.charAt(len - 1) == '\n' && out.charAt(len - 2) == '\n')) {
            out.append('\n');
        }
    }

    private static boolean startsTag(String html, int from) {
        return from < html.length() && (Character.isLetter(html.charAt(from)) || html.charAt(from) == '/'
                || html.charAt(from) == '!' || html.charAt(from) == '?');
    }

    /** The index of the '>' that ends the tag starting after '<', skipping quoted attribute values. */
    private static int tagEnd(String html, int from) {
        if (!startsTag(html, from)) {
            return -1;
        }
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static String tagName(String tag) {
        int start = tag.startsWith("/") ? 1 : 0;
        int end = start;
        while (end < tag.length() && (Character.isLetterOrDigit(tag.charAt(end)))) {
            end++;
        }
        return tag.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String text, String what, int from) {
        int max = text.length() - what.length();
        for (int i = from; i <= max; i++) {
            if (text.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The text of a character reference without '&' and ';', or {@code null} when it is none. */
    static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : "\ufffd";
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(name);
    }
}
