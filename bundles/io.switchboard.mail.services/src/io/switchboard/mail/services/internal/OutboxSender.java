package io.switchboard.mail.services.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.URLName;
import javax.mail.internet.MimeMessage;

import org.apache.commons.mail.EmailException;
import org.eclipse.osgi.util.NLS;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPTransport;

import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailbox.Server;

/**
 * Delivers the outbox: one background thread, one reused SMTP connection per mailbox.
 *
 * <p>A round claims a batch of due messages ({@code QUEUED -> SENDING}, one commit), sends them one after the
 * other over the mailbox's open connection, writes each accepted message's id to the {@link SentJournal} the
 * instant the server has accepted it, and records the batch's outcomes in one commit. Temporary failures (4xx,
 * a lost or refused connection) go back to the queue with exponential backoff; permanent ones (5xx) fail with the
 * server's reason; when the server rejects some recipients the message goes to the others and the reason names
 * the rejected ones.
 *
 * <p><b>Exactly once.</b> An SMTP server cannot be asked whether it has a message. A server takes a message
 * when it receives the final "." of its data, so the sender's journal records {@code P id} just before the "."
 * is written ({@link JournalingTransport#finishData()}) and {@code S id} when the server's "250" has come back.
 * After a {@code kill -9}, {@link OutboxStore#recover()} knows for every message still in {@code SENDING} whether
 * its end could have reached the server: no {@code P} means certainly not (sent again, same Message-ID); {@code S}
 * means accepted; {@code P} without {@code S} means the process died in the round trip after the "." and is
 * marked sent with a note ("unconfirmed"). The only window left is the few microseconds between writing the
 * {@code P} line and writing the "." (a message marked sent that the server never got). Losing the SMTP server
 * is not a crash of ours: a message whose "250" did not arrive is retried (a server that lost the connection
 * before answering drops the transaction).
 */
public final class OutboxSender implements Runnable {

    /** What the sender does with a sent message after the batch's commit: the timeline, the ticket. */
    @FunctionalInterface
    public interface Recorder {
        Recorder NONE = (pending, at) -> {
        };

        void sent(Pending pending, Instant at);
    }

    /** Timing of the sender; tests shorten it. */
    public record Settings(int batchSize, Duration backoff, Duration maxBackoff, Duration poll) {
        public static final Settings DEFAULT = new Settings(100, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofSeconds(30));
    }

    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

    private final OutboxStore store;
    private final Recorder recorder;
    private final Settings settings;
    private final Object lock = new Object();
    private final Map<String, Connection> connections = new HashMap<>();
    private boolean woken;
    private volatile boolean stopped;
    private Thread thread;

    public OutboxSender(OutboxStore store, Recorder recorder, Settings settings) {
        this.store = store;
        this.recorder = recorder;
        this.settings = settings;
    }

