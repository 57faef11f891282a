package io.switchboard.chat.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;
import org.junit.jupiter.api.Test;

import io.switchboard.testing.Cli;

/** {@code switchboard chat serve}: serves until interrupted, prints the address, refuses bad options clearly. */
class ServeCommandTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void servesThePageAndTheSocketUntilStopped() throws Exception {
        int port = freePort();
        AtomicReference<Cli.Run> result = new AtomicReference<>();
        Thread command = new Thread(() -> result.set(Cli.run("chat", "serve", "--port", Integer.toString(port))),
                "chat serve");
        command.start();
        URI page = URI.create("http://127.0.0.1:" + port + "/");
        HttpResponse<String> response = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (response == null && System.nanoTime() < deadline && command.isAlive()) {
            try {
                response = HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                Thread.sleep(100);
            }
        }
        assertTrue(response != null, "the command never listened; " + result.get());
        assertEquals(200, response.statusCode());

        WebSocketCoreClient client = new WebSocketCoreClient();
        client.start();
        try (TestSocket socket = TestSocket.connect(client, TestSocket.socketUri(port))) {
            socket.say("hello from the command line test");
            socket.awaitMessage("bot", ChatSocketTest.WAIT);
        } finally {
            client.stop();
        }

        command.interrupt();
        command.join(Duration.ofSeconds(20).toMillis());
        Cli.Run run = result.get();
        assertEquals(0, run.exit(), run::toString);
        assertEquals(page.toString(), run.lastLine(), run::toString);
        assertTrue(run.err().contains("stopped"), run::toString);
        assertThrows(ConnectException.class,
                () -> HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aPortInUseIsAFailureNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run run = Cli.run("chat", "serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, run.exit(), run::toString);
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run::toString);
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli.Run tooHigh = Cli.run("chat", "serve", "--port", "70000");
        assertEquals(2, tooHigh.exit(), tooHigh::toString);
        assertTrue(tooHigh.err().contains("70000"), tooHigh::toString);
        Cli.Run notANumber = Cli.run("chat", "serve", "--port", "http");
        assertEquals(2, notANumber.exit(), notANumber::toString);
        Cli.Run unknown = Cli.run("chat", "serve", "--host", "x");
        assertEquals(2, unknown.exit(), unknown::toString);
        Cli.Run help = Cli.run("chat", "serve", "--help");
        assertTrue(help.out().contains("--bind ADDRESS"), help::toString);
    }
}
