package io.switchboard.mail.ui.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server on loopback that refuses every recipient with {@value #REASON}, as a server does for an unknown
 * user: the outbox marks such mail failed with this reason.
 */
final class RejectingSmtp implements AutoCloseable {

    static final String REASON = "550 5.1.1 No such user here";

    private final ServerSocket server;

    RejectingSmtp() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "rejecting SMTP");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> session(socket), "rejecting SMTP session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void session(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 localhost ESMTP rejecting");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                case "EHLO" -> reply(out, "250-localhost\r\n250 8BITMIME");
                case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                case "RCPT" -> reply(out, REASON);
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "503 Bad sequence of commands");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(Writer out, String text) throws IOException {
        out.write(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
