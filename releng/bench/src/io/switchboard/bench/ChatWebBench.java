package io.switchboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Load on the web chat: SESSIONS browser-like WebSocket sessions (the JDK's client, as a browser: one connection
 * each) on a running {@code switchboard chat serve}; each sends MESSAGES questions the bot knows, one after the
 * other, the next as soon as the bot's answer arrives. Bounded in time: whatever is unanswered at the deadline is
 * counted as lost. Prints the round trips (send to the bot's answer on the page's socket), the answers per second
 * over the whole run, and what was lost or refused.
 *
 * <p>With PAUSE_MS above 0 each session waits that long after an answer before it asks again (a person reading
 * and typing), and starts at a random moment within the first pause: the load is then paced, not as fast as the
 * server answers.
 *
 * <pre>ChatWebBench PAGE_URL SESSIONS MESSAGES SECONDS QUESTIONS_FILE [PAUSE_MS]</pre>
 */
public final class ChatWebBench {

    private static final int WARM_UP_SESSIONS = 50;
    private static final int WARM_UP_MESSAGES = 2;

    private final URI socket;
    private final int messages;
    private final List<String> questions;
    private final long[] roundTrips;
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failedToConnect = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger closedEarly = new AtomicInteger();
    private final AtomicLong lastAnswer = new AtomicLong();
    private final CountDownLatch done;
    private long pauseMillis;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pauses");
        thread.setDaemon(true);
        return thread;
    });

    private ChatWebBench(URI page, int sessions, int messages, List<String> questions) {
        this.socket = URI.create("ws://" + page.getHost() + ":" + page.getPort() + "/chat/socket?lang=en");
        this.messages = messages;
        this.questions = questions;
        this.roundTrips = new long[sessions * messages];
        this.done = new CountDownLatch(sessions);
    }

    public static void main(String[] args) throws Exception {
        URI page = URI.create(args[0]);
        int sessions = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        Duration limit = Duration.ofSeconds(Long.parseLong(args[3]));
        List<String> questions = Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(30)).build();
        // Not measured: the store's first use (database and schemas on a new data folder), class loading, JIT.
        ChatWebBench warmUp = new ChatWebBench(page, WARM_UP_SESSIONS, WARM_UP_MESSAGES, questions);
        warmUp.run(http, WARM_UP_SESSIONS, Duration.ofSeconds(120), false);
        System.out.printf(Locale.ROOT, "warm-up: %d sessions x %d messages, %d answered%n", WARM_UP_SESSIONS,
                WARM_UP_MESSAGES, warmUp.answered.get());
        ChatWebBench bench = new ChatWebBench(page, sessions, messages, questions);
        bench.pauseMillis = args.length > 5 ? Long.parseLong(args[5]) : 0;
        bench.run(http, sessions, limit, true);
    }

    private void run(HttpClient http, int sessions, Duration limit, boolean report) throws InterruptedException {
        Semaphore handshakes = new Semaphore(64);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        for (int i = 0; i < sessions && System.nanoTime() < deadline; i++) {
            handshakes.acquire();
            Session session = new Session(i);
            http.newWebSocketBuilder().buildAsync(socket, session).whenComplete((ws, failure) -> {
                handshakes.release();
                if (failure != null) {
                    failedToConnect.incrementAndGet();
                    done.countDown();
                }
            });
        }
        done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!report) {
            return;
        }
        long end = lastAnswer.get() == 0 ? System.nanoTime() : lastAnswer.get();
        double seconds = (end - start) / 1e9;
        long[] sorted = Arrays.copyOf(roundTrips, recorded.get());
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "sessions=%d messages=%d pause_ms=%d connected=%d failed_to_connect=%d "
                + "closed_early=%d%n", sessions, messages, pauseMillis, connected.get(), failedToConnect.get(),
                closedEarly.get());
        System.out.printf(Locale.ROOT, "sent=%d answered=%d lost=%d refused=%d%n", sent.get(), answered.get(),
                sent.get() - answered.get(), refused.get());
        System.out.printf(Locale.ROOT, "round_trip_ms p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "wall_s=%.1f answers_per_s=%.0f%n", seconds, answered.get() / seconds);
        System.exit(sent.get() == answered.get() && answered.get() == (long) messages * connected.get() ? 0 : 1);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** One browser tab: asks, waits for the bot's answer, asks the next. */
    private final class Session implements WebSocket.Listener {

        private final int number;
        private final StringBuilder partial = new StringBuilder();
        private int asked;
        private long sentAt;
        private boolean finished;

        Session(int number) {
            this.number = number;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            connected.incrementAndGet();
            webSocket.request(1);
            if (pauseMillis > 0) {
                TIMER.schedule(() -> ask(webSocket), ThreadLocalRandom.current().nextLong(pauseMillis),
                        TimeUnit.MILLISECONDS);
            } else {
                ask(webSocket);
            }
        }

        private void ask(WebSocket webSocket) {
            String question = questions.get((number * 7 + asked) % questions.size());
            JsonObject say = new JsonObject();
            say.addProperty("type", "say");
            say.addProperty("text", question);
            asked++;
            sent.incrementAndGet();
            sentAt = System.nanoTime();
            webSocket.sendText(say.toString(), true);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject json = JsonParser.parseString(partial.toString()).getAsJsonObject();
                partial.setLength(0);
                String type = json.get("type").getAsString();
                if (type.equals("message") && json.get("sender").getAsString().equals("bot")) {
                    long now = System.nanoTime();
                    int slot = recorded.getAndIncrement();
                    if (slot < roundTrips.length) {
                        roundTrips[slot] = now - sentAt;
                    }
                    answered.incrementAndGet();
                    lastAnswer.accumulateAndGet(now, Math::max);
                    if (asked < messages && pauseMillis > 0) {
                        TIMER.schedule(() -> ask(webSocket), pauseMillis, TimeUnit.MILLISECONDS);
                    } else if (asked < messages) {
                        ask(webSocket);
                    } else {
                        finish(webSocket);
                    }
                } else if (type.equals("notice")) {
                    refused.incrementAndGet();
                }
            }
            webSocket.request(1);
            return null;
        }

        private void finish(WebSocket webSocket) {
            if (!finished) {
                finished = true;
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
                done.countDown();
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!finished) {
                closedEarly.incrementAndGet();
                finished = true;
                done.countDown();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!finished) {
                closedEarly.incrementAndGet();
                finished = true;
                done.countDown();
            }
        }
    }
}
