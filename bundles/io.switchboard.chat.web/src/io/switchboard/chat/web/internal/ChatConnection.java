package io.switchboard.chat.web.internal;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.internal.MessageHandler;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;

/**
 * One browser's WebSocket. Jetty assembles frames into text messages and checks their size and UTF-8 (an invalid
 * one closes this connection with 1007, a too large one with 1009); this class only reads the JSON in them.
 *
 * <p>Messages are not handled on Jetty's threads: each one passes the connection's token bucket, waits in its small
 * queue and is handed to the chat service by one of the server's workers, one message of a connection at a time.
 * What does not fit is refused with a notice (at most one notice a second), so a flood costs its sender, not the
 * others.
 *
 * <p>From the page: {@code {"type":"hello","token":T,"after":N}} (resume the conversation of token T and send what
 * came after message N) and {@code {"type":"say","text":S,"handle":E}}. To the page: {@code started} (with the
 * token), {@code message} (id, sender, author, text, at), {@code notice} (text) and {@code ended} (text).
 */
final class ChatConnection extends MessageHandler {

    private static final System.Logger LOG = System.getLogger(ChatConnection.class.getName());
    private static final long NOTICE_INTERVAL_NANOS = 1_000_000_000L;
    private static final int MAX_HANDLE = 200;

    private final ChatWebServer server;
    private final PageTexts texts;
    private final TokenBucket bucket;
    private final ArrayDeque<String> inbox = new ArrayDeque<>();
    private boolean pumpRequested;
    private boolean scheduled;
    private long lastRefusal;
    private boolean refusedOnce;

    /** Written by the worker that handles this connection, read by the server to route events. */
    private volatile long conversationId;
    /** The last message sent to the page; written by the worker, read by event threads to skip what was sent. */
    private volatile long lastSent;

    ChatConnection(ChatWebServer server, PageTexts texts) {
        this.server = server;
        this.texts = texts;
        this.bucket = new TokenBucket(server.limits().burst(), server.limits().perSecond(), System.nanoTime());
    }

    long conversationId() {
        return conversationId;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        super.onOpen(coreSession, callback);
        if (!server.opened(this)) {
            coreSession.close(CloseStatus.TRY_AGAIN_LATER, "too many connections", Callback.NOOP);
        }
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        server.closed(this);
        super.onClosed(closeStatus, callback);
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        LOG.log(Level.DEBUG, "web chat connection failed", cause);
        super.onError(cause, callback);
    }

