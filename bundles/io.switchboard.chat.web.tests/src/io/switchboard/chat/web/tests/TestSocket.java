package io.switchboard.chat.web.tests;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;
import org.eclipse.jetty.websocket.core.internal.MessageHandler;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A browser-like WebSocket client of the web chat (Jetty's WebSocket core client): sends JSON, collects what the
 * server sends, and the close status.
 */
final class TestSocket extends MessageHandler implements AutoCloseable {

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private CoreSession session;

    static TestSocket connect(WebSocketCoreClient client, URI uri) throws Exception {
        return connect(client, uri, null);
    }

    /** Connects as a page of {@code origin} would (a browser sends its page's origin), or no browser when null. */
    static TestSocket connect(WebSocketCoreClient client, URI uri, String origin) throws Exception {
        TestSocket socket = new TestSocket();
        CoreClientUpgradeRequest request = CoreClientUpgradeRequest.from(client, uri, socket);
        if (origin != null) {
            request.headers(headers -> headers.put(HttpHeader.ORIGIN, origin));
        }
        socket.session = client.connect(request).get(20, TimeUnit.SECONDS);
        return socket;
    }

    static URI socketUri(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/chat/socket?lang=en");
    }

    @Override
    protected void onText(String message, Callback callback) {
        received.add(JsonParser.parseString(message).getAsJsonObject());
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        closed.complete(closeStatus);
        super.onClosed(closeStatus, callback);
    }

    void say(String text) {
        say(text, null);
    }

    /** A message with the e-mail address the customer typed into the page (sent with every message, as the page). */
    void say(String text, String handle) {
        JsonObject say = new JsonObject();
        say.addProperty("type", "say");
        say.addProperty("text", text);
        if (handle != null) {
            say.addProperty("handle", handle);
        }
        send(say.toString());
    }

    void hello(String token, long after) {
        JsonObject hello = new JsonObject();
        hello.addProperty("type", "hello");
        hello.addProperty("token", token);
        hello.addProperty("after", after);
        send(hello.toString());
    }

    void send(String text) {
        session.sendFrame(new Frame(OpCode.TEXT, true, text), Callback.NOOP, false);
    }

    /** A text frame with these bytes as they are, valid UTF-8 or not. */
    void sendRaw(byte[] payload) {
        session.sendFrame(new Frame(OpCode.TEXT, true, ByteBuffer.wrap(payload)), Callback.NOOP, false);
    }

    /** The next message from the server that passes {@code test}, skipping others; fails after the timeout. */
    JsonObject await(Predicate<JsonObject> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject next = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms; the server sent only " + seen);
            }
            seen.add(next);
            if (test.test(next)) {
                return next;
            }
        }
    }

    JsonObject await(String type, Duration timeout) throws InterruptedException {
        return await(json -> type.equals(json.get("type").getAsString()), timeout);
    }

    /** A message of the conversation from {@code sender} ("customer", "bot", "agent", "system"). */
    JsonObject awaitMessage(String sender, Duration timeout) throws InterruptedException {
        return await(json -> "message".equals(json.get("type").getAsString())
                && sender.equals(json.get("sender").getAsString()), timeout);
    }

    /** Everything received so far and within {@code quiet} after it, without waiting for anything particular. */
    List<JsonObject> drain(Duration quiet) throws InterruptedException {
        List<JsonObject> all = new ArrayList<>();
        JsonObject next;
        while ((next = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            seen.add(next);
            all.add(next);
        }
        return all;
    }

    CloseStatus awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isOpen() {
        return session.isOutputOpen() && !closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            session.close(CloseStatus.NORMAL, "bye", Callback.NOOP);
            try {
                closed.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                session.abort();
            }
        }
    }
}
