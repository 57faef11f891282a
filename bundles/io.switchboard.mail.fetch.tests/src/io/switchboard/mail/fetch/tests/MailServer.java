package io.switchboard.mail.fetch.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.InteractionLog;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.fetch.internal.Account;
import io.switchboard.mail.fetch.internal.FetchStore;
import io.switchboard.mail.fetch.internal.MailFetch;
import io.switchboard.store.Database;
import io.switchboard.testing.Services;
import io.switchboard.tickets.TicketRepository;

/**
 * A GreenMail IMAP and SMTP server on free loopback ports with one mailbox user, and fetchers over the real store.
 * Each test starts its own server under a mailbox name of its own, so tests never see each other's folders.
 */
final class MailServer implements AutoCloseable {

    static final String PASSWORD = "secret";

    final GreenMail greenMail;
    final GreenMailUser user;
    final String mailboxName;
    final String address;

    private final ClassLoader previousLoader;

    MailServer() {
        // Jakarta Mail (in the test thread and in GreenMail's threads, which inherit it) finds its content handlers
        // through the context class loader: under OSGi, its own bundle's.
        previousLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Session.class.getClassLoader());
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort() });
        greenMail.start();
        mailboxName = "support-" + unique();
        address = mailboxName + "@switchboard.test";
        user = greenMail.setUser(address, mailboxName, PASSWORD);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    Account account() {
        Mailbox mailbox = new Mailbox(mailboxName, "Support <" + address + ">",
                new Mailbox.Server("127.0.0.1", greenMail.getSmtp().getPort(), Mailbox.Security.NONE, mailboxName),
                new Mailbox.Server("127.0.0.1", greenMail.getImap().getPort(), Mailbox.Security.NONE, mailboxName),
                "");
        return new Account(mailbox, PASSWORD.toCharArray());
    }

    /** A fetcher over the running store, as a new component instance would build it. */
    static MailFetch fetcher(Path attachments, long attachmentLimit) {
        return new MailFetch(new FetchStore(Services.get(Database.class)), Services.get(CustomerRepository.class),
                Services.get(InteractionLog.class), Services.get(TicketRepository.class), () -> attachments,
                () -> attachmentLimit, id -> {
                });
    }

    /** Puts a message, given as its RFC 5322 text (CRLF or LF line ends), into the mailbox's inbox. */
    void deliver(String raw) throws Exception {
        byte[] bytes = raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        deliver(bytes);
    }

    void deliver(byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        user.deliver(message);
    }

    void deliver(MimeMessage message) {
        user.deliver(message);
    }

    @Override
    public void close() {
        greenMail.stop();
        Thread.currentThread().setContextClassLoader(previousLoader);
    }
}
