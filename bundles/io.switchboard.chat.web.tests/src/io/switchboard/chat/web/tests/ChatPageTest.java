package io.switchboard.chat.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.switchboard.chat.ChatService;
import io.switchboard.chat.web.internal.ChatWebServer;
import io.switchboard.testing.Services;

/** The page over plain HTTP: its language, its security headers, nothing else served. */
class ChatPageTest {

    private static ChatWebServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new ChatWebServer(Services.get(ChatService.class));
        server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theBrowsersLanguageChoosesThePagesTexts() throws Exception {
        HttpResponse<String> chinese = get("/", "zh-CN,zh;q=0.9,en;q=0.8");
        assertEquals(200, chinese.statusCode());
        assertEquals("zh", chinese.headers().firstValue("Content-Language").orElse(""));
        assertTrue(chinese.body().contains("<html lang=\"zh\">"), chinese.body());
        assertTrue(chinese.body().contains("<title>在线客服</title>"), chinese.body());

        HttpResponse<String> preferred = get("/", "fr-FR,fr;q=0.9,zh;q=0.5");
        assertTrue(preferred.body().contains("<title>在线客服</title>"), "French is not there, Chinese is next");

        HttpResponse<String> english = get("/?lang=en", "zh-CN,zh;q=0.9");
        assertTrue(english.body().contains("<title>Chat with us</title>"), "?lang= wins over the browser");
        assertTrue(english.body().contains("<label for=\"message\">Your message</label>"), english.body());

        HttpResponse<String> other = get("/", "de-DE,fr;q=0.8");
        assertTrue(other.body().contains("<html lang=\"en\">"), "a language the page lacks gets English");
        HttpResponse<String> none = get("/?lang=xx", null);
        assertTrue(none.body().contains("<html lang=\"en\">"));
    }

    @Test
    void everyResponseForbidsInlineScriptAndForeignSources() throws Exception {
        for (String path : new String[] { "/", "/chat.js", "/chat.css" }) {
            HttpResponse<String> response = get(path, null);
            assertEquals(200, response.statusCode(), path);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), policy);
            assertFalse(policy.contains("unsafe"), policy);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        String page = get("/", null).body();
        assertFalse(page.contains("<script>"), "no inline script in the page");
        String script = get("/chat.js", null).body();
        assertTrue(script.contains("textContent"));
        assertFalse(script.contains("innerHTML"), "messages never go in as markup");
        assertEquals("text/javascript; charset=utf-8", get("/chat.js", null).headers().firstValue("Content-Type")
                .orElse(""));
    }

    @Test
    void nothingElseIsServed() throws Exception {
        assertEquals(404, get("/etc/passwd", null).statusCode());
        assertEquals(404, get("/web/chat.html", null).statusCode(), "the bundle's files are not served as such");
        assertEquals(404, get("/chat.html", null).statusCode());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(server.uri())
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertTrue(URI.create(server.uri().toString()).getPort() > 0);
    }
}
