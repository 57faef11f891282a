package io.switchboard.chat.web.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

import io.switchboard.chat.ChatService;

/**
 * The web chat channel: an HTTP server (Jetty 12 core, no servlets) that serves the chat page on {@code /} and
 * talks to it over a WebSocket on {@value #SOCKET_PATH}. Each browser tab's conversation is one conversation of
 * the {@link ChatService} on channel {@value #CHANNEL}; whatever is added to it (the bot's reply, the hand-over,
 * an agent's answer) reaches the page when {@link #messageAdded} is called, which
 * {@link ChatEvents#forward} does for every chat message event.
 *
 * <p>Uses Jetty's WebSocket core API, not its Jetty API: the latter's bundle requires an OSGi service loader
 * mediator (SPI Fly) that Switchboard's runtime does not have, the core needs none.
 */
public final class ChatWebServer {

    /** The channel of the conversations this server starts. */
    public static final String CHANNEL = "web";
    public static final String SOCKET_PATH = "/chat/socket";

    private static final System.Logger LOG = System.getLogger(ChatWebServer.class.getName());

    private final ChatService chat;
    private final Limits limits;
    private final ConversationTokens tokens = new ConversationTokens();
    private final Set<ChatConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<ChatConnection>> byConversation = new ConcurrentHashMap<>();

    private Server server;
    private ServerConnector connector;
    private ExecutorService workers;
    private String host;

    public ChatWebServer(ChatService chat) {
        this(chat, Limits.DEFAULT);
    }

    public ChatWebServer(ChatService chat, Limits limits) {
        this.chat = chat;
        this.limits = limits;
    }

    /**
     * Starts listening.
     *
     * @param bindAddress the address to listen on, e.g. {@code 127.0.0.1} (loopback only) or {@code 0.0.0.0}
     * @param port        the port, or 0 for any free one (see {@link #port()})
     * @throws IOException when the address cannot be used (the port is taken, the address is not this machine's)
     */
    public synchronized void start(String bindAddress, int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already running on port " + port());
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("web-chat");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        ServerConnector http = new ServerConnector(jetty);
        http.setHost(bindAddress);
        http.setPort(port);
        jetty.addConnector(http);

        WebSocketUpgradeHandler sockets = new WebSocketUpgradeHandler();
        sockets.addMapping(SOCKET_PATH, negotiator());
        sockets.setHandler(new PageHandler(limits.maxTextChars()));
        jetty.setHandler(sockets);

        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "web-chat-worker-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        try {
            jetty.start();
        } catch (Exception e) {
            pool.shutdownNow();
            try {
                jetty.stop();
            } catch (Exception stopping) {
                e.addSuppressed(stopping);
            }
            throw e instanceof IOException io ? io
                    : new IOException(bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
        this.server = jetty;
        this.connector = http;
        this.workers = pool;
        this.host = bindAddress;
    }

    /** Closes every connection and stops listening; the conversations stay in the chat service. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "web chat server did not stop cleanly", e);
        }
        workers.shutdownNow();
        connections.clear();
        byConversation.clear();
        server = null;
        connector = null;
        workers = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port it listens on (the one chosen when started with 0), or -1 when stopped. */
    public synchronized int port() {
        return connector == null ? -1 : connector.getLocalPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8787/}. */
    public synchronized URI uri() {
        if (connector == null) {
            throw new IllegalStateException("not running");
        }
        String shown = host == null || host.isBlank() || host.equals("0.0.0.0") ? "localhost" : host;
        if (shown.contains(":") && !shown.startsWith("[")) {
            shown = "[" + shown + "]";
        }
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /**
     * A message was added to a conversation: the pages showing it fetch what they have not seen.
     *
     * @param messageId the new message, or 0 when not known (then the pages always look)
     */
    public void messageAdded(long conversationId, long messageId) {
        Set<ChatConnection> showing = byConversation.get(conversationId);
        if (showing != null) {
            showing.forEach(connection -> connection.requestPump(messageId));
        }
    }

    /** Open WebSocket connections. */
    public int connectionCount() {
        return connections.size();
    }

    Limits limits() {
        return limits;
    }

    ChatService chat() {
        return chat;
    }

    ConversationTokens tokens() {
        return tokens;
    }

    boolean execute(Runnable task) {
        ExecutorService pool = workers;
        if (pool == null) {
            return false;
        }
        try {
            pool.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** A connection opened; false when there are too many already (it is closed with 1013, try again later). */
    boolean opened(ChatConnection connection) {
        if (connections.size() >= limits.maxConnections()) {
            return false;
        }
        connections.add(connection);
        return true;
    }

    void closed(ChatConnection connection) {
        connections.remove(connection);
        long id = connection.conversationId();
        if (id != 0) {
            detach(connection, id);
        }
    }

    void attach(ChatConnection connection, long previous, long id) {
        if (previous != 0) {
            detach(connection, previous);
        }
        byConversation.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    private void detach(ChatConnection connection, long id) {
        byConversation.computeIfPresent(id, (key, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    private WebSocketNegotiator negotiator() {
        WebSocketNegotiator.AbstractNegotiator negotiator = new WebSocketNegotiator.AbstractNegotiator() {
            @Override
            public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response,
                    Callback callback) {
                if (!sameOrigin(request)) {
                    Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
                    return null;
                }
                String language = PageTexts.choose(
                        Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue("lang"),
                        request.getHeaders().getQualityCSV(HttpHeader.ACCEPT_LANGUAGE));
                return new ChatConnection(ChatWebServer.this, PageTexts.of(language));
            }
        };
        negotiator.setMaxTextMessageSize(limits.maxFrameBytes());
        negotiator.setMaxBinaryMessageSize(limits.maxFrameBytes());
        negotiator.setMaxFrameSize(limits.maxFrameBytes());
        negotiator.setIdleTimeout(limits.idleTimeout());
        negotiator.setMaxOutgoingFrames(1000);
        return negotiator;
    }

    /**
     * A browser names the page's site in Origin: a page of another site must not chat in the name of this one's
     * visitors. Clients that are no browser send no Origin and are let in.
     */
    static boolean sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        try {
            URI uri = URI.create(origin);
            return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
