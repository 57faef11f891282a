package io.switchboard.chat.web.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;

import io.switchboard.chat.ChatService;

/**
 * Keeps one web chat server running as the settings say: {@link #apply} with the settings of the moment starts,
 * stops or restarts it when they changed, and does nothing when they did not. A port that cannot be used is
 * reported once (not retried until the settings change); the conversations stay whatever happens to the server.
 */
public final class WebChatRunner {

    /** What the host does around a running server. */
    public interface Host {
        /** Starts passing chat events to the server; the result is closed before the server stops. */
        AutoCloseable attach(ChatWebServer server);

        /** A message for the person (the workbench's status line). */
        void status(String message, boolean sticky);
    }

    private final ChatService chat;
    private final Limits limits;
    private final Host host;
    private WebChatConfig current = new WebChatConfig(false, "", 0);
    private ChatWebServer server;
    private AutoCloseable attachment;

    public WebChatRunner(ChatService chat, Limits limits, Host host) {
        this.chat = chat;
        this.limits = limits;
        this.host = host;
    }

    public synchronized void apply(WebChatConfig config) {
        if (config.equals(current)) {
            return;
        }
        boolean wasRunning = server != null;
        stopServer();
        current = config;
        if (!config.enabled()) {
            if (wasRunning) {
                host.status(Messages.Web_stopped, false);
            }
            return;
        }
        ChatWebServer started = new ChatWebServer(chat, limits);
        try {
            started.start(config.bind(), config.port());
        } catch (IOException | RuntimeException e) {
            host.status(NLS.bind(Messages.Web_cannotListen, config.bind() + ":" + config.port(), e.getMessage()), true);
            return;
        }
        server = started;
        attachment = host.attach(started);
        host.status(NLS.bind(Messages.Web_started, started.uri()), false);
    }

    /** Applies the settings read by {@code read}; a failure to read them (no data folder yet) changes nothing. */
    public void applySettings(Supplier<WebChatConfig> read) {
        WebChatConfig config;
        try {
            config = read.get();
        } catch (RuntimeException e) {
            return;
        }
        apply(config);
    }

    public synchronized Optional<URI> uri() {
        return server == null ? Optional.empty() : Optional.of(server.uri());
    }

    public synchronized void stop() {
        stopServer();
        current = new WebChatConfig(false, "", 0);
    }

    private void stopServer() {
        if (attachment != null) {
            try {
                attachment.close();
            } catch (Exception e) {
                // the event registration is gone already
            }
            attachment = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
