package io.switchboard.mail.fetch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.switchboard.mail.fetch.internal.MailFetch;

/** The token of an {@code unsubscribe+TOKEN@domain} recipient, as campaign mail's List-Unsubscribe gives it. */
class UnsubscribeAddressTest {

    @Test
    void theTokenIsFoundInAnyFormOfTheAddress() {
        assertEquals("ab12", MailFetch.unsubscribeToken("unsubscribe+ab12@example.org"));
        assertEquals("ab12", MailFetch.unsubscribeToken("<unsubscribe+ab12@example.org>"));
        assertEquals("ab12", MailFetch.unsubscribeToken("\"News\" <Unsubscribe+ab12@Example.org>"));
        assertEquals("ab12", MailFetch.unsubscribeToken(
                "Support <support@example.org>, News <unsubscribe+ab12@example.org>, x@example.org"));
    }

    @Test
    void otherAddressesAndNamesAreNoRequest() {
        assertNull(MailFetch.unsubscribeToken(null));
        assertNull(MailFetch.unsubscribeToken(""));
        assertNull(MailFetch.unsubscribeToken("support@example.org"));
        assertNull(MailFetch.unsubscribeToken("unsubscribe@example.org"));
        assertNull(MailFetch.unsubscribeToken("unsubscribe+@example.org"));
        assertNull(MailFetch.unsubscribeToken("my.unsubscribe+ab12@example.org"));
        assertNull(MailFetch.unsubscribeToken("\"unsubscribe+ab12@example.org\" <support@example.org>"));
        assertNull(MailFetch.unsubscribeToken("unsubscribe+ab12"));
    }
}
