package io.switchboard.mail;

import java.util.List;
import java.util.Map;

/**
 * Fills placeholders ({@code ${customer.name}}, {@code ${customer.company}}, {@code ${customer.field.KEY}},
 * {@code ${agent.name}}, {@code ${ticket.number}}) in a subject and body. Values are HTML-escaped in HTML bodies.
 */
public interface MailTemplate {

    /**
     * @param subject   subject with placeholders
     * @param body      body with placeholders; HTML when it starts with {@code <}
     * @param values    placeholder name (without {@code ${}}) to value
     * @return the filled subject and body
     * @throws MissingPlaceholderException when a placeholder has no value (names every one), so nothing is sent
     *                                     with a silent blank
     */
    Rendered render(String subject, String body, Map<String, String> values) throws MissingPlaceholderException;

    /** The placeholders a text uses, in order of first use. */
    List<String> placeholders(String text);

    record Rendered(String subject, String body, boolean html) {
    }

    /** Some placeholders have no value. */
    class MissingPlaceholderException extends Exception {

        private static final long serialVersionUID = 1L;

        private final List<String> missing;

        public MissingPlaceholderException(List<String> missing) {
            super("no value for " + String.join(", ", missing));
            this.missing = List.copyOf(missing);
        }

        public List<String> getMissing() {
            return missing;
        }
    }
}
