package io.switchboard.mail.services.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailboxes;
import io.switchboard.store.Database;

/**
 * The mailboxes service over one {@link MailboxStore}; passwords in Eclipse secure storage
 * ({@link SecureStorageSecrets#fromEnvironment()}, opened on first use, not at activation).
 */
@Component(service = Mailboxes.class)
public class MailboxComponent implements Mailboxes {

    @Reference
    private Database database;

    private MailboxStore store;

    /** The store behind the service, shared with the outbox in this bundle. */
    synchronized MailboxStore store() {
        if (store == null) {
            store = new MailboxStore(database, new LazySecrets());
        }
        return store;
    }

    /** Opens secure storage only when a password is read or written. */
    private static final class LazySecrets implements Secrets {
        private Secrets secrets;

        private synchronized Secrets secrets() {
            if (secrets == null) {
                secrets = SecureStorageSecrets.fromEnvironment();
            }
            return secrets;
        }

        @Override
        public char[] password(String mailbox) {
            return secrets().password(mailbox);
        }

        @Override
        public void setPassword(String mailbox, char[] password) {
            secrets().setPassword(mailbox, password);
        }
    }

    @Override
    public List<Mailbox> list() {
        return store().list();
    }

    @Override
    public Optional<Mailbox> find(String name) {
        return store().find(name);
    }

    @Override
    public Optional<Mailbox> defaultMailbox() {
        return store().defaultMailbox();
    }

    @Override
    public void save(Mailbox mailbox) {
        store().save(mailbox);
    }

    @Override
    public void delete(String name) {
        store().delete(name);
    }

    @Override
    public void setPassword(String mailboxName, char[] password) {
        store().setPassword(mailboxName, password);
    }

    @Override
    public Optional<char[]> storedPassword(String mailboxName) {
        return Optional.ofNullable(store().password(mailboxName)).map(String::toCharArray);
    }

    @Override
    public Optional<String> testConnection(String mailboxName) {
        return store().testConnection(mailboxName);
    }
}
