package io.switchboard.mail.tests;

import static io.switchboard.testing.Cli.run;
import static io.switchboard.testing.Cli.runWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.mail.services.internal.SecureStorageSecrets;
import io.switchboard.testing.Cli;
import io.switchboard.testing.Services;

/** The mail commands and the OSGi services behind them, against GreenMail (SMTP with login, IMAP). */
class MailCommandsTest {

    static final String PASSWORD = "cli-Secret-" + UUID.randomUUID();

    @TempDir
    static Path temp;
    static GreenMail greenMail;
    static int smtp;
    static int imap;

    @BeforeAll
    static void servers() throws Exception {
        // Secure storage of its own, outside the data folder, unlocked without a UI (see SecureStorageSecrets).
        System.setProperty(SecureStorageSecrets.LOCATION_PROPERTY, temp.resolve("secure/secure_storage").toString());
        System.setProperty(SecureStorageSecrets.PASSWORD_PROPERTY, "test-master-password");
        smtp = MailFixture.freePort();
        imap = MailFixture.freePort();
        greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        greenMail.start();
        greenMail.setUser("support@example.com", "support", PASSWORD);
        Cli.Run config = runWithInput(PASSWORD + "\n", "mail", "config", "--mailbox", "default", "--smtp-host",
                "127.0.0.1", "--smtp-port", Integer.toString(smtp), "--user", "support", "--password-stdin", "--from",
                "Support <support@example.com>", "--imap-host", "127.0.0.1", "--imap-port", Integer.toString(imap),
                "--test");
        assertEquals(0, config.exit(), config.toString());
        assertEquals(List.of("mailbox=default password=stored", "connection=ok"), config.outLines());
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    @Test
    void configWithAWrongPasswordFailsTheTestNamingTheServer() throws Exception {
        Cli.Run run = runWithInput("wrong\n", "mail", "config", "--mailbox", "other", "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(smtp), "--user", "support", "--password-stdin", "--from",
                "support@example.com", "--imap-host", "127.0.0.1", "--imap-port", Integer.toString(imap), "--test");
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains(Integer.toString(imap)) || run.err().contains(Integer.toString(smtp)),
                run.toString());
        Cli.Run bad = run("mail", "config", "--mailbox", "x", "--smtp-host", "h", "--smtp-port", "25", "--from",
                "a@@b");
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("a@@b"), bad.toString());
        Cli.Run usage = run("mail", "config", "--mailbox", "x", "--smtp-port", "25", "--from", "a@b.c");
        assertEquals(2, usage.exit(), usage.toString());
        assertTrue(usage.err().contains("--smtp-host"), usage.toString());
    }

    @Test
    void sendQueuesSendsAndPrintsTheIdAndFinalStateAndTheOutboxListsIt() throws Exception {
        Path text = Files.writeString(temp.resolve("body.txt"), "Hello from the command line\n");
        Path html = Files.writeString(temp.resolve("body.html"), "<p>Hello from <i>the command line</i></p>");
        Path attachment = Files.writeString(temp.resolve("notes.txt"), "notes");
        String subject = "CLI " + UUID.randomUUID();
        Cli.Run send = run("mail", "send", "--to", "Bob <bob@example.org>", "--subject", subject, "--text-file",
                text.toString(), "--html-file", html.toString(), "--attach", attachment.toString());
        assertEquals(0, send.exit(), send.toString());
        Matcher matcher = Pattern.compile("id=(\\d+) state=sent").matcher(send.lastLine());
        assertTrue(matcher.matches(), send.toString());
        MimeMessage received = null;
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                received = message;
            }
        }
        assertTrue(received != null, "not at the server");
        String messageId = received.getMessageID();

        Cli.Run outbox = run("mail", "outbox", "--state", "sent");
        assertEquals(0, outbox.exit(), outbox.toString());
        List<List<String>> rows = outbox.csv();
        assertEquals(List.of("id", "state", "attempts", "queued_at", "sent_at", "mailbox", "to", "subject",
                "message_id", "last_error"), rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.get(0).equals(matcher.group(1)) && r.get(1).equals("sent")
                && r.get(7).equals(subject) && r.get(8).equals(messageId)), outbox.toString());

        Cli.Run badState = run("mail", "outbox", "--state", "lost");
        assertEquals(2, badState.exit(), badState.toString());
        assertTrue(badState.err().contains("lost"), badState.toString());
        // The password is in no file of the data folder (database, logs, outbox copies).
        assertEquals(List.of(), MailboxesTest.filesContaining(Path.of(System.getProperty("switchboard.data.dir")),
                PASSWORD));
    }

    @Test
    void anInvalidAddressOrAMissingFileIsReportedAndNothingIsQueued() throws Exception {
        Path text = Files.writeString(temp.resolve("t.txt"), "x");
        long before = Services.get(Outbox.class).count(null);
        Cli.Run send = run("mail", "send", "--to", "bob@@example.org", "--subject", "S", "--text-file",
                text.toString());
        assertEquals(1, send.exit(), send.toString());
        assertTrue(send.err().contains("bob@@example.org"), send.toString());
        Cli.Run missing = run("mail", "send", "--to", "bob@example.org", "--subject", "S", "--text-file",
                temp.resolve("nope.txt").toString());
        assertTrue(missing.exit() != 0 && missing.err().contains("nope.txt"), missing.toString());
        assertEquals(before, Services.get(Outbox.class).count(null));
    }

    @Test
    void aMessageToACustomerIsRecordedInTheTimelineWithItsMessageId() throws Exception {
        Customer customer = new Customer("Mail Customer");
        customer.addContact(ContactKind.EMAIL, "mc." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        customer = Services.get(CustomerRepository.class).save(customer);
        long customerId = customer.getId();
        Outbox outbox = Services.get(Outbox.class);
        OutboxEntry entry = outbox.queue(new OutgoingMail(null, List.of("mc@example.org"), List.of(), List.of(),
                "Timeline subject", "Timeline body", null, List.of(), customerId, null, null, List.of(), "alice"));
        MailFixture.await("sent", Duration.ofSeconds(60),
                () -> outbox.find(entry.id()).orElseThrow().state() == OutboxState.SENT);
        InteractionLog timeline = Services.get(InteractionLog.class);
        MailFixture.await("timeline", Duration.ofSeconds(20), () -> timeline.count(customerId) > 0);
        Interaction interaction = timeline.timeline(customerId, 0, 10).get(0);
        assertEquals(Interaction.Channel.MAIL, interaction.getChannel());
        assertEquals(Interaction.Direction.OUTBOUND, interaction.getDirection());
        assertEquals(entry.messageId(), interaction.getReference());
        assertEquals("Timeline subject", interaction.getSummary());
        assertEquals("alice", interaction.getAgent());
    }
}
