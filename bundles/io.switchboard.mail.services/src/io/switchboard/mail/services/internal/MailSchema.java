package io.switchboard.mail.services.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;

/**
 * The mail tables: the configured mailboxes (never their passwords: those are in Eclipse secure storage) and the
 * durable outbox with its recipients and attachments. Portable SQL (standard types only) so another backend than
 * the embedded one can run it. Released migrations are never edited; a change is a new version.
 */
@Component(service = SchemaMigrations.class)
public class MailSchema implements SchemaMigrations {

    public static final String CAPABILITY = "mail";

    static final int NAME = 100;
    static final int ADDRESS = 500;
    static final int HOST = 255;
    static final int SUBJECT = 2000;
    static final int BODY = 32000;
    static final int ERROR = 2000;
    static final int FILE = 1000;

    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "mailboxes, the outbox, its recipients and attachments",
                    "CREATE TABLE mail_mailboxes (name VARCHAR(" + NAME + ") NOT NULL PRIMARY KEY,"
                            + " from_address VARCHAR(" + ADDRESS + ") NOT NULL,"
                            + " smtp_host VARCHAR(" + HOST + ") NOT NULL, smtp_port INTEGER NOT NULL,"
                            + " smtp_security VARCHAR(16) NOT NULL, smtp_user VARCHAR(" + ADDRESS + "),"
                            + " imap_host VARCHAR(" + HOST + "), imap_port INTEGER, imap_security VARCHAR(16),"
                            + " imap_user VARCHAR(" + ADDRESS + "), signature VARCHAR(" + BODY + "))",
                    "CREATE TABLE mail_outbox (id BIGINT NOT NULL PRIMARY KEY,"
                            + " mailbox VARCHAR(" + NAME + ") NOT NULL, message_id VARCHAR(" + ADDRESS + ") NOT NULL,"
                            + " from_address VARCHAR(" + ADDRESS + ") NOT NULL,"
                            + " subject VARCHAR(" + SUBJECT + ") NOT NULL, text_body VARCHAR(" + BODY + "),"
                            + " html_body VARCHAR(" + BODY + "), state VARCHAR(16) NOT NULL, attempts INTEGER NOT NULL,"
                            + " next_attempt TIMESTAMP, last_error VARCHAR(" + ERROR + "), queued_at TIMESTAMP NOT NULL,"
                            + " sent_at TIMESTAMP, customer_id BIGINT, ticket_id BIGINT, campaign_id BIGINT,"
                            + " agent VARCHAR(" + NAME + "), in_reply_to VARCHAR(" + ADDRESS + "),"
                            + " refs VARCHAR(" + SUBJECT + "), CONSTRAINT mail_outbox_message_id UNIQUE (message_id))",
                    "CREATE TABLE mail_outbox_recipients (outbox_id BIGINT NOT NULL"
                            + " REFERENCES mail_outbox (id) ON DELETE CASCADE, position INTEGER NOT NULL,"
                            + " kind VARCHAR(3) NOT NULL, address VARCHAR(" + ADDRESS + ") NOT NULL,"
                            + " PRIMARY KEY (outbox_id, position))",
                    "CREATE TABLE mail_outbox_attachments (outbox_id BIGINT NOT NULL"
                            + " REFERENCES mail_outbox (id) ON DELETE CASCADE, position INTEGER NOT NULL,"
                            + " file_name VARCHAR(" + FILE + ") NOT NULL, stored_path VARCHAR(" + FILE + ") NOT NULL,"
                            + " size_bytes BIGINT NOT NULL, PRIMARY KEY (outbox_id, position))",
                    "CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt, id)",
                    "CREATE INDEX mail_outbox_queued ON mail_outbox (queued_at)"));

    @Override
    public String capability() {
        return CAPABILITY;
    }

    @Override
    public List<Migration> migrations() {
        return MIGRATIONS;
    }

    @Override
    public Set<String> requires() {
        return Set.of();
    }
}
