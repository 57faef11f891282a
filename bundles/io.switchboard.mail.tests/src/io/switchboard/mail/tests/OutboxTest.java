package io.switchboard.mail.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.mail.services.internal.Secrets;

/** The outbox and its sender against GreenMail and a stub SMTP server for the replies GreenMail does not give. */
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    static OutgoingMail mail(String to, String subject) {
        return new OutgoingMail(null, List.of(to), List.of(), List.of(), subject, "Hello", null, List.of(), null, null,
                null, List.of(), "agent");
    }

    @Test
    void aQueuedMessageIsStoredFirstThenArrivesWithItsHeadersBodyAndAttachment() throws Exception {
        int port = MailFixture.freePort();
        Path attachment = Files.writeString(temp.resolve("invoice.txt"), "total: 42 EUR\n");
        try (MailFixture fixture = new MailFixture(temp.resolve("data"))) {
            fixture.mailboxes.save(MailFixture.mailbox("support", port));
            OutboxEntry entry = fixture.outbox.queue(new OutgoingMail(null, List.of("Ann Lee <ann@example.org>"),
                    List.of("boss@example.org"), List.of(), "Your invoice 你好", "Dear Ann,\nsee attached.",
                    "<p>Dear <b>Ann</b>,</p><p>see attached.</p>", List.of(attachment), 7L, null,
                    "<question-1@example.org>", List.of("<question-1@example.org>"), "agent"));
            // Stored before any attempt: no sender runs yet.
            assertEquals(OutboxState.QUEUED, fixture.outbox.find(entry.id()).orElseThrow().state());
            assertEquals(List.of("Ann Lee <ann@example.org>", "boss@example.org"),
                    fixture.outbox.find(entry.id()).orElseThrow().to());
            try (Stream<Path> copies = Files.walk(temp.resolve("data/mail/attachments"))) {
                assertEquals(1, copies.filter(p -> p.getFileName().toString().endsWith("invoice.txt")).count());
            }
            Files.delete(attachment); // the outbox sends its own copy

            GreenMail greenMail = MailFixture.greenMail(port);
            try {
                fixture.startSender(MailFixture.FAST);
                MailFixture.await("sent", WAIT,
                        () -> fixture.outbox.find(entry.id()).orElseThrow().state() == OutboxState.SENT);
                assertTrue(greenMail.waitForIncomingEmail(10_000, 2));
                MimeMessage[] received = greenMail.getReceivedMessages();
                assertEquals(2, received.length, "one copy for To, one for Cc");
                MimeMessage message = received[0];
                assertEquals(entry.messageId(), message.getMessageID());
                assertEquals("Your invoice 你好", message.getSubject());
                assertEquals("<question-1@example.org>", message.getHeader("In-Reply-To", null));
                assertEquals("Ann Lee <ann@example.org>", message.getHeader("To", null));
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                String text = raw.toString(StandardCharsets.UTF_8);
                assertTrue(text.contains("multipart/alternative"), text);
                assertTrue(text.contains("<b>Ann</b>"), text);
                assertTrue(text.contains("filename=invoice.txt"), text);
                assertTrue(text.contains("dG90YWw6IDQyIEVVUgo=") || text.contains("total: 42 EUR"), text);
                OutboxEntry sent = fixture.outbox.find(entry.id()).orElseThrow();
                assertNotNull(sent.sentAt());
                assertEquals(1, sent.attempts());
                assertEquals(1, fixture.recorded.size(), "recorded for the timeline once");
                assertEquals(7L, fixture.recorded.get(0).customerId());
            } finally {
                greenMail.stop();
            }
        }
    }

    @Test
    void anInvalidAddressIsNamedAndNothingIsStored() throws Exception {
        try (MailFixture fixture = new MailFixture(temp.resolve("data"))) {
            fixture.mailboxes.save(MailFixture.mailbox("support", 25));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> fixture.outbox.queueAll(List.of(mail("ok@example.org", "a"), mail("bob@@example", "b"))));
            assertTrue(e.getMessage().contains("bob@@example"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> fixture.outbox.queue(mail("no-domain", "c")));
            assertTrue(e.getMessage().contains("no-domain"), e.getMessage());
            assertEquals(0, fixture.outbox.count(null));
        }
    }

    @Test
    void lineBreaksInHeadersAreRefused() throws Exception {
        try (MailFixture fixture = new MailFixture(temp.resolve("data"))) {
            fixture.mailboxes.save(MailFixture.mailbox("support", 25));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> fixture.outbox.queue(mail("ann@example.org", "Hi\r\nBcc: everyone@example.org")));
            assertTrue(e.getMessage().contains("Subject"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> fixture.outbox.queue(mail("ann@example.org\nBcc: x@example.org", "Hi")));
            assertTrue(e.getMessage().contains("To"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> fixture.outbox.queue(new OutgoingMail(null, List.of("ann@example.org"), List.of(),
                            List.of(), "Hi", "x", null, List.of(), null, null, "<a@b>\r\nX-Evil: 1", List.of(), "a")));
            assertTrue(e.getMessage().contains("In-Reply-To"), e.getMessage());
            assertEquals(0, fixture.outbox.count(null));
        }
    }

    @Test
    void anAttachmentOverTheLimitAndAnUnknownMailboxAreRefused() throws Exception {
        Path big = Files.write(temp.resolve("big.bin"), new byte[2048]);
        try (MailFixture fixture = new MailFixture(temp.resolve("data"), Secrets.NONE, 1024)) {
            fixture.mailboxes.save(MailFixture.mailbox("support", 25));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> fixture.outbox.queue(new OutgoingMail(null, List.of("ann@example.org"), List.of(),
                            List.of(), "Hi", "x", null, List.of(big), null, null, null, List.of(), "a")));
            assertTrue(e.getMessage().contains("big.bin") && e.getMessage().contains("1024"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> fixture.outbox.queue(new OutgoingMail("sales", List.of("ann@example.org"), List.of(),
                            List.of(), "Hi", "x", null, List.of(), null, null, null, List.of(), "a")));
            assertTrue(e.getMessage().contains("sales"), e.getMessage());
            assertEquals(0, fixture.outbox.count(null));
        }
    }

    @Test
    void whenSomeRecipientsAreRejectedTheOthersGetItAndTheReasonNamesTheRejected() throws Exception {
        try (SmtpStub stub = new SmtpStub(); MailFixture fixture = new MailFixture(temp.resolve("data"))) {
            fixture.mailboxes.save(MailFixture.mailbox("support", stub.port()));
            OutboxEntry entry = fixture.outbox.queue(new OutgoingMail(null, List.of("ok@example.org"),
                    List.of("reject-me@example.org"), List.of(), "Hi", "x", null, List.of(), null, null, null,
                    List.of(), "a"));
            fixture.startSender(MailFixture.FAST);
            MailFixture.await("sent", WAIT,
                    () -> fixture.outbox.find(entry.id()).orElseThrow().state() == OutboxState.SENT);
            OutboxEntry sent = fixture.outbox.find(entry.id()).orElseThrow();
            assertTrue(sent.lastError().contains("reject-me@example.org") && sent.lastError().contains("550"),
                    sent.lastError());
            assertEquals(1, stub.received.size());
            assertEquals(List.of("<ok@example.org>"), stub.received.get(0).recipients());
        }
    }

    @Test
    void aPermanentRefusalFailsWithTheServersReasonAndCanBeRetried() throws Exception {
        try (SmtpStub stub = new SmtpStub(); MailFixture fixture = new MailFixture(temp.resolve("data"))) {
            stub.dataReply = "554 5.7.1 message refused as spam";
            fixture.mailboxes.save(MailFixture.mailbox("support", stub.port()));
            OutboxEntry entry = fixture.outbox.queue(mail("ann@example.org", "Hi"));
            fixture.startSender(MailFixture.FAST);
            MailFixture.await("failed", WAIT,
                    () -> fixture.outbox.find(entry.id()).orElseThrow().state() == OutboxState.FAILED);
            OutboxEntry failed = fixture.outbox.find(entry.id()).orElseThrow();
            assertTrue(failed.lastError().contains("554") && failed.lastError().contains("spam"), failed.lastError());
            assertEquals(1, failed.attempts(), "a permanent failure is not retried by itself");

            stub.dataReply = "250 OK";
            fixture.outbox.retry(entry.id());
            fixture.stopSender();
            fixture.startSender(MailFixture.FAST);
            MailFixture.await("sent after retry", WAIT,
                    () -> fixture.outbox.find(entry.id()).orElseThrow().state() == OutboxState.SENT);
            assertEquals(1, stub.received.size());
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedWithBackoff() throws Exception {
        try (SmtpStub stub = new SmtpStub(); MailFixture fixture = new MailFixture(temp.resolve("data"))) {
            fixture.mailboxes.save(MailFixture.mailbox("support", stub.port()));
            OutboxEntry entry = fixture.outbox.queue(mail("later@example.org", "Hi"));
            fixture.startSender(MailFixture.FAST);
            MailFixture.await("three attempts", WAIT,
                    () -> fixture.outbox.find(entry.id()).orElseThrow().attempts() >= 3);
            fixture.stopSender();
            OutboxEntry queued = fixture.outbox.find(entry.id()).orElseThrow();
            assertEquals(OutboxState.QUEUED, queued.state());
            assertTrue(queued.lastError().contains("450"), queued.lastError());
            assertNotNull(queued.nextAttempt());
            assertEquals(0, stub.received.size());
        }
    }
}
