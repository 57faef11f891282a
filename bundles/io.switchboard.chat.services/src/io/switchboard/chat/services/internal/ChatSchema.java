package io.switchboard.chat.services.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.switchboard.store.Migration;
import io.switchboard.store.SchemaMigrations;

/**
 * The conversations' tables: {@code chat_conversations} (written only by {@link ConversationTable}) and
 * {@code chat_messages} (written only by {@link MessageTable}). Ids come from the store's sequence
 * {@value ChatStore#SEQUENCE}; a message's id is taken while its conversation's row is locked, so within one
 * conversation ids grow in the order the messages were committed, and "the messages after id N" is a safe
 * catch-up for a channel.
 *
 * <p>The schema requires the customers' ({@link #requires()}): a conversation is linked to a customer found by a
 * chat handle in their contact points, and follows a merged customer through the timeline. {@code customer_id}
 * has no foreign key to {@code customers}: a deleted customer's conversations are unlinked by the service
 * (they stay, for the bot and the agents), not deleted with them. Plain portable SQL: standard types, no
 * identity columns, no dialect's functions.
 *
 * <p>Released migrations are never edited; a change is a new version.
 */
@Component(service = SchemaMigrations.class)
public class ChatSchema implements SchemaMigrations {

    public static final String CAPABILITY = "chat";
    /** The customers' capability: the handle lookup reads its contact points. */
    static final String CUSTOMERS = "customers";

    static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "conversations and their messages",
                    "CREATE TABLE chat_conversations (id BIGINT NOT NULL PRIMARY KEY, version BIGINT NOT NULL,"
                            + " channel VARCHAR(" + Limits.CHANNEL + ") NOT NULL,"
                            + " handle VARCHAR(" + Limits.HANDLE + ") NOT NULL, customer_id BIGINT,"
                            + " state VARCHAR(16) NOT NULL, agent VARCHAR(" + Limits.AGENT + "),"
                            + " language VARCHAR(" + Limits.LANGUAGE + "), started_at TIMESTAMP NOT NULL,"
                            + " last_message_at TIMESTAMP NOT NULL, waiting_since TIMESTAMP,"
                            + " preview VARCHAR(" + Limits.PREVIEW + "), ticket_id BIGINT)",
                    "CREATE TABLE chat_messages (id BIGINT NOT NULL PRIMARY KEY,"
                            + " conversation_id BIGINT NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,"
                            + " sender VARCHAR(16) NOT NULL, author VARCHAR(" + Limits.HANDLE + "),"
                            + " body VARCHAR(" + Limits.MESSAGE + ") NOT NULL, confidence DOUBLE PRECISION NOT NULL,"
                            + " sent_at TIMESTAMP NOT NULL)",
                    "CREATE INDEX chat_conversations_state ON chat_conversations (state, started_at)",
                    "CREATE INDEX chat_conversations_waiting ON chat_conversations (state, waiting_since)",
                    "CREATE INDEX chat_conversations_customer ON chat_conversations (customer_id)",
                    "CREATE INDEX chat_messages_conversation ON chat_messages (conversation_id, id)"));

    /** The newest version of the chat schema. */
    public static final int MIGRATIONS_COUNT = MIGRATIONS.size();

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
        return Set.of(CUSTOMERS);
    }
}