    @Override
    protected void onText(String message, Callback callback) {
        try {
            accept(message);
            callback.succeeded();
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    @Override
    protected void onBinary(ByteBuffer message, Callback callback) {
        refuse("notice.textOnly");
        callback.succeeded();
    }

    private void accept(String message) {
        if (!bucket.tryTake(System.nanoTime())) {
            refuse("notice.rateLimited");
            return;
        }
        synchronized (this) {
            if (inbox.size() >= server.limits().queue()) {
                refuse("notice.busy");
                return;
            }
            inbox.add(message);
            scheduleLocked();
        }
    }

    /**
     * Message {@code messageId} was added to the conversation (an event): send the page what it has not seen.
     * Nothing to do when it was sent already (the reply to the customer's own message usually is).
     */
    void requestPump(long messageId) {
        if (messageId > 0 && messageId <= lastSent) {
            return;
        }
        synchronized (this) {
            pumpRequested = true;
            scheduleLocked();
        }
    }

    private void scheduleLocked() {
        if (!scheduled) {
            scheduled = true;
            if (!server.execute(this::drain)) {
                scheduled = false;
            }
        }
    }

    /** Runs on a worker: handles the waiting messages one by one and sends the page what it has not seen. */
    private void drain() {
        while (true) {
            String next;
            boolean pump;
            synchronized (this) {
                next = inbox.poll();
                pump = pumpRequested;
                pumpRequested = false;
                if (next == null && !pump) {
                    scheduled = false;
                    return;
                }
            }
            try {
                if (next != null) {
                    handle(next);
                }
                pump();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "web chat: the chat service failed", e);
                notice(texts.get("notice.unavailable"));
            }
        }
    }

    private void handle(String json) {
        JsonObject request;
        try {
            JsonElement element = JsonParser.parseString(json);
            request = element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException | StackOverflowError e) {
            request = null;
        }
        String type = request == null ? null : string(request, "type");
        if ("say".equals(type) && string(request, "text") != null) {
            say(string(request, "text"), string(request, "handle"));
        } else if ("hello".equals(type)) {
            hello(string(request, "token"), number(request, "after"));
        } else {
            notice(texts.get("notice.badRequest"));
        }
    }

    private void hello(String token, long after) {
        if (token == null) {
            return;
        }
        OptionalLong id = server.tokens().verify(token);
        Optional<Conversation> conversation = id.isPresent() ? chat().find(id.getAsLong()) : Optional.empty();
        if (conversation.isPresent() && conversation.get().state() != ConversationState.CLOSED) {
            attach(conversation.get().id());
            lastSent = Math.max(0, after);
        } else {
            JsonObject ended = new JsonObject();
            ended.addProperty("type", "ended");
            ended.addProperty("text", texts.get("notice.ended"));
            send(ended);
        }
    }

    private void say(String text, String handle) {
        if (text.isBlank()) {
            notice(texts.get("notice.empty"));
            return;
        }
        int max = server.limits().maxTextChars();
        if (text.codePointCount(0, text.length()) > max) {
            notice(texts.format("notice.tooLong", Integer.toString(max)));
            return;
        }
        if (conversationId == 0) {
            start(handle);
        }
        try {
            chat().customerSays(conversationId, text);
        } catch (IllegalArgumentException e) {
            Optional<Conversation> conversation = chat().find(conversationId);
            if (conversation.isPresent() && conversation.get().state() != ConversationState.CLOSED) {
                // Refused by the service for a reason of its own (its length limit): say why.
                notice(e.getMessage());
                return;
            }
            // The agent closed the conversation meanwhile: the customer's message starts a new one.
            start(handle);
            chat().customerSays(conversationId, text);
        }
    }

    private void start(String handle) {
        Conversation conversation = chat().start(ChatWebServer.CHANNEL, cleanHandle(handle));
        attach(conversation.id());
        lastSent = 0;
        JsonObject started = new JsonObject();
        started.addProperty("type", "started");
        started.addProperty("conversation", conversation.id());
        started.addProperty("token", server.tokens().issue(conversation.id()));
        send(started);
    }

    private void attach(long id) {
        long previous = conversationId;
        conversationId = id;
        server.attach(this, previous, id);
    }

    /** Sends the page every message of the conversation it has not seen yet, in order. */
    private void pump() {
        long id = conversationId;
        if (id == 0) {
            return;
        }
        List<ChatMessage> messages = chat().transcriptAfter(id, lastSent);
        for (ChatMessage message : messages) {
            JsonObject json = new JsonObject();
            json.addProperty("type", "message");
            json.addProperty("id", message.id());
            json.addProperty("sender", message.sender().name().toLowerCase(Locale.ROOT));
            json.addProperty("author", message.author() == null ? "" : message.author());
            json.addProperty("text", message.text());
            json.addProperty("at", message.sentAt() == null ? "" : message.sentAt().toString());
            send(json);
            lastSent = Math.max(lastSent, message.id());
        }
    }

    private void refuse(String key) {
        long now = System.nanoTime();
        synchronized (this) {
            if (refusedOnce && now - lastRefusal < NOTICE_INTERVAL_NANOS) {
                return;
            }
            refusedOnce = true;
            lastRefusal = now;
        }
        notice(texts.get(key));
    }

    private void notice(String text) {
        JsonObject notice = new JsonObject();
        notice.addProperty("type", "notice");
        notice.addProperty("text", text);
        send(notice);
    }

    private void send(JsonObject json) {
        CoreSession session = getCoreSession();
        if (session == null || !session.isOutputOpen()) {
            return;
        }
        // A page that does not read what it is sent fills Jetty's bounded outgoing queue; then it is closed.
        sendText(json.toString(), Callback.from(() -> {
        }, failure -> session.close(CloseStatus.POLICY_VIOLATION, "not reading", Callback.NOOP)), false);
    }

    private ChatService chat() {
        return server.chat();
    }

    private static String string(JsonObject object, String name) {
        JsonElement element = object.get(name);
        if (element instanceof JsonPrimitive primitive && primitive.isString()) {
            return primitive.getAsString();
        }
        return null;
    }

    private static long number(JsonObject object, String name) {
        JsonElement element = object.get(name);
        if (element instanceof JsonPrimitive primitive && primitive.isNumber()) {
            try {
                return primitive.getAsLong();
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** The e-mail address or handle the customer typed: one line, without control characters, at most 200. */
    static String cleanHandle(String handle) {
        if (handle == null) {
            return "";
        }
        String clean = handle.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > MAX_HANDLE ? clean.substring(0, MAX_HANDLE) : clean;
    }
}
