package io.switchboard.chat.web.tests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A small W3C WebDriver client for Debian's {@code chromedriver} driving headless {@code chromium}: start, open a
 * page, find elements, type, click, run a script, take a screenshot. Plain HTTP with JSON (Gson), so the test needs
 * no Selenium; each call fails the test with the driver's own error message.
 */
final class WebDriver implements AutoCloseable {

    /** Debian's packages (chromium, chromium-driver); other places through these system properties. */
    static final Path CHROMIUM = Path.of(System.getProperty("switchboard.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("switchboard.chromedriver", "/usr/bin/chromedriver"));
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String session;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts chromedriver on a free port and a headless chromium session with a window of the given size. */
    WebDriver(int width, int height) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                JsonObject status = call("GET", "/status", null).getAsJsonObject();
                if (status.get("ready").getAsBoolean()) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                driver.destroyForcibly();
                throw new IOException("chromedriver did not start on port " + port);
            }
            Thread.sleep(100);
        }
        JsonObject options = new JsonObject();
        options.addProperty("binary", CHROMIUM.toString());
        JsonArray args = new JsonArray();
        for (String arg : List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=" + width + "," + height, "--force-device-scale-factor=1")) {
            args.add(arg);
        }
        options.add("args", args);
        JsonObject match = new JsonObject();
        match.addProperty("browserName", "chrome");
        match.add("goog:chromeOptions", options);
        JsonObject capabilities = new JsonObject();
        capabilities.add("alwaysMatch", match);
        JsonObject body = new JsonObject();
        body.add("capabilities", capabilities);
        try {
            session = call("POST", "/session", body).getAsJsonObject().get("sessionId").getAsString();
        } catch (IOException | RuntimeException e) {
            driver.destroyForcibly();
            throw e;
        }
    }

    void open(URI uri) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("url", uri.toString());
        call("POST", sessionPath("/url"), body);
    }

    /** The first element matching a CSS selector. */
    String find(String css) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("using", "css selector");
        body.addProperty("value", css);
        return call("POST", sessionPath("/element"), body).getAsJsonObject().get(ELEMENT).getAsString();
    }

    /** Types into an element as a user would (key events); "\uE007" is Enter. */
    void type(String element, String text) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("text", text);
        call("POST", sessionPath("/element/" + element + "/value"), body);
    }

    void click(String element) throws IOException, InterruptedException {
        call("POST", sessionPath("/element/" + element + "/click"), new JsonObject());
    }

    /** Sends keys to whatever has the focus (W3C actions), e.g. Tab to move the focus. */
    void keys(String keys) throws IOException, InterruptedException {
        JsonArray actions = new JsonArray();
        for (int i = 0; i < keys.length(); i++) {
            for (String type : List.of("keyDown", "keyUp")) {
                JsonObject action = new JsonObject();
                action.addProperty("type", type);
                action.addProperty("value", String.valueOf(keys.charAt(i)));
                actions.add(action);
            }
        }
        JsonObject source = new JsonObject();
        source.addProperty("type", "key");
        source.addProperty("id", "keyboard");
        source.add("actions", actions);
        JsonArray sources = new JsonArray();
        sources.add(source);
        JsonObject body = new JsonObject();
        body.add("actions", sources);
        call("POST", sessionPath("/actions"), body);
    }

    /** Runs a script in the page and returns its result. */
    JsonElement script(String script) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("script", script);
        body.add("args", new JsonArray());
        return call("POST", sessionPath("/execute/sync"), body);
    }

    /** Runs a script until its result passes {@code until}; fails with the last result after {@code timeout}. */
    JsonElement waitFor(String script, Predicate<JsonElement> until, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonElement result;
        do {
            result = script(script);
            if (until.test(result)) {
                return result;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + script + "; last result: " + result);
    }

    void screenshot(Path file) throws IOException, InterruptedException {
        String png = call("GET", sessionPath("/screenshot"), null).getAsString();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    private String sessionPath(String path) {
        return "/session/" + session + path;
    }

    private JsonElement call(String method, String path, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonElement json = JsonParser.parseString(response.body());
        JsonElement value = json.isJsonObject() ? json.getAsJsonObject().get("value") : null;
        if (response.statusCode() != 200) {
            throw new AssertionError("WebDriver " + method + " " + path + ": HTTP " + response.statusCode() + " "
                    + (value == null ? response.body() : value));
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", sessionPath(""), null);
            }
        } catch (IOException | RuntimeException e) {
            // the browser is killed with the driver below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
