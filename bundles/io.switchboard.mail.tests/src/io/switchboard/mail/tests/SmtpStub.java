package io.switchboard.mail.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real SMTP server on a loopback port, for the replies GreenMail cannot be told to give: recipients
 * containing "reject" get {@code 550}, "later" get {@code 450}; {@link #dataReply} answers the end of the data
 * ({@code 250} by default, e.g. {@code 554} to refuse the message for good). It records what it accepted.
 */
final class SmtpStub implements AutoCloseable {

    /** One accepted message: the accepted recipients and the data. */
    record Received(List<String> recipients, String data) {
    }

    private final ServerSocket server;
    private final Thread acceptor;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile String dataReply = "250 2.0.0 OK queued";

    SmtpStub() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "smtp-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "smtp-stub-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))) {
            OutputStream out = socket.getOutputStream();
            reply(out, "220 stub ESMTP");
            List<String> recipients = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 stub");
                } else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf(':') + 1).strip();
                    if (address.contains("reject")) {
                        reply(out, "550 5.1.1 " + address + ": no such user");
                    } else if (address.contains("later")) {
                        reply(out, "450 4.2.1 " + address + ": mailbox busy, try later");
                    } else {
                        recipients.add(address);
                        reply(out, "250 2.1.5 OK");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                        data.append(d).append('\n');
                    }
                    String answer = dataReply;
                    if (answer.startsWith("2")) {
                        received.add(new Received(List.copyOf(recipients), data.toString()));
                    }
                    reply(out, answer);
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
