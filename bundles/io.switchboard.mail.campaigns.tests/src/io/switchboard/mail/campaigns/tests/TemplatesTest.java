package io.switchboard.mail.campaigns.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.mail.MailTemplate;
import io.switchboard.mail.MailTemplate.MissingPlaceholderException;
import io.switchboard.mail.MailTemplate.Rendered;
import io.switchboard.mail.campaigns.internal.TemplateSyntaxException;
import io.switchboard.testing.Services;

/** The template service as registered: filling, escaping, missing values, syntax errors, header injection. */
class TemplatesTest {

    private final MailTemplate templates = Services.get(MailTemplate.class);

    @Test
    void fillsEveryKnownPlaceholderAndEscapesOnlyInHtml() throws Exception {
        Map<String, String> values = Map.of("customer.name", "Bob <b>Bold</b> & \"Co\"", "customer.company", "Acme",
                "customer.field.plan", "gold", "agent.name", "Eve", "ticket.number", "42", "customer.email",
                "bob@example.com");
        Rendered text = templates.render("Hi ${customer.name}", "Dear ${customer.name} (${customer.email}) of"
                + " ${customer.company}: ${ customer.field.plan }, #${ticket.number} -- ${agent.name}", values);
        assertFalse(text.html());
        assertEquals("Hi Bob <b>Bold</b> & \"Co\"", text.subject(), "subjects are never HTML");
        assertEquals("Dear Bob <b>Bold</b> & \"Co\" (bob@example.com) of Acme: gold, #42 -- Eve", text.body());

        Rendered html = templates.render("Hi ${customer.name}", "  <p>Dear ${customer.name}</p>", values);
        assertTrue(html.html());
        assertEquals("  <p>Dear Bob &lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Co&quot;</p>", html.body());
    }

    @Test
    void missingValuesAreNamedEveryOneNeverABlank() {
        MissingPlaceholderException e = assertThrows(MissingPlaceholderException.class,
                () -> templates.render("${customer.company}", "${customer.name} ${customer.field.plan} ${ticket.number}"
                        + " ${customer.company}", Map.of("customer.name", "Ann", "ticket.number", " ")));
        assertEquals(List.of("customer.company", "customer.field.plan", "ticket.number"), e.getMissing());
    }

    @Test
    void syntaxErrorsSayWhatAndWhere() {
        TemplateSyntaxException unknown = assertThrows(TemplateSyntaxException.class,
                () -> templates.placeholders("Hello\nthere ${customer.nmae}!"));
        assertEquals(2, unknown.line());
        assertEquals(7, unknown.column());
        assertTrue(unknown.getMessage().contains("customer.nmae"), unknown.getMessage());

        TemplateSyntaxException unclosed = assertThrows(TemplateSyntaxException.class,
                () -> templates.placeholders("a\nb\n${customer.name\n}"));
        assertEquals(3, unclosed.line());
        assertThrows(TemplateSyntaxException.class, () -> templates.placeholders("${}"));
        assertEquals(List.of("customer.name", "customer.field.Plan Level"),
                templates.placeholders("${customer.name} $5 {x} ${customer.field.Plan Level} ${customer.name}"));
    }

    @Test
    void aValueWithALineBreakNeverReachesTheSubject() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> templates.render("Hi ${customer.name}", "body",
                        Map.of("customer.name", "Ann\r\nBcc: victim@example.com")));
        assertTrue(e.getMessage().contains("CR"), e.getMessage());
    }
}