    /** Starts the background thread (once). */
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this, "switchboard-outbox-sender");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Makes the sender look at the queue now. */
    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    /** Stops after the message being sent; claimed messages not sent yet go back to the queue. */
    public void stop() throws InterruptedException {
        stopped = true;
        wake();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            running.join(Duration.ofSeconds(60).toMillis());
        }
    }

    @Override
    public void run() {
        boolean recovered = false;
        while (!stopped) {
            int sent = 0;
            try {
                if (!recovered) {
                    store.recover();
                    recovered = true;
                }
                sent = sendBatch();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "outbox: " + e.getMessage(), e);
                closeAll();
                pause(Duration.ofSeconds(1));
            }
            if (sent == 0 && !stopped) {
                closeAll();
                waitForWork();
            }
        }
        closeAll();
        store.journal().close();
    }

    private void pause(Duration duration) {
        synchronized (lock) {
            try {
                lock.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    private void waitForWork() {
        long waitMs = settings.poll().toMillis();
        try {
            Optional<Instant> due = store.nextDue();
            if (due.isPresent()) {
                waitMs = Math.min(waitMs, Math.max(1, Duration.between(Instant.now(), due.get()).toMillis()));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "outbox: " + e.getMessage(), e);
        }
        synchronized (lock) {
            try {
                if (!woken && !stopped) {
                    lock.wait(waitMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
            woken = false;
        }
    }

    /**
     * One round: claims, sends and records a batch.
     *
     * @return how many messages were claimed (0: nothing was due)
     */
    public int sendBatch() {
        // Jakarta Activation finds the MIME handlers (multipart, text) through the context class loader: under
        // OSGi it must be Jakarta Mail's own, or writing a message fails after its headers.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return sendBatchInContext();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private int sendBatchInContext() {
        List<Pending> batch = store.claim(settings.batchSize(), Instant.now());
        if (batch.isEmpty()) {
            return 0;
        }
        List<SendResult> results = new ArrayList<>(batch.size());
        Map<Long, Pending> byId = new HashMap<>();
        try {
            for (Pending pending : batch) {
                byId.put(pending.id(), pending);
                if (stopped) {
                    results.add(SendResult.retry(pending.id(), null, null));
                } else {
                    results.add(send(pending));
                }
            }
        } finally {
            store.finish(results);
        }
        Instant now = Instant.now();
        for (SendResult result : results) {
            if (result.outcome() == SendResult.Outcome.SENT) {
                try {
                    recorder.sent(byId.get(result.id()), now);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "outbox: message " + result.id()
                            + " was sent but could not be recorded: " + e.getMessage(), e);
                }
            }
        }
        return batch.size();
    }

    private SendResult send(Pending pending) {
        Connection connection;
        try {
            connection = connection(pending.mailbox());
        } catch (IllegalArgumentException e) {
            return SendResult.failed(pending.id(), e.getMessage());
        }
        MimeMessage message;
        try {
            message = Composer.compose(pending, connection.session);
        } catch (EmailException | MessagingException | RuntimeException e) {
            return SendResult.failed(pending.id(), NLS.bind(Messages.Send_compose, SendResult.reason(e)));
        }
        try {
            connection.open();
        } catch (MessagingException e) {
            connection.close();
            return notSent(pending, e);
        }
        try {
            connection.transport.current = pending.id();
            connection.transport.sendMessage(message, message.getAllRecipients());
            store.journal().sent(pending.id());
            return SendResult.sent(pending.id(), null);
        } catch (SendFailedException e) {
            Address[] sent = e.getValidSentAddresses();
            if (sent != null && sent.length > 0) {
                store.journal().sent(pending.id());
                return SendResult.sent(pending.id(), rejected(e));
            }
            if (SendResult.replyCode(e) == 0 && !(e.getNextException() instanceof SMTPAddressFailedException)) {
                connection.close();
            }
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    && !SendResult.temporary(e)) {
                return SendResult.failed(pending.id(), rejected(e));
            }
            return notSent(pending, e);
        } catch (MessagingException e) {
            connection.close();
            return notSent(pending, e);
        }
    }

    private SendResult notSent(Pending pending, MessagingException e) {
        String reason = SendResult.reason(e);
        if (SendResult.temporary(e)) {
            long factor = 1L << Math.min(20, Math.max(0, pending.attempts() - 1));
            Duration delay = settings.backoff().multipliedBy(factor);
            if (delay.compareTo(settings.maxBackoff()) > 0) {
                delay = settings.maxBackoff();
            }
            return SendResult.retry(pending.id(), reason, Instant.now().plus(delay));
        }
        return SendResult.failed(pending.id(), reason);
    }

    /** "Rejected: a@b (550 ...); c@d (550 ...)", the rejected recipients with the server's reasons. */
    static String rejected(SendFailedException e) {
        List<String> parts = new ArrayList<>();
        for (Exception next = e.getNextException(); next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException failed) {
                parts.add(failed.getAddress() + " (" + failed.getMessage().strip() + ")");
            }
        }
        if (parts.isEmpty() && e.getInvalidAddresses() != null) {
            for (Address address : e.getInvalidAddresses()) {
                parts.add(address.toString());
            }
        }
        if (e.getValidUnsentAddresses() != null) {
            for (Address address : e.getValidUnsentAddresses()) {
                parts.add(address + " (" + Messages.Send_unsent + ")");
            }
        }
        String reason = NLS.bind(Messages.Send_rejected, String.join("; ", parts)).replaceAll("\\s+", " ");
        return reason.length() > MailSchema.ERROR ? reason.substring(0, MailSchema.ERROR) : reason;
    }

    /**
     * Jakarta Mail's SMTP transport, recording in the journal that a message's end of data is about to be written:
     * after a crash, a message without that line certainly did not reach the server.
     */
    static final class JournalingTransport extends SMTPTransport {
        private final SentJournal journal;
        volatile long current;

        JournalingTransport(Session session, Server smtp, SentJournal journal) {
            super(session, new URLName(MailSessions.protocol(smtp, false), smtp.host(), smtp.port(), null, null, null),
                    MailSessions.protocol(smtp, false), smtp.security() == Mailbox.Security.SSL);
            this.journal = journal;
        }

        @Override
        protected synchronized void finishData() throws IOException, MessagingException {
            journal.pending(current);
            super.finishData();
        }
    }

    private Connection connection(String mailboxName) {
        Connection connection = connections.get(mailboxName);
        if (connection == null) {
            Mailbox mailbox = store.mailboxes().find(mailboxName).orElseThrow(
                    () -> new IllegalArgumentException(NLS.bind(Messages.Mail_unknownMailbox, mailboxName)));
            connection = new Connection(mailbox, MailSessions.smtp(mailbox));
            connections.put(mailboxName, connection);
        }
        return connection;
    }

    private void closeAll() {
        for (Connection connection : connections.values()) {
            connection.close();
        }
        // Mailboxes may change between rounds: look them up again next time.
        connections.clear();
    }

    /** One mailbox's SMTP connection, opened when needed and kept for the next messages. */
    private final class Connection {
        final Mailbox mailbox;
        final Session session;
        JournalingTransport transport;

        Connection(Mailbox mailbox, Session session) {
            this.mailbox = mailbox;
            this.session = session;
        }

        void open() throws MessagingException {
            if (transport != null) {
                return;
            }
            Server smtp = mailbox.smtp();
            JournalingTransport opened = new JournalingTransport(session, smtp, store.journal());
            String user = smtp.user().isEmpty() ? null : smtp.user();
            opened.connect(smtp.host(), smtp.port(), user, user == null ? null : store.mailboxes().password(mailbox.name()));
            transport = opened;
        }

        void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException | RuntimeException e) {
                    // the connection is gone either way
                }
                transport = null;
            }
        }
    }
}
