package io.switchboard.chat.services.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;

import io.switchboard.chat.ConversationState;
import io.switchboard.chat.services.internal.ChatSchema;
import io.switchboard.chat.services.internal.ChatStore;
import io.switchboard.chat.services.internal.Events;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.SchemaMigrations;
import io.switchboard.store.StoreException;
import io.switchboard.store.internal.DerbyDatabase;
import io.switchboard.testing.Services;
import io.switchboard.tickets.TicketRepository;

/**
 * The chat schema in real Derby databases of the test's own, through the plain store (no OSGi): it declares that
 * the customers' schema comes first, and a fresh store gets both.
 */
class ChatSchemaTest {

    @TempDir
    Path temp;

    @Test
    void aFreshStoreGetsTheCustomersSchemaBeforeTheChats() throws Exception {
        try (DerbyDatabase alone = new DerbyDatabase(temp.resolve("alone"))) {
            StoreException missing = assertThrows(StoreException.class, () -> alone.migrate(new ChatSchema()));
            assertTrue(missing.getMessage().contains("chat") && missing.getMessage().contains("customers"),
                    missing.getMessage());
        }
        try (DerbyDatabase fresh = new DerbyDatabase(temp.resolve("fresh"))) {
            for (ServiceReference<SchemaMigrations> reference : Fixtures.context()
                    .getServiceReferences(SchemaMigrations.class, null)) {
                fresh.register(Fixtures.context().getService(reference));
            }
            // The services given here work on another store: only the declared order can have made the customers'
            // contact points, which the chat handle lookup reads, exist in this one.
            ChatStore chat = new ChatStore(fresh, Events.NONE, Services.get(CustomerRepository.class),
                    Services.get(InteractionLog.class), Services.get(TicketRepository.class), () -> null,
                    Runnable::run);
            long id = chat.start("wechat", "wx_nobody").id();
            assertEquals(ConversationState.WAITING, chat.customerSays(id, "Hello").size() == 2
                    ? chat.find(id).orElseThrow().state() : null, "without a bot: handed over");
            assertEquals(ChatSchema.MIGRATIONS_COUNT, fresh.schemaVersion(ChatSchema.CAPABILITY));
            assertTrue(fresh.schemaVersion("customers") > 0, "the customers' schema was applied");
            try (Connection connection = fresh.connect(); Statement statement = connection.createStatement()) {
                assertEquals(0, single(statement, "SELECT COUNT(*) FROM contact_points"));
                assertEquals(2, single(statement, "SELECT COUNT(*) FROM chat_messages"));
            }
        }
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
