package io.switchboard.mail.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.Store;
import javax.mail.Transport;

import org.eclipse.osgi.util.NLS;

import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailbox.Security;
import io.switchboard.mail.Mailbox.Server;
import io.switchboard.mail.Mailboxes;
import io.switchboard.store.Database;
import io.switchboard.store.StoreException;

/**
 * Mailboxes in the database (table {@code mail_mailboxes}, one writer: this class), their passwords in
 * {@link Secrets} only. Plain Java: the DS component and the tests' sender process use it as is.
 */
public final class MailboxStore implements Mailboxes {

    /** The name used by {@link #defaultMailbox()} when several mailboxes exist. */
    public static final String DEFAULT = "default";

    private final Database database;
    private final Secrets secrets;
    private final MailSchema schema = new MailSchema();
    private volatile boolean migrated;

    public MailboxStore(Database database, Secrets secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    Connection connect() throws SQLException {
        if (!migrated) {
            database.migrate(schema);
            migrated = true;
        }
        return database.connect();
    }

    @Override
    public List<Mailbox> list() {
        try (Connection connection = connect(); PreparedStatement select = connection
                .prepareStatement("SELECT name, from_address, smtp_host, smtp_port, smtp_security, smtp_user,"
                        + " imap_host, imap_port, imap_security, imap_user, signature FROM mail_mailboxes ORDER BY name")) {
            List<Mailbox> mailboxes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    mailboxes.add(read(rows));
                }
            }
            return mailboxes;
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private static Mailbox read(ResultSet rows) throws SQLException {
        Server smtp = new Server(rows.getString(3), rows.getInt(4), Security.valueOf(rows.getString(5)),
                nonNull(rows.getString(6)));
        Server imap = rows.getString(7) == null ? null
                : new Server(rows.getString(7), rows.getInt(8), Security.valueOf(rows.getString(9)),
                        nonNull(rows.getString(10)));
        return new Mailbox(rows.getString(1), rows.getString(2), smtp, imap, nonNull(rows.getString(11)));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    @Override
    public Optional<Mailbox> find(String name) {
        return list().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Mailbox> defaultMailbox() {
        List<Mailbox> all = list();
        if (all.size() <= 1) {
            return all.stream().findFirst();
        }
        return all.stream().filter(m -> m.name().equals(DEFAULT)).findFirst().or(() -> all.stream().findFirst());
    }

    @Override
    public void save(Mailbox mailbox) {
        validate(mailbox);
        try {
            database.inTransaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mail_mailboxes WHERE name = ?");
                        PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_mailboxes (name,"
                                + " from_address, smtp_host, smtp_port, smtp_security, smtp_user, imap_host, imap_port,"
                                + " imap_security, imap_user, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    delete.setString(1, mailbox.name());
                    delete.executeUpdate();
                    insert.setString(1, mailbox.name());
                    insert.setString(2, mailbox.from().strip());
                    insert.setString(3, mailbox.smtp().host());
                    insert.setInt(4, mailbox.smtp().port());
                    insert.setString(5, mailbox.smtp().security().name());
                    insert.setString(6, mailbox.smtp().user());
                    Server imap = mailbox.imap();
                    if (imap == null) {
                        insert.setNull(7, Types.VARCHAR);
                        insert.setNull(8, Types.INTEGER);
                        insert.setNull(9, Types.VARCHAR);
                        insert.setNull(10, Types.VARCHAR);
                    } else {
                        insert.setString(7, imap.host());
                        insert.setInt(8, imap.port());
                        insert.setString(9, imap.security().name());
                        insert.setString(10, imap.user());
                    }
                    insert.setString(11, mailbox.signature() == null ? "" : mailbox.signature());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private void validate(Mailbox mailbox) {
        if (!migrated) {
            database.migrate(schema);
            migrated = true;
        }
        String name = mailbox.name();
        if (name == null || name.isBlank() || name.length() > MailSchema.NAME || !name.matches("[\\p{L}\\p{N}._-]+")) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mailbox_badName, name));
        }
        Headers.address(Messages.Field_from, mailbox.from());
        server(Messages.Field_smtp, mailbox.smtp());
        if (mailbox.imap() != null) {
            server(Messages.Field_imap, mailbox.imap());
        }
        if (mailbox.signature() != null && mailbox.signature().length() > MailSchema.BODY) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_tooLong, Messages.Field_signature,
                    MailSchema.BODY));
        }
    }

    private static void server(String field, Server server) {
        if (server == null || server.host() == null || server.host().isBlank() || server.host().length() > MailSchema.HOST
                || !server.host().matches("[\\p{L}\\p{N}.:\\[\\]-]+")) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mailbox_badHost, field,
                    server == null ? null : server.host()));
        }
        if (server.port() < 1 || server.port() > 65535) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mailbox_badPort, field, server.port()));
        }
        if (server.security() == null || server.user() == null) {
            throw new IllegalArgumentException(NLS.bind(Messages.Mail_required, field));
        }
        Headers.noLineBreaks(field, server.user());
    }

    @Override
    public void delete(String name) {
        try (Connection connection = connect();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM mail_mailboxes WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
        secrets.setPassword(name, null);
    }

    @Override
    public void setPassword(String mailboxName, char[] password) {
        secrets.setPassword(mailboxName, password);
    }

    /** The stored password as a string for Jakarta Mail, or {@code null}. */
    String password(String mailboxName) {
        char[] password = secrets.password(mailboxName);
        if (password == null) {
            return null;
        }
        String value = new String(password);
        Arrays.fill(password, '\0');
        return value;
    }

    @Override
    public Optional<String> testConnection(String mailboxName) {
        Optional<Mailbox> found = find(mailboxName);
        if (found.isEmpty()) {
            return Optional.of(NLS.bind(Messages.Mail_unknownMailbox, mailboxName));
        }
        Mailbox mailbox = found.get();
        String password = password(mailboxName);
        try {
            Server smtp = mailbox.smtp();
            try (Transport transport = MailSessions.smtp(mailbox).getTransport(MailSessions.protocol(smtp, false))) {
                transport.connect(smtp.host(), smtp.port(), smtp.user().isEmpty() ? null : smtp.user(),
                        smtp.user().isEmpty() ? null : password);
            }
        } catch (MessagingException e) {
            return Optional.of(NLS.bind(Messages.Mailbox_smtpFailed, mailbox.smtp().host() + ":" + mailbox.smtp().port(),
                    SendResult.reason(e)));
        }
        Server imap = mailbox.imap();
        if (imap != null) {
            try {
                Store store = MailSessions.imap(mailbox).getStore(MailSessions.protocol(imap, true));
                try {
                    store.connect(imap.host(), imap.port(), imap.user().isEmpty() ? null : imap.user(), password);
                } finally {
                    store.close();
                }
            } catch (MessagingException e) {
                return Optional.of(NLS.bind(Messages.Mailbox_imapFailed, imap.host() + ":" + imap.port(),
                        SendResult.reason(e)));
            }
        }
        return Optional.empty();
    }
}
