package io.switchboard.chat.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;

import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.Conversation;
import io.switchboard.cli.Output;

/**
 * The terminal channel's read-answer loop. With the conversation service, every line is a customer message of a
 * stored conversation (channel {@value #CHANNEL}): the bot answers or hands over, an agent can take it over in the
 * console, and what the agent writes is printed as it arrives (the transcript is polled). Without the service (an
 * installation without the chat store) the bot answers directly and nothing is stored.
 */
public final class TerminalChat {

    public static final String CHANNEL = "terminal";
    static final String EXIT = "exit";

    private final ChatService chats;
    private final Chatbot bot;
    private final long pollMillis;
    private final Object printing = new Object();
    private long lastShown;

    /** @param chats the conversation service, or null to answer with {@code bot} directly */
    public TerminalChat(ChatService chats, Chatbot bot, long pollMillis) {
        this.chats = chats;
        this.bot = bot;
        this.pollMillis = pollMillis;
    }

    /**
     * Greets, then answers each line until {@code exit} or the end of input.
     *
     * @param handle the customer's e-mail address or chat handle, or null
     * @return the stored conversation's id, or 0 without the conversation service
     */
    public long run(InputStream in, Writer out, PrintStream err, String handle) throws IOException {
        Support.Lines lines = new Support.Lines(in);
        print(out, Messages.Chat_greeting);
        if (chats == null) {
            loop(lines, out, err, message -> print(out, bot.answer(message).text()));
            return 0;
        }
        Conversation conversation = chats.start(CHANNEL, handle);
        long id = conversation.id();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard chat: agent replies");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                showNew(id, out);
            } catch (IOException | RuntimeException e) {
                // the terminal or the store went away; the loop notices on its next line
            }
        }, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        try {
            loop(lines, out, err, message -> {
                try {
                    chats.customerSays(id, message);
                } catch (IllegalArgumentException refused) {
                    synchronized (printing) {
                        err.println(Output.oneLine(refused.getMessage()));
                    }
                    return;
                }
                showNew(id, out);
            });
        } finally {
            poller.shutdownNow();
        }
        return id;
    }

    private interface Answer {
        void to(String message) throws IOException;
    }

    private void loop(Support.Lines lines, Writer out, PrintStream err, Answer answer) throws IOException {
        while (true) {
            String message;
            try {
                message = lines.next();
            } catch (CharacterCodingException e) {
                synchronized (printing) {
                    err.println(Output.rejectedLine(lines.number(), Messages.Chat_notUtf8));
                }
                continue;
            }
            if (message == null || message.strip().toLowerCase(Locale.ROOT).equals(EXIT)) {
                return;
            }
            if (!message.isBlank()) {
                answer.to(message);
            }
        }
    }

    /** Prints what the bot, agents and the system said since the last message shown. */
    private void showNew(long id, Writer out) throws IOException {
        synchronized (printing) {
            List<ChatMessage> messages = chats.transcriptAfter(id, lastShown);
            for (ChatMessage message : messages) {
                lastShown = Math.max(lastShown, message.id());
                switch (message.sender()) {
                case BOT -> print(out, message.text());
                case AGENT -> print(out, NLS.bind(Messages.Chat_agentSays, message.author(), message.text()));
                case SYSTEM -> print(out, NLS.bind(Messages.Chat_notice, message.text()));
                case CUSTOMER -> {
                    // the customer's own line is on the terminal already
                }
                }
            }
        }
    }

    private void print(Writer out, String text) throws IOException {
        synchronized (printing) {
            out.write(Output.oneLine(text));
            out.write('\n');
            out.flush();
        }
    }
}
