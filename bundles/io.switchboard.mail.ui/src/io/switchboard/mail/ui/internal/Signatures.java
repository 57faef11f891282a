package io.switchboard.mail.ui.internal;

/** A mailbox's HTML signature under the agent's plain text: as HTML for the HTML part, as text for the plain one. */
public final class Signatures {

    private Signatures() {
    }

    /** The plain text as HTML (escaped, line breaks kept) followed by the signature as it is. */
    public static String html(String plain, String signature) {
        String escaped = escape(plain).replace("\r\n", "\n").replace("\n", "<br>\n");
        return "<div>" + escaped + "</div>\n<br>\n<div>" + signature + "</div>";
    }

    /** The signature's text: line breaks for {@code <br>} and block ends, tags dropped, common entities read. */
    public static String plain(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n")
                .replaceAll("<[^>]*>", "");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            default -> out.append(c);
            }
        }
        return out.toString();
    }
}
