package io.switchboard.chat.services.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatMessage.Sender;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.StatementPair;
import io.switchboard.testing.Services;

/** The conversation service with the real bot, trained here on a few pairs. */
class BotConversationTest {

    private static final String PASSWORD = "How do I reset my password?";
    private static final String PASSWORD_ANSWER = "Open Settings, choose Security and press Reset password.";
    private static final String PARCEL = "我的包裹在哪里？";
    private static final String PARCEL_ANSWER = "您的包裹正在派送中，预计明天送达。";

    private final ChatService chat = Services.get(ChatService.class);
    private final Chatbot bot = Services.get(Chatbot.class);

    @BeforeAll
    static void train() {
        // The bot keeps what it learned in the data folder: start from nothing, so what it knows is this class's.
        Services.get(Chatbot.class).clear();
        Services.get(Chatbot.class).learn(List.of(new StatementPair(PASSWORD, PASSWORD_ANSWER),
                new StatementPair("What are your opening hours?", "We are open from 9 to 18, Monday to Friday."),
                new StatementPair("Can I pay by invoice?", "Yes, business customers can pay by invoice."),
                new StatementPair("How much does shipping cost?", "Shipping is free above 50 euros."),
                new StatementPair(PARCEL, PARCEL_ANSWER),
                new StatementPair("可以开发票吗？", "可以，企业客户可以开具发票。")), "BotConversationTest");
    }

    @Test
    void theBotAnswersAQuestionItKnows() throws Exception {
        long id = chat.start("web", "").id();
        List<ChatMessage> stored = chat.customerSays(id, PASSWORD);
        assertEquals(List.of(Sender.CUSTOMER, Sender.BOT), stored.stream().map(ChatMessage::sender).toList());
        ChatMessage answer = stored.get(1);
        assertEquals(PASSWORD_ANSWER, answer.text());
        assertEquals("bot", answer.author());
        assertTrue(answer.confidence() >= bot.threshold(), "confident: " + answer.confidence());
        Conversation conversation = chat.find(id).orElseThrow();
        assertEquals(ConversationState.BOT, conversation.state(), "the bot keeps it");
        assertEquals("en", conversation.language());
        assertEquals(stored, chat.transcript(id));
    }

    @Test
    void theBotAnswersInChinese() throws Exception {
        long id = chat.start("web", "").id();
        List<ChatMessage> stored = chat.customerSays(id, PARCEL);
        assertEquals(PARCEL_ANSWER, stored.get(1).text());
        assertEquals("zh", chat.find(id).orElseThrow().language());
    }

    @Test
    void anUnknownQuestionIsHandedOverAndWaitsForAnAgent() throws Exception {
        String unknown = "Quorvex blandish the tromple " + Fixtures.unique() + "?";
        BotAnswer handOver = bot.answer(unknown);
        assertTrue(handOver.handOver(), "the bot does not know it: " + handOver);
        long id = chat.start("web", "").id();
        List<ChatMessage> stored = chat.customerSays(id, unknown);
        assertEquals(2, stored.size());
        assertEquals(Sender.BOT, stored.get(1).sender());
        assertEquals(handOver.text(), stored.get(1).text(), "the bot's hand-over sentence");
        Conversation waiting = chat.find(id).orElseThrow();
        assertEquals(ConversationState.WAITING, waiting.state());
        assertNotNull(waiting.waitingSince());

        assertEquals(1, chat.customerSays(id, PASSWORD).size(), "waiting: the bot no longer answers");
    }

    @Test
    void afterTheCloseTheBotAnswersWhatTheAgentAnswered() throws Exception {
        String question = "Do you ship gift wrapped orders to Iceland " + Fixtures.unique() + "?";
        String reply = "Yes, gift wrapping to Iceland costs 3 euros extra.";
        assertTrue(bot.answer(question).handOver(), "not known before");
        long id = chat.start("web", "").id();
        chat.customerSays(id, question);
        assertEquals(ConversationState.WAITING, chat.find(id).orElseThrow().state());
        chat.agentSays(id, "anna", reply);
        chat.agentSays(id, "anna", "Anything else?");
        chat.customerSays(id, "agent"); // a request for a person is no question to learn
        chat.agentSays(id, "anna", "I am here.");
        long known = bot.size();
        chat.close(id);
        assertEquals(known + 1, bot.size(), "one pair learned: the question and the agent's next reply");

        long next = chat.start("web", "").id();
        List<ChatMessage> answered = chat.customerSays(next, question);
        assertEquals(reply, answered.get(1).text());
        assertEquals(ConversationState.BOT, chat.find(next).orElseThrow().state());

        chat.close(id);
        assertEquals(known + 1, bot.size(), "closing again learns nothing again");
    }

    @Test
    void theAgentGetsTheBotsSuggestionsForTheLastCustomerMessage() throws Exception {
        long id = chat.start("web", "").id();
        assertTrue(chat.suggestions(id, 3).isEmpty(), "nothing asked yet");
        chat.customerSays(id, "agent");
        chat.customerSays(id, "how can i reset my password");
        List<BotAnswer> suggestions = chat.suggestions(id, 3);
        assertFalse(suggestions.isEmpty());
        assertTrue(suggestions.size() <= 3);
        assertEquals(PASSWORD_ANSWER, suggestions.get(0).text());
    }

    @Test
    void withoutTheBotEveryMessageIsHandedOver() throws Exception {
        Bundle botBundle = Services.context().getServiceReference(Chatbot.class).getBundle();
        botBundle.stop();
        try {
            long id = chat.start("web", "").id();
            List<ChatMessage> stored = chat.customerSays(id, PASSWORD);
            assertEquals("Thank you, a person will answer you shortly.", stored.get(1).text());
            assertEquals(ConversationState.WAITING, chat.find(id).orElseThrow().state());
            assertTrue(chat.suggestions(id, 3).isEmpty());
        } finally {
            botBundle.start();
        }
        Services.get(Chatbot.class);
        long id = chat.start("web", "").id();
        assertEquals(PASSWORD_ANSWER, chat.customerSays(id, PASSWORD).get(1).text(), "the bot is back");
    }
}
