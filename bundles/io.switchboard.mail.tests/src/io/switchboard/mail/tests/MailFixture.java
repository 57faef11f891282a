package io.switchboard.mail.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailbox.Security;
import io.switchboard.mail.Mailbox.Server;
import io.switchboard.mail.services.internal.MailboxStore;
import io.switchboard.mail.services.internal.OutboxSender;
import io.switchboard.mail.services.internal.OutboxStore;
import io.switchboard.mail.services.internal.Pending;
import io.switchboard.mail.services.internal.Secrets;
import io.switchboard.store.internal.DerbyDatabase;

/** A mail store of its own (Derby in a temporary data folder), its sender, GreenMail helpers, a child's class path. */
final class MailFixture implements AutoCloseable {

    static final String FROM = "Support <support@example.com>";
    /** Short waits so the tests see several rounds of backoff. */
    static final OutboxSender.Settings FAST = new OutboxSender.Settings(20, Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofMillis(200));

    final Path data;
    final DerbyDatabase database;
    final MailboxStore mailboxes;
    final OutboxStore outbox;
    final List<Pending> recorded = new CopyOnWriteArrayList<>();
    private OutboxSender sender;

    MailFixture(Path data, Secrets secrets, long attachmentLimit) {
        this.data = data;
        this.database = new DerbyDatabase(data.resolve("db"));
        this.mailboxes = new MailboxStore(database, secrets);
        this.outbox = new OutboxStore(mailboxes, database, data.resolve("mail"),
                io.switchboard.mail.services.internal.Events.NONE, () -> attachmentLimit);
    }

    MailFixture(Path data) {
        this(data, Secrets.NONE, OutboxStore.DEFAULT_ATTACHMENT_LIMIT);
    }

    static Mailbox mailbox(String name, int port) {
        return new Mailbox(name, FROM, new Server("127.0.0.1", port, Security.NONE, ""), null, "");
    }

    OutboxSender startSender(OutboxSender.Settings settings) {
        sender = new OutboxSender(outbox, (pending, at) -> recorded.add(pending), settings);
        sender.start();
        return sender;
    }

    void stopSender() throws InterruptedException {
        if (sender != null) {
            sender.stop();
            sender = null;
        }
    }

    @Override
    public void close() throws Exception {
        stopSender();
        database.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static GreenMail greenMail(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    /** How often each Message-ID arrived. */
    static Map<String, Integer> countByMessageId(List<MimeMessage> messages) throws MessagingException {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage message : messages) {
            counts.merge(message.getMessageID(), 1, Integer::sum);
        }
        return counts;
    }

    static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path entries of the bundles that hold {@code types}, as folders or jars (for a plain child JVM). */
    static String classPath(Class<?>... types) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : types) {
            entries.addAll(entriesOf(type));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> entriesOf(Class<?> type) {
        List<String> entries = new ArrayList<>();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            addLocation(entries, toPath(source.getLocation().toString()));
        }
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (entries.isEmpty() && bundle != null) {
            addLocation(entries, toPath(bundle.getLocation()));
        }
        if (entries.isEmpty()) {
            throw new AssertionError("cannot find the class path of " + type.getName());
        }
        return entries;
    }

    private static void addLocation(List<String> entries, Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        if (Files.isDirectory(path)) {
            for (String output : List.of("target/classes", "bin")) {
                if (Files.isDirectory(path.resolve(output))) {
                    entries.add(path.resolve(output).toString());
                }
            }
        }
        entries.add(path.toString());
    }

    private static Path toPath(String location) {
        String text = location;
        for (String prefix : List.of("initial@", "reference:")) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        if (!text.startsWith("file:")) {
            return null;
        }
        try {
            return Paths.get(new URI(text.replace(" ", "%20")));
        } catch (Exception e) {
            try {
                return Paths.get(new URL(text).getPath());
            } catch (IOException malformed) {
                throw new UncheckedIOException(malformed);
            }
        }
    }
}
