package io.switchboard.mail.tests;

import java.nio.file.Path;
import java.time.Duration;

import io.switchboard.mail.OutboxState;
import io.switchboard.mail.services.internal.Events;
import io.switchboard.mail.services.internal.MailboxStore;
import io.switchboard.mail.services.internal.OutboxSender;
import io.switchboard.mail.services.internal.OutboxStore;
import io.switchboard.mail.services.internal.Secrets;
import io.switchboard.mail.services.internal.SentJournal;
import io.switchboard.store.internal.DerbyDatabase;

/**
 * The outbox's sender in a plain JVM, without OSGi, so that a test can kill it: {@code SenderMain DATA-FOLDER}.
 * Prints {@code started}, then {@code finished SENT} when nothing is left to send.
 */
public final class SenderMain {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        DerbyDatabase database = new DerbyDatabase(data.resolve("db"));
        MailboxStore mailboxes = new MailboxStore(database, Secrets.NONE);
        OutboxStore outbox = new OutboxStore(mailboxes, database, data.resolve("mail"), Events.NONE,
                () -> OutboxStore.DEFAULT_ATTACHMENT_LIMIT);
        OutboxSender sender = new OutboxSender(outbox, OutboxSender.Recorder.NONE,
                new OutboxSender.Settings(20, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(100)));
        SentJournal.Entries recovered = outbox.recover();
        System.out.println("recovered sent=" + recovered.sent().size() + " unconfirmed=" + recovered.unconfirmed());
        System.out.println("started");
        System.out.flush();
        sender.start();
        while (outbox.count(OutboxState.QUEUED) + outbox.count(OutboxState.SENDING) > 0) {
            Thread.sleep(50);
        }
        sender.stop();
        System.out.println("finished " + outbox.count(OutboxState.SENT));
        database.close();
    }

    private SenderMain() {
    }
}
