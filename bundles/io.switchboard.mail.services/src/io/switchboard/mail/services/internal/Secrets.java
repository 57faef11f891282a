package io.switchboard.mail.services.internal;

/** Where mailbox passwords live: Eclipse secure storage in the product ({@link SecureStorageSecrets}). */
public interface Secrets {

    /** No passwords at all (a sender process for mailboxes without login). */
    Secrets NONE = new Secrets() {
        @Override
        public char[] password(String mailbox) {
            return null;
        }

        @Override
        public void setPassword(String mailbox, char[] password) {
            throw new IllegalStateException("no secure storage");
        }
    };

    /** The mailbox's password, or {@code null} when none is stored. */
    char[] password(String mailbox);

    /** Stores (or with {@code null} removes) the mailbox's password. */
    void setPassword(String mailbox, char[] password);
}
