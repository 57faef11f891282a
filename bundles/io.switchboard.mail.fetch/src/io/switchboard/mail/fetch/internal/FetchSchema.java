package io.switchboard.mail.fetch.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;

/**
 * The fetcher's tables. {@code mail_fetch_folders} remembers per mailbox and folder the server's UIDVALIDITY and
 * the last UID taken; {@code mail_incoming} holds one row per message taken (or rejected), unique by
 * (mailbox, folder, UIDVALIDITY, UID) and by {@code message_key}, the SHA-256 of the Message-ID: the same message
 * is never taken twice, not after a crash, not after the server renumbered its folder (a new UIDVALIDITY), not when
 * it reaches two mailboxes. Its {@code ticket_id} threads replies onto their ticket.
 *
 * <p>The schema requires the tickets' one: a message taken again after a crash finds the ticket it already opened by
 * the tickets' import key. Released migrations are never edited; a change is a new version.
 */
@Component(service = SchemaMigrations.class)
public class FetchSchema implements SchemaMigrations {

    public static final String CAPABILITY = "mail.fetch";
    static final String TICKETS = "tickets";
    static final int MAILBOX = 100;
    static final int FOLDER = 200;
    static final int MESSAGE_ID = 998;
    static final int SUBJECT = 500;
    static final int ADDRESS = 320;
    static final int NOTE = 2000;

    static final List<Migration> MIGRATIONS = List.of(Migration.sql(1, "folders' UIDs, incoming messages",
            "CREATE TABLE mail_fetch_folders (mailbox VARCHAR(" + MAILBOX + ") NOT NULL,"
                    + " folder VARCHAR(" + FOLDER + ") NOT NULL, uid_validity BIGINT NOT NULL,"
                    + " last_uid BIGINT NOT NULL, PRIMARY KEY (mailbox, folder))",
            "CREATE TABLE mail_incoming (id BIGINT NOT NULL PRIMARY KEY, mailbox VARCHAR(" + MAILBOX + ") NOT NULL,"
                    + " folder VARCHAR(" + FOLDER + ") NOT NULL, uid_validity BIGINT NOT NULL, uid BIGINT NOT NULL,"
                    + " message_key CHAR(64) NOT NULL, message_id VARCHAR(" + MESSAGE_ID + "),"
                    + " sender VARCHAR(" + ADDRESS + "), subject VARCHAR(" + SUBJECT + "), kind VARCHAR(16) NOT NULL,"
                    + " customer_id BIGINT, ticket_id BIGINT, received_at TIMESTAMP NOT NULL,"
                    + " note VARCHAR(" + NOTE + "),"
                    + " CONSTRAINT mail_incoming_uid UNIQUE (mailbox, folder, uid_validity, uid),"
                    + " CONSTRAINT mail_incoming_key UNIQUE (message_key))",
            "CREATE INDEX mail_incoming_ticket ON mail_incoming (ticket_id)",
            "CREATE INDEX mail_incoming_received ON mail_incoming (received_at)"));

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
        return Set.of(TICKETS);
    }
}
