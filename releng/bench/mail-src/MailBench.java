import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.mail.internet.MimeMessage;

import org.apache.commons.mail.SimpleEmail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.switchboard.mail.Mailbox;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.mail.services.internal.Events;
import io.switchboard.mail.services.internal.MailboxStore;
import io.switchboard.mail.services.internal.OutboxSender;
import io.switchboard.mail.services.internal.OutboxStore;
import io.switchboard.mail.services.internal.Secrets;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * N personalised messages to a local SMTP server on loopback (a minimal SMTP sink, or GreenMail): through the outbox (validated, stored in
 * Derby, sent by the sender over one reused connection, marked sent), then with one Commons Email send() per
 * message (a connection each). Each run gets a fresh server; the server's Message-IDs are counted.
 */
public final class MailBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int direct = args.length > 1 ? Integer.parseInt(args[1]) : count;
        boolean green = args.length > 2 && args[2].equals("greenmail");
        int port = freePort();
        System.out.println("messages: " + count + " (outbox), " + direct + " (Commons Email send() each), server: "
                + (green ? "GreenMail" : "minimal SMTP sink"));

        // 1. The outbox, end to end: queue (validate, store) + send + mark sent.
        Server server = start(port, green);
        Path data = Files.createTempDirectory("mail-bench");
        DerbyDatabase database = new DerbyDatabase(data.resolve("db"));
        MailboxStore mailboxes = new MailboxStore(database, Secrets.NONE);
        mailboxes.save(new Mailbox("bench", "Bench <bench@example.com>",
                new Mailbox.Server("127.0.0.1", port, Mailbox.Security.NONE, ""), null, ""));
        OutboxStore outbox = new OutboxStore(mailboxes, database, data.resolve("mail"), Events.NONE,
                () -> OutboxStore.DEFAULT_ATTACHMENT_LIMIT);
        outbox.count(null); // opens the database and applies the schema before the clock starts
        // Counts the messages as the sender records them after each batch's commit (polling the outbox with
        // COUNT(*) every few milliseconds would take CPU from what is measured).
        java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(count);
        OutboxSender sender = new OutboxSender(outbox, (pending, at) -> sent.countDown(),
                new OutboxSender.Settings(200, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMillis(20)));
        long start = System.nanoTime();
        sender.start();
        int chunk = 500;
        long queuedAt = 0;
        for (int from = 0; from < count; from += chunk) {
            List<OutgoingMail> mails = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + chunk); i++) {
                mails.add(personalised(i));
            }
            outbox.queueAll(mails);
            sender.wake();
        }
        queuedAt = System.nanoTime();
        sent.await();
        long end = System.nanoTime();
        sender.stop();
        int received = server.distinct(count);
        server.stop();
        database.close();
        report("outbox", count, end - start, received);
        System.out.printf("  of which queueing (validate + store, in transactions of %d): %.2f s%n", chunk,
                (queuedAt - start) / 1e9);

        // 2. One Commons Email send() per message: a new SMTP connection each.
        server = start(port, green);
        start = System.nanoTime();
        for (int i = 0; i < direct; i++) {
            SimpleEmail email = new SimpleEmail();
            email.setHostName("127.0.0.1");
            email.setSmtpPort(port);
            email.setCharset("UTF-8");
            email.setFrom("bench@example.com", "Bench");
            email.addTo("c" + i + "@example.org", "Customer " + i);
            email.setSubject("Your offer, customer " + i);
            email.setMsg(body(i));
            email.send();
        }
        end = System.nanoTime();
        received = server.distinct(direct);
        server.stop();
        report("commons-email send() each", direct, end - start, received);
    }

    static OutgoingMail personalised(int i) {
        return new OutgoingMail(null, List.of("Customer " + i + " <c" + i + "@example.org>"), List.of(), List.of(),
                "Your offer, customer " + i, body(i), null, List.of(), null, null, null, List.of(), "campaign");
    }

    static String body(int i) {
        return "Dear customer " + i + ",\n\nthis month's offer is waiting for you: code OFFER-" + i
                + ".\n\nYour support team\n";
    }

    static void report(String name, int count, long nanos, int received) {
        double seconds = nanos / 1e9;
        System.out.printf("%s: %d messages in %.2f s = %.0f messages/s (server received %d distinct Message-IDs)%n",
                name, count, seconds, count / seconds, received);
    }

    /** The SMTP server the messages go to. */
    interface Server {
        int distinct(int expected) throws Exception;

        void stop() throws Exception;
    }

    static int distinct(MimeMessage[] messages, int expected) throws Exception {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : messages) {
            ids.add(message.getMessageID());
        }
        if (messages.length != expected || ids.size() != expected) {
            System.out.println("  WARNING: expected " + expected + ", server has " + messages.length + " messages, "
                    + ids.size() + " distinct");
        }
        return ids.size();
    }

    static Server start(int port, boolean green) throws Exception {
        if (!green) {
            return new Sink(port);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new Server() {
            @Override
            public int distinct(int expected) throws Exception {
                return MailBench.distinct(server.getReceivedMessages(), expected);
            }

            @Override
            public void stop() {
                server.stop();
            }
        };
    }

    /**
     * A minimal real SMTP server: answers the commands a client sends (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT),
     * reads each message to its final "." and keeps its Message-ID. It stores nothing else, so the numbers are
     * the clients' (and the outbox's), not a mail store's.
     */
    static final class Sink implements Server {
        private final java.net.ServerSocket socket;
        private final java.util.Map<String, Integer> ids = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger messages = new java.util.concurrent.atomic.AtomicInteger();

        Sink(int port) throws Exception {
            socket = new java.net.ServerSocket(port, 100, java.net.InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        java.net.Socket client = socket.accept();
                        Thread session = new Thread(() -> serve(client));
                        session.setDaemon(true);
                        session.start();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void serve(java.net.Socket client) {
            try (client; java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    client.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1), 65536)) {
                java.io.OutputStream out = new java.io.BufferedOutputStream(client.getOutputStream());
                reply(out, "220 sink ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    switch (command) {
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String id = null;
                        boolean headers = true;
                        for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                            if (headers && d.isEmpty()) {
                                headers = false;
                            } else if (headers && id == null && d.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                id = d.substring(11).strip();
                            }
                        }
                        messages.incrementAndGet();
                        ids.merge(String.valueOf(id), 1, Integer::sum);
                        reply(out, "250 2.0.0 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                    }
                }
            } catch (java.io.IOException e) {
                // client gone
            }
        }

        private static void reply(java.io.OutputStream out, String line) throws java.io.IOException {
            out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
        }

        @Override
        public int distinct(int expected) {
            if (messages.get() != expected || ids.size() != expected) {
                System.out.println("  WARNING: expected " + expected + ", server has " + messages.get()
                        + " messages, " + ids.size() + " distinct");
            }
            return ids.size();
        }

        @Override
        public void stop() throws Exception {
            socket.close();
        }
    }

    static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
