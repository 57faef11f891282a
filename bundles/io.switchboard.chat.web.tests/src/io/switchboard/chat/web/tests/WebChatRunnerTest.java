package io.switchboard.chat.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.switchboard.chat.ChatService;
import io.switchboard.chat.web.WebChatSettings;
import io.switchboard.chat.web.internal.ChatWebServer;
import io.switchboard.chat.web.internal.Limits;
import io.switchboard.chat.web.internal.WebChatConfig;
import io.switchboard.chat.web.internal.WebChatRunner;
import io.switchboard.core.Settings;
import io.switchboard.testing.Services;

/** The workbench's web chat follows its settings: starts, restarts on a change, stops, says why it cannot. */
class WebChatRunnerTest {

    private final List<String> status = new ArrayList<>();
    private int attached;
    private final WebChatRunner runner = new WebChatRunner(Services.get(ChatService.class), Limits.DEFAULT,
            new WebChatRunner.Host() {
                @Override
                public AutoCloseable attach(ChatWebServer server) {
                    attached++;
                    return () -> attached--;
                }

                @Override
                public void status(String message, boolean sticky) {
                    status.add((sticky ? "sticky " : "") + message);
                }
            });

    @AfterEach
    void stop() {
        runner.stop();
    }

    @Test
    void followsTheSettings() throws Exception {
        int port = ServeCommandTest.freePort();
        runner.apply(new WebChatConfig(true, "127.0.0.1", port));
        URI first = runner.uri().orElseThrow();
        assertEquals(port, first.getPort());
        assertEquals(1, attached);
        assertTrue(status.get(0).contains("http://127.0.0.1:" + port + "/"), status::toString);

        runner.apply(new WebChatConfig(true, "127.0.0.1", port));
        assertEquals(1, status.size(), "the same settings change nothing");

        int other = ServeCommandTest.freePort();
        runner.apply(new WebChatConfig(true, "127.0.0.1", other));
        assertEquals(other, runner.uri().orElseThrow().getPort());
        assertEquals(1, attached, "the old server's events were detached");
        try (ServerSocket reuse = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertTrue(reuse.isBound(), "the old port is free again");
        }

        runner.apply(new WebChatConfig(false, "127.0.0.1", other));
        assertTrue(runner.uri().isEmpty());
        assertEquals(0, attached);
        assertEquals("Web chat stopped", status.get(status.size() - 1));
    }

    @Test
    void aPortInUseIsReportedAndNothingRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            runner.apply(new WebChatConfig(true, "127.0.0.1", taken.getLocalPort()));
            assertTrue(runner.uri().isEmpty());
            assertEquals(1, status.size());
            assertTrue(status.get(0).startsWith("sticky Web chat cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    status::toString);
        }
    }

    @Test
    void readsItsSettingsWithDefaults() {
        Settings settings = Services.get(Settings.class);
        settings.put(WebChatSettings.ENABLED, "false");
        settings.put(WebChatSettings.BIND, "");
        settings.put(WebChatSettings.PORT, "not a port");
        assertEquals(new WebChatConfig(false, WebChatSettings.DEFAULT_BIND, WebChatSettings.DEFAULT_PORT),
                WebChatConfig.read(settings));
        settings.put(WebChatSettings.ENABLED, "true");
        settings.put(WebChatSettings.BIND, "0.0.0.0");
        settings.put(WebChatSettings.PORT, "9090");
        assertEquals(new WebChatConfig(true, "0.0.0.0", 9090), WebChatConfig.read(settings));
        assertFalse(WebChatConfig.read(settings).equals(new WebChatConfig(true, "0.0.0.0", 9091)));
        settings.put(WebChatSettings.ENABLED, "false");
    }
}
