package io.switchboard.mail.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.activation.FileDataSource;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.commons.mail.HtmlEmail;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.mail.services.internal.OutboxSender;
import io.switchboard.store.internal.DerbyDatabase;
import jakarta.persistence.EntityManagerFactory;

/**
 * Faults in the middle of a campaign-sized batch: the SMTP server stops and comes back; the sending process is
 * killed ({@code kill -9}) and started again. Every message arrives exactly once, counted by Message-ID at the
 * server (GreenMail).
 */
class ExactlyOnceTest {

    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    static List<OutgoingMail> campaign(int count) {
        List<OutgoingMail> mails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mails.add(new OutgoingMail(null, List.of("Customer " + i + " <c" + i + "@example.org>"), List.of(),
                    List.of(), "Offer for customer " + i, "Dear customer " + i + ",\nhere is our offer.", null,
                    List.of(), null, null, null, List.of(), "campaign"));
        }
        return mails;
    }

    private static List<MimeMessage> messages(Managers managers) {
        List<MimeMessage> all = new ArrayList<>();
        for (StoredMessage stored : managers.getImapHostManager().getAllMessages()) {
            all.add(stored.getMimeMessage());
        }
        return all;
    }

    private static void assertExactlyOnce(List<OutboxEntry> queued, List<MimeMessage> received) throws Exception {
        Map<String, Integer> counts = MailFixture.countByMessageId(received);
        Set<String> expected = new HashSet<>();
        for (OutboxEntry entry : queued) {
            expected.add(entry.messageId());
        }
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(counts.keySet());
        System.out.println("exactly-once: queued=" + expected.size() + " received=" + received.size()
                + " distinct=" + counts.size() + " duplicates=" + twice.size() + " missing=" + missing.size());
        assertEquals(Set.of(), missing, "lost messages");
        assertEquals(List.of(), twice, "messages that arrived more than once");
        assertEquals(expected, counts.keySet());
    }

    @Test
    void theSmtpServerStopsMidBatchAndComesBackEveryMessageArrivesOnce() throws Exception {
        int port = MailFixture.freePort();
        try (MailFixture fixture = new MailFixture(temp.resolve("data"))) {
            fixture.mailboxes.save(MailFixture.mailbox("support", port));
            List<OutboxEntry> queued = fixture.outbox.queueAll(campaign(200));
            GreenMail first = MailFixture.greenMail(port);
            List<MimeMessage> received = new ArrayList<>();
            GreenMail second = null;
            try {
                fixture.startSender(MailFixture.FAST);
                MailFixture.await("the first 60 messages", WAIT, () -> first.getReceivedMessages().length >= 60);
                Managers before = first.getManagers();
                first.stop();
                received.addAll(messages(before));
                assertTrue(received.size() < 200, "the server stopped after the batch had been sent");
                Thread.sleep(1500); // several failed rounds with backoff
                long sentWhileDown = fixture.outbox.count(OutboxState.SENT);
                assertTrue(sentWhileDown < 200, "sent while the server was down: " + sentWhileDown);
                assertTrue(fixture.outbox.list(OutboxState.QUEUED, 0, 200).stream().anyMatch(e -> e.lastError() != null
                        && e.attempts() >= 1 && e.nextAttempt() != null), "the reason of the failed attempt is kept");
                second = MailFixture.greenMail(port);
                MailFixture.await("all sent", WAIT, () -> fixture.outbox.count(OutboxState.SENT) == 200);
                received.addAll(Arrays.asList(second.getReceivedMessages()));
            } finally {
                first.stop();
                if (second != null) {
                    second.stop();
                }
            }
            assertExactlyOnce(queued, received);
        }
    }

    @Test
    void theSenderIsKilledFiveTimesMidBatchAndRestartedEveryMessageArrivesOnce() throws Exception {
        int port = MailFixture.freePort();
        Path data = temp.resolve("data");
        List<OutboxEntry> queued;
        try (MailFixture fixture = new MailFixture(data)) {
            fixture.mailboxes.save(MailFixture.mailbox("support", port));
            queued = fixture.outbox.queueAll(campaign(600));
        }
        GreenMail greenMail = MailFixture.greenMail(port);
        try {
            int[] killAt = { 60, 150, 240, 330, 420 };
            for (int kill : killAt) {
                Child child = Child.start(data);
                MailFixture.await(kill + " messages at the server", WAIT,
                        () -> greenMail.getReceivedMessages().length >= kill || !child.process.isAlive());
                child.process.destroyForcibly(); // SIGKILL
                assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
                assertTrue(child.output.stream().noneMatch(l -> l.startsWith("finished")),
                        "the child finished before the kill: " + child.output);
                System.out.println("killed the sender at " + greenMail.getReceivedMessages().length + " messages; "
                        + child.output);
            }
            Child last = Child.start(data);
            assertTrue(last.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "the last sender did not finish");
            last.reader.join(10_000);
            System.out.println("recovery of the killed senders: " + last.output);
            assertEquals(0, last.process.exitValue(), last.output.toString());
            assertTrue(last.output.contains("finished 600"), last.output.toString());
            assertExactlyOnce(queued, Arrays.asList(greenMail.getReceivedMessages()));
        } finally {
            greenMail.stop();
        }
        try (MailFixture fixture = new MailFixture(data)) {
            assertEquals(600, fixture.outbox.count(OutboxState.SENT));
        }
    }

    /** A sender process on the data folder. */
    private record Child(Process process, List<String> output, Thread reader) {

        static Child start(Path data) throws Exception {
            String classPath = MailFixture.classPath(SenderMain.class, OutboxSender.class, Mailbox.class,
                    DerbyDatabase.class, SwitchboardTopics.class, EmbeddedDriver.class, NLS.class,
                    EntityManagerFactory.class, Session.class, HtmlEmail.class, FileDataSource.class);
            Process process = new ProcessBuilder(MailFixture.javaExecutable(), "-cp", classPath,
                    SenderMain.class.getName(), data.toString()).redirectErrorStream(true).start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.add(line);
                    }
                } catch (Exception e) {
                    output.add("reading the child failed: " + e);
                }
            });
            reader.start();
            return new Child(process, output, reader);
        }
    }
}
