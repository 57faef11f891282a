package io.switchboard.chat.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.StatementPair;
import io.switchboard.chat.cli.internal.TerminalChat;
import io.switchboard.testing.Services;

/** The terminal channel through the real conversation service: stored, handed over, the agent's reply printed. */
@Tag("english-only")
class TerminalChatTest {

    @Test
    void anAgentsReplyArrivesOnTheTerminal() throws Exception {
        Chatbot bot = Services.get(Chatbot.class);
        bot.clear();
        bot.learn(List.of(new StatementPair("What are your opening hours?", "From 9 to 5, Monday to Friday.")), "test");
        ChatService chats = Services.get(ChatService.class);
        String handle = "terminal-" + UUID.randomUUID().toString().substring(0, 8);

        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TerminalChat chat = new TerminalChat(chats, null, 50);
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> {
            try {
                return chat.run(in, out, new PrintStream(err, true, StandardCharsets.UTF_8), handle);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        typing.write("what are your opening hours\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        waitFor(() -> out.toString().contains("From 9 to 5, Monday to Friday."), out);
        typing.write("My parcel arrived broken.\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        waitFor(() -> out.toString().contains(BotTest.EN_HAND_OVER), out);

        Conversation waiting = chats.list(ConversationState.WAITING, 1000).stream()
                .filter(c -> handle.equals(c.handle())).findFirst().orElseThrow();
        assertEquals(TerminalChat.CHANNEL, waiting.channel());
        chats.agentSays(waiting.id(), "Ada", "I am sorry to hear that. I will send a new one today.");
        waitFor(() -> out.toString().contains("Ada: I am sorry to hear that. I will send a new one today."), out);

        typing.write("exit\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        long id = running.get(10, TimeUnit.SECONDS);
        assertEquals(waiting.id(), id);
        // the service's notice that the agent joined is shown too, in brackets
        assertEquals(List.of("How can I help you?", "From 9 to 5, Monday to Friday.", BotTest.EN_HAND_OVER,
                "(Ada joined the conversation.)", "Ada: I am sorry to hear that. I will send a new one today."), out.toString().lines().toList());
        List<ChatMessage.Sender> senders = chats.transcript(id).stream().map(ChatMessage::sender).toList();
        assertTrue(senders.containsAll(List.of(ChatMessage.Sender.CUSTOMER, ChatMessage.Sender.BOT, ChatMessage.Sender.AGENT)),
                senders.toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        bot.clear();
    }

    private static void waitFor(BooleanSupplier condition, StringWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not printed in time; the terminal shows:\n" + out);
            }
            Thread.sleep(20);
        }
    }
}
