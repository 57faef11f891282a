package io.switchboard.chat.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.StatementPair;
import io.switchboard.chat.bot.internal.Bot;
import io.switchboard.chat.bot.internal.ChatbotService;
import io.switchboard.core.Settings;
import io.switchboard.testing.Services;

/** The DS service in the running framework, its threshold from the settings. */
@Tag("english-only")
class ChatbotServiceTest {

    @Test
    void theServiceLearnsAnswersAndReadsItsThresholdFromTheSettings() throws Exception {
        Chatbot bot = Services.get(Chatbot.class);
        bot.clear();
        assertEquals(Bot.DEFAULT_THRESHOLD, bot.threshold());
        bot.learn(List.of(new StatementPair("Do you ship to Norway?", "Yes, in 3 to 5 days.")), "test");
        BotAnswer answer = bot.answer("do you ship to norway");
        assertFalse(answer.handOver(), answer.toString());
        BotAnswer partial = bot.answer("do you ship to Sweden?");
        Settings settings = Services.get(Settings.class);
        try {
            settings.put(ChatbotService.THRESHOLD_KEY, Double.toString(partial.confidence() / 2));
            Thread.sleep(2100); // the service reads the setting again after 2 s
            assertEquals(partial.confidence() / 2, bot.threshold(), 1e-9);
            assertFalse(bot.answer("do you ship to Sweden?").handOver());
        } finally {
            settings.put(ChatbotService.THRESHOLD_KEY, Double.toString(Bot.DEFAULT_THRESHOLD));
            bot.clear();
        }
    }
}
