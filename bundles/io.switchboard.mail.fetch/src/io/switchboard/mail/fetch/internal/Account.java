package io.switchboard.mail.fetch.internal;

import io.switchboard.mail.Mailbox;

/**
 * A mailbox to read with the password to log in with; the password is got from secure storage for one fetch and
 * never stored by the fetcher.
 *
 * @param password {@code null} or empty when the server needs none
 */
public record Account(Mailbox mailbox, char[] password) {
}
