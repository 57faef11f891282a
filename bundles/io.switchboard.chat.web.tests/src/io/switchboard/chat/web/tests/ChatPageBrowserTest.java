package io.switchboard.chat.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventHandler;

import com.google.gson.JsonElement;

import io.switchboard.chat.ChatService;
import io.switchboard.chat.Chatbot;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.StatementPair;
import io.switchboard.chat.web.internal.ChatEvents;
import io.switchboard.chat.web.internal.ChatWebServer;
import io.switchboard.testing.Services;

/**
 * The chat page in a real browser (Debian's headless chromium through chromedriver), against the real bot and chat
 * service: a known question is answered, an unknown one is handed over, the agent's answer from the console side
 * arrives, markup is shown as text, a reload resumes the conversation, and the Chinese page works. Screenshots go to
 * {@code target/screenshots/chat-web-*.png}.
 */
class ChatPageBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HOURS = "What are your opening hours?";
    static final String HOURS_ANSWER = "We are open from 9:00 to 17:00, Monday to Friday.";
    static final String HOURS_ZH = "你们的营业时间是什么时候？";
    static final String HOURS_ANSWER_ZH = "我们周一至周五 9:00 至 17:00 营业。";
    static final String UNKNOWN = "Can I pay the invoice of my grandmother's parrot insurance with sea shells?";
    static final String MARKUP = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"><b>bold?</b>";

    private static ChatService chat;
    private static ChatWebServer server;
    private static ServiceRegistration<EventHandler> events;

    @BeforeAll
    static void start() throws Exception {
        if (!WebDriver.available()) {
            return; // every test is skipped, see requireBrowser()
        }
        chat = Services.get(ChatService.class);
        Chatbot bot = Services.get(Chatbot.class);
        bot.learn(List.of(new StatementPair(HOURS, HOURS_ANSWER), new StatementPair(HOURS_ZH, HOURS_ANSWER_ZH),
                new StatementPair("How do I reset my password?", "Use the link 'Forgot password' on the sign-in page.")),
                "web chat browser test");
        server = new ChatWebServer(chat);
        server.start("127.0.0.1", 0);
        events = ChatEvents.forward(Services.context(), server);
    }

    @BeforeEach
    void requireBrowser() {
        Assumptions.assumeTrue(WebDriver.available(),
                "chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)");
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.unregister();
        }
        if (server != null) {
            server.stop();
        }
    }

    static Path screenshots() {
        return Path.of(System.getProperty("switchboard.screenshots", "target/screenshots"));
    }

    /** A screenshot once the transcript has scrolled to its end (it scrolls smoothly). */
    private static void screenshot(WebDriver browser, String name) throws Exception {
        browser.waitFor("const t = document.getElementById('transcript');"
                + " return t.scrollHeight - t.scrollTop - t.clientHeight < 2", r -> r.getAsBoolean(), WAIT);
        browser.screenshot(screenshots().resolve(name));
    }

    private static String texts(String css) {
        return "return Array.from(document.querySelectorAll('" + css + "')).map(e => e.textContent)";
    }

    private static boolean hasText(JsonElement list, String text) {
        for (JsonElement element : list.getAsJsonArray()) {
            if (element.getAsString().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aCustomerAsksTheBotIsHandedOverAndAnAgentAnswers() throws Exception {
        try (WebDriver browser = new WebDriver(1000, 1000)) {
            browser.open(URI.create(server.uri() + "?lang=en"));
            browser.waitFor("return document.getElementById('status').textContent", r -> r.getAsString()
                    .equals("Connected."), WAIT);
            assertEquals("Chat with us", browser.script("return document.title").getAsString());

            // Keyboard only: type, Tab to the Send button, Enter.
            String input = browser.find("#message");
            browser.type(input, HOURS);
            browser.keys("\uE004");
            assertEquals("send", browser.script("return document.activeElement.id").getAsString());
            browser.keys("\uE007");
            browser.waitFor(texts(".msg-bot .text"), r -> hasText(r, HOURS_ANSWER), WAIT);
            browser.waitFor("return document.activeElement.id", r -> r.getAsString().equals("message"), WAIT);
            screenshot(browser, "chat-web-answer.png");

            // Enter in the message box sends too; the bot does not know this one and hands over.
            browser.type(input, UNKNOWN + "\uE007");
            browser.waitFor(texts(".msg-bot .text"), r -> hasText(r, "person will answer"), WAIT);
            String token = browser.script("return sessionStorage.getItem('switchboard.chat.token')").getAsString();
            long id = Long.parseLong(token.substring(0, token.indexOf('.')));
            assertEquals(ConversationState.WAITING, chat.find(id).orElseThrow().state());
            assertEquals(ChatWebServer.CHANNEL, chat.find(id).orElseThrow().channel());

            // The agent answers from the console.
            chat.agentSays(id, "Alice", "Hello, I am Alice. Sea shells are not accepted, but a bank transfer is.");
            browser.waitFor(texts(".msg-agent .text"), r -> hasText(r, "Sea shells are not accepted"), WAIT);
            browser.waitFor(texts(".msg-agent .who"), r -> hasText(r, "Alice"), WAIT);
            screenshot(browser, "chat-web-handover.png");

            // Markup is shown as it was typed and never runs.
            browser.type(input, MARKUP + "\uE007");
            browser.waitFor(texts(".msg-customer .text"), r -> hasText(r, MARKUP), WAIT);
            assertEquals("Chat with us", browser.script("return document.title").getAsString());
            assertEquals(0, browser.script("return document.querySelectorAll('#transcript script, #transcript img, "
                    + "#transcript b').length").getAsInt());
            screenshot(browser, "chat-web-markup.png");

            // A reload resumes the conversation: the same messages again, and the agent's next one arrives.
            int shown = browser.script("return document.querySelectorAll('.msg').length").getAsInt();
            browser.open(URI.create(server.uri() + "?lang=en"));
            browser.waitFor("return document.querySelectorAll('.msg').length", r -> r.getAsInt() == shown, WAIT);
            chat.agentSays(id, "Alice", "Anything else?");
            browser.waitFor(texts(".msg-agent .text"), r -> hasText(r, "Anything else?"), WAIT);
            assertEquals(shown + 1, browser.script("return document.querySelectorAll('.msg').length").getAsInt());

            // An empty message is not sent; the notice says why.
            browser.type(browser.find("#message"), "   \uE007");
            browser.waitFor("return document.getElementById('notice').textContent", r -> r.getAsString()
                    .contains("empty message"), WAIT);
        }
    }

    @Test
    void theChinesePageAnswersInChinese() throws Exception {
        try (WebDriver browser = new WebDriver(1000, 1000)) {
            browser.open(URI.create(server.uri() + "?lang=zh"));
            browser.waitFor("return document.getElementById('status').textContent", r -> r.getAsString()
                    .equals("已连接。"), WAIT);
            assertEquals("在线客服", browser.script("return document.title").getAsString());
            browser.type(browser.find("#message"), HOURS_ZH + "\uE007");
            browser.waitFor(texts(".msg-bot .text"), r -> hasText(r, HOURS_ANSWER_ZH), WAIT);
            browser.type(browser.find("#message"), "我的鹦鹉保险可以用贝壳付款吗？\uE007");
            browser.waitFor("return document.querySelectorAll('.msg-bot').length", r -> r.getAsInt() == 2, WAIT);
            screenshot(browser, "chat-web-zh.png");
            assertTrue(Files.size(screenshots().resolve("chat-web-zh.png")) > 10_000);
        }
    }
}
