package io.switchboard.mail.fetch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Stream;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.mail.MailFetcher.FetchReport;
import io.switchboard.mail.fetch.internal.Account;
import io.switchboard.mail.fetch.internal.FetchStore.Incoming;
import io.switchboard.mail.fetch.internal.MailFetch;
import io.switchboard.mail.fetch.internal.MailFetchException;
import io.switchboard.store.Database;
import io.switchboard.testing.Services;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketMessage;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;

/** The fetcher against a real IMAP server (GreenMail on loopback) and the real store (Derby). */
class MailFetchTest {

    private static final long LIMIT = 1024 * 1024;

    @TempDir
    Path attachments;

    private final CustomerRepository customers = Services.get(CustomerRepository.class);
    private final TicketRepository tickets = Services.get(TicketRepository.class);
    private final InteractionLog timeline = Services.get(InteractionLog.class);
    private MailServer server;
    private MailFetch fetcher;
    private String tag;

    @BeforeEach
    void start() {
        server = new MailServer();
        fetcher = MailServer.fetcher(attachments, LIMIT);
        tag = MailServer.unique();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchReport fetch() {
        return fetcher.fetch(List.of(server.account()), Progress.NONE);
    }

    private String sender(String name) {
        return name.toLowerCase().replaceAll("\\W", "") + "." + tag + "@example.com";
    }

    static String mail(String from, String subject, String messageId, String headers, String body) {
        return "From: " + from + "\n"
                + "To: support@switchboard.test\n"
                + "Subject: " + subject + "\n"
                + (messageId == null ? "" : "Message-ID: " + messageId + "\n")
                + "Date: Tue, 8 Dec 2026 01:00:00 +0000\n"
                + "MIME-Version: 1.0\n"
                + (headers.isEmpty() || headers.contains("Content-Type:")
                        ? "" : "Content-Type: text/plain; charset=UTF-8\n")
                + headers
                + "\n" + body + "\n";
    }

    private List<Incoming> rows(String mailbox) {
        return fetcher.store().recent(1000).stream().filter(r -> r.mailbox().equals(mailbox)).toList();
    }

    @Test
    void aNewSenderBecomesACustomerWithATicketAndATimelineEntry() throws Exception {
        String address = sender("Ada Lovelace");
        server.deliver(mail("Ada Lovelace <" + address.toUpperCase() + ">", "Card not arriving",
                "<first." + tag + "@example.com>", "", "My card has not arrived after two weeks."));

        FetchReport report = fetch();

        assertEquals(new FetchReport(1, 1, 0, 0), report);
        Customer customer = customers.findByEmail(address).orElseThrow();
        assertEquals("Ada Lovelace", customer.getName());
        Incoming row = rows(server.mailboxName).get(0);
        assertEquals("MESSAGE", row.kind());
        assertEquals(customer.getId(), row.customerId());
        Ticket ticket = tickets.find(row.ticketId()).orElseThrow();
        assertEquals(customer.getId(), ticket.getCustomerId());
        assertEquals("Card not arriving", ticket.getSubject());
        assertEquals("My card has not arrived after two weeks.", ticket.getBody());
        List<Interaction> entries = timeline.timeline(customer.getId(), 0, 100);
        Interaction mail = entries.stream().filter(e -> e.getChannel() == Interaction.Channel.MAIL).findFirst()
                .orElseThrow();
        assertEquals(Interaction.Direction.INBOUND, mail.getDirection());
        assertEquals("<first." + tag + "@example.com>", mail.getReference());
        assertEquals("Card not arriving", mail.getSummary());
        assertEquals("My card has not arrived after two weeks.", mail.getBody());
        assertTrue(seen(server), "a taken message is flagged \\Seen on the server");

        assertEquals(new FetchReport(0, 0, 0, 0), fetch(), "a second fetch takes nothing new");
        assertEquals(1, rows(server.mailboxName).size());
    }

    @Test
    void aKnownSenderGetsNoSecondCustomer() throws Exception {
        String address = sender("Known Customer");
        Customer known = new Customer("Known Customer Ltd");
        known.addContact(io.switchboard.customers.ContactKind.EMAIL, address);
        known = customers.save(known);
        server.deliver(mail("Someone Else <" + address + ">", "Question", "<q." + tag + "@example.com>", "",
                "Hello"));

        assertEquals(new FetchReport(1, 1, 0, 0), fetch());

        Incoming row = rows(server.mailboxName).get(0);
        assertEquals(known.getId(), row.customerId());
        assertEquals("Known Customer Ltd", customers.find(known.getId()).orElseThrow().getName());
    }

    @Test
    void aReplyContinuesItsTicketByInReplyToAndReferences() throws Exception {
        String address = sender("Grace Hopper");
        String first = "<start." + tag + "@example.com>";
        server.deliver(mail("Grace Hopper <" + address + ">", "Refund", first, "", "Where is my refund?"));
        assertEquals(new FetchReport(1, 1, 0, 0), fetch());
        long ticketId = rows(server.mailboxName).get(0).ticketId();
        Ticket resolved = tickets.find(ticketId).orElseThrow();
        resolved.setStatus(TicketStatus.RESOLVED);
        tickets.save(resolved, "anna");

        String second = "<second." + tag + "@example.com>";
        server.deliver(mail("Grace Hopper <" + address + ">", "Re: Refund", second, "In-Reply-To: " + first + "\n",
                "Any news?"));
        // a reply to our answer (unknown id), which still references the customer's first message
        server.deliver(mail("Grace Hopper <" + address + ">", "Re: Re: Refund", "<third." + tag + "@example.com>",
                "In-Reply-To: <our-answer." + tag + "@switchboard.test>\nReferences: " + first + "\n  <our-answer."
                        + tag + "@switchboard.test>\n",
                "Still waiting."));

        assertEquals(new FetchReport(2, 0, 2, 0), fetch());

        List<TicketMessage> conversation = tickets.conversation(ticketId);
        assertEquals(List.of("Where is my refund?", "Any news?", "Still waiting."),
                conversation.stream().map(TicketMessage::body).toList());
        assertEquals(TicketStatus.OPEN, tickets.find(ticketId).orElseThrow().getStatus(),
                "a reply opens a resolved ticket again");
        assertTrue(rows(server.mailboxName).stream().allMatch(r -> r.ticketId() == ticketId));
    }

    @Test
    void aTicketTagInTheSubjectContinuesTheCustomersOwnTicketOnly() throws Exception {
        String address = sender("Alan Turing");
        server.deliver(mail("Alan Turing <" + address + ">", "Login fails", "<login." + tag + "@example.com>", "",
                "I cannot log in."));
        assertEquals(new FetchReport(1, 1, 0, 0), fetch());
        long ticketId = rows(server.mailboxName).get(0).ticketId();

        server.deliver(mail("Alan Turing <" + address + ">", "Re: [#" + ticketId + "] Login fails",
                "<tagged." + tag + "@example.com>", "", "Now it works, thanks."));
        // someone else quoting the tag does not write into Alan's ticket
        server.deliver(mail("Mallory <" + sender("Mallory") + ">", "[#" + ticketId + "] me too",
                "<other." + tag + "@example.com>", "", "Same here."));

        assertEquals(new FetchReport(2, 1, 1, 0), fetch());
        assertEquals(2, tickets.conversation(ticketId).size());
        Incoming mallory = rows(server.mailboxName).stream().filter(r -> r.sender().startsWith("mallory"))
                .findFirst().orElseThrow();
        assertNotNull(mallory.ticketId());
        assertFalse(mallory.ticketId() == ticketId);
    }

    @Test
    void autoRepliesAndBouncesOpenNoTicket() throws Exception {
        String address = sender("Away Customer");
        Customer away = new Customer("Away Customer");
        away.addContact(io.switchboard.customers.ContactKind.EMAIL, address);
        away = customers.save(away);
        long ticketsBefore = tickets.count(io.switchboard.tickets.TicketQuery.ALL);
        server.deliver(mail("Away Customer <" + address + ">", "Out of Office: Re: your order",
                "<ooo1." + tag + "@example.com>", "", "I am away until Monday."));
        server.deliver(mail("Away Customer <" + address + ">", "Re: your order", "<ooo2." + tag + "@example.com>",
                "Auto-Submitted: auto-replied\n", "Automatic answer."));
        server.deliver(mail("Away Customer <" + address + ">", "Re: your order", "<ooo3." + tag + "@example.com>",
                "Precedence: bulk\n", "Newsletter-ish."));
        server.deliver(mail("Away Customer <" + address + ">", "Abwesend", "<ooo4." + tag + "@example.com>",
                "X-Autoreply: yes\n", "Bin weg."));
        server.deliver(mail("Mail Delivery System <MAILER-DAEMON@mx." + tag + ".example.com>",
                "Undelivered Mail Returned to Sender", "<bounce1." + tag + "@example.com>", "",
                "This is the mail system. I'm sorry to have to inform you that your message could not be delivered."));
        server.deliver(mail("Reporter <reports." + tag + "@example.com>", "Delivery Status Notification",
                "<bounce2." + tag + "@example.com>",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n",
                "--b1\nContent-Type: text/plain\n\nDelivery failed.\n--b1\n"
                        + "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n"
                        + "Final-Recipient: rfc822; gone@example.com\nAction: failed\nStatus: 5.1.1\n--b1--"));

        FetchReport report = fetch();

        assertEquals(new FetchReport(6, 0, 0, 0), report);
        assertEquals(ticketsBefore, tickets.count(io.switchboard.tickets.TicketQuery.ALL));
        List<Incoming> rows = rows(server.mailboxName);
        assertEquals(4, rows.stream().filter(r -> r.kind().equals("AUTO_REPLY")).count());
        assertEquals(2, rows.stream().filter(r -> r.kind().equals("BOUNCE")).count());
        assertTrue(rows.stream().allMatch(r -> r.ticketId() == null));
        assertEquals(4, timeline.timeline(away.getId(), 0, 100).stream()
                .filter(e -> e.getChannel() == Interaction.Channel.MAIL).count(),
                "auto-replies of a known customer are in the timeline");
        assertTrue(customers.findByEmail("mailer-daemon@mx." + tag + ".example.com").isEmpty(),
                "a bounce creates no customer");
        assertTrue(customers.findByEmail("reports." + tag + "@example.com").isEmpty());
    }

    @Test
    void aNewFetcherOnTheSameStoreTakesNothingTwice() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.deliver(mail("Restart " + i + " <" + sender("restart" + i) + ">", "Message " + i,
                    "<restart" + i + "." + tag + "@example.com>", "", "Body " + i));
        }
        assertEquals(new FetchReport(3, 3, 0, 0), fetch());
        server.deliver(mail("Late <" + sender("late") + ">", "Late", "<late." + tag + "@example.com>", "", "Late"));

        MailFetch restarted = MailServer.fetcher(attachments, LIMIT);
        assertEquals(new FetchReport(1, 1, 0, 0), restarted.fetch(List.of(server.account()), Progress.NONE));
        assertEquals(new FetchReport(0, 0, 0, 0), restarted.fetch(List.of(server.account()), Progress.NONE));
        assertEquals(4, rows(server.mailboxName).size());
    }

    @Test
    void aCrashBetweenTheTicketAndTheRecordOpensNoSecondTicket() throws Exception {
        String address = sender("Crash Customer");
        server.deliver(mail("Crash Customer <" + address + ">", "Crash", "<crash." + tag + "@example.com>", "",
                "Before the crash"));
        assertEquals(new FetchReport(1, 1, 0, 0), fetch());
        long ticketId = rows(server.mailboxName).get(0).ticketId();
        long customerTickets = ticketsOf(address);
        // as if the process died after the ticket was created but before the message was recorded
        forget(server.mailboxName);

        FetchReport again = MailServer.fetcher(attachments, LIMIT).fetch(List.of(server.account()), Progress.NONE);

        assertEquals(new FetchReport(1, 0, 0, 0), again, "taken again, but no second ticket");
        assertEquals(customerTickets, ticketsOf(address));
        assertEquals(ticketId, rows(server.mailboxName).get(0).ticketId(), "the record finds the first ticket");
    }

    @Test
    void aNewUidValidityRereadsTheFolderButTakesNoMessageTwice() throws Exception {
        server.deliver(mail("Valid <" + sender("valid") + ">", "Once", "<once." + tag + "@example.com>", "", "Once"));
        assertEquals(new FetchReport(1, 1, 0, 0), fetch());
        long customerId = customers.findByEmail(sender("valid")).orElseThrow().getId();
        try (Connection c = Services.get(Database.class).connect();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE mail_fetch_folders SET uid_validity = uid_validity + 1 WHERE mailbox = ?")) {
            s.setString(1, server.mailboxName);
            assertEquals(1, s.executeUpdate());
        }
        assertEquals(new FetchReport(0, 0, 0, 0), fetch());
        assertEquals(1, rows(server.mailboxName).size());
        assertEquals(1, timeline.timeline(customerId, 0, 100).stream()
                .filter(e -> e.getChannel() == Interaction.Channel.MAIL).count(), "no second timeline entry");
        assertEquals(1, ticketsOf(sender("valid")));
    }

    @Test
    void anUnknownCharsetIsReadWithAFallbackAndNoted() throws Exception {
        String address = sender("Charset Sender");
        byte[] raw = (mail("Charset Sender <" + address + ">", "=?x-unknown-9?Q?Gr=FC=DFe?=",
                "<charset." + tag + "@example.com>", "Content-Type: text/plain; charset=x-unknown-9\n"
                        + "Content-Transfer-Encoding: 8bit\n", "Gr\u00fc\u00dfe aus K\u00f6ln")
                .replace("\n", "\r\n")).getBytes(StandardCharsets.ISO_8859_1);
        server.deliver(raw);
        // and one in GB2312, declared correctly: decoded, not noted
        String chinese = "\u4f60\u597d\uff0c\u6211\u7684\u8ba2\u5355\u5728\u54ea\u91cc\uff1f";
        byte[] gb = ("From: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                "\u674e\u96f7".getBytes(StandardCharsets.UTF_8)) + "?= <" + sender("li lei") + ">\r\n"
                + "Subject: =?GB2312?B?" + java.util.Base64.getEncoder().encodeToString(
                        "\u8ba2\u5355".getBytes("GB2312")) + "?=\r\n"
                + "Message-ID: <gb." + tag + "@example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=GB2312\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = chinese.getBytes("GB2312");
        byte[] all = new byte[gb.length + body.length];
        System.arraycopy(gb, 0, all, 0, gb.length);
        System.arraycopy(body, 0, all, gb.length, body.length);
        server.deliver(all);

        assertEquals(new FetchReport(2, 2, 0, 0), fetch());

        Incoming odd = rows(server.mailboxName).stream().filter(r -> r.sender().equals(address)).findFirst()
                .orElseThrow();
        Ticket ticket = tickets.find(odd.ticketId()).orElseThrow();
        assertTrue(ticket.getBody().startsWith("Gr\u00fc\u00dfe aus K\u00f6ln"), ticket.getBody());
        assertTrue(odd.note().contains("x-unknown-9") && odd.note().contains("windows-1252"), odd.note());
        assertTrue(ticket.getBody().contains("x-unknown-9"), "the note is shown with the text");

        Customer li = customers.findByEmail(sender("li lei")).orElseThrow();
        assertEquals("\u674e\u96f7", li.getName());
        Incoming liRow = rows(server.mailboxName).stream().filter(r -> r.customerId() == li.getId()).findFirst()
                .orElseThrow();
        Ticket liTicket = tickets.find(liRow.ticketId()).orElseThrow();
        assertEquals("\u8ba2\u5355", liTicket.getSubject());
        assertEquals(chinese, liTicket.getBody());
        assertNull(liRow.note());
    }

    @Test
    void anHtmlOnlyMessageBecomesText() throws Exception {
        String address = sender("Html Sender");
        server.deliver(mail("Html Sender <" + address + ">", "Html", "<html." + tag + "@example.com>",
                "Content-Type: text/html; charset=UTF-8\n",
                "<html><head><style>p{color:red}</style><title>x</title></head><body>"
                        + "<p>Dear&nbsp;team,</p><p>my <b>order</b> &amp; invoice &#8364;12 &lt;missing&gt;:</p>"
                        + "<ul><li>one</li><li>two</li></ul><div>Thanks<br>Html</div>"
                        + "<script>alert(1)</script></body></html>"));

        assertEquals(new FetchReport(1, 1, 0, 0), fetch());

        Ticket ticket = tickets.find(rows(server.mailboxName).get(0).ticketId()).orElseThrow();
        assertEquals("Dear team,\n\nmy order & invoice \u20ac12 <missing>:\n\n- one\n- two\nThanks\nHtml",
                ticket.getBody());
    }

    @Test
    void plainTextIsPreferredOverItsHtmlAlternative() throws Exception {
        server.deliver(mail("Alt Sender <" + sender("alt") + ">", "Alt", "<alt." + tag + "@example.com>",
                "Content-Type: multipart/alternative; boundary=\"alt\"\n",
                "--alt\nContent-Type: text/html; charset=UTF-8\n\n<p>HTML version</p>\n"
                        + "--alt\nContent-Type: text/plain; charset=UTF-8\n\nPlain version\n--alt--"));

        assertEquals(new FetchReport(1, 1, 0, 0), fetch());
        assertEquals("Plain version",
                tickets.find(rows(server.mailboxName).get(0).ticketId()).orElseThrow().getBody());
    }

    @Test
    void aMessageWithoutSenderIsRejectedCountedAndLeftUnread() throws Exception {
        server.deliver("To: support@switchboard.test\nSubject: Who am I\nMessage-ID: <nosender." + tag
                + "@example.com>\nMIME-Version: 1.0\nContent-Type: text/plain\n\nNo From header at all.\n");
        server.deliver("From: undisclosed-recipients:;\nTo: support@switchboard.test\nSubject: Group only\n"
                + "Message-ID: <group." + tag + "@example.com>\n\nA group without addresses.\n");

        assertEquals(new FetchReport(0, 0, 0, 2), fetch());

        List<Incoming> rows = rows(server.mailboxName);
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.kind().equals("REJECTED") && r.ticketId() == null
                && r.note().contains("sender")), rows.toString());
        assertFalse(seen(server), "a rejected message stays unread for a person to look at");
        assertEquals(new FetchReport(0, 0, 0, 0), fetch(), "reported once, not on every fetch");
    }

    @Test
    void anAttachmentOverTheLimitIsNotedAndTheMessageStillStored() throws Exception {
        String address = sender("Attachment Sender");
        javax.mail.internet.MimeMessage message = new javax.mail.internet.MimeMessage(
                Session.getInstance(new java.util.Properties()));
        message.setFrom(new javax.mail.internet.InternetAddress(address, "Attachment Sender"));
        message.setSubject("Logs attached");
        javax.mail.internet.MimeMultipart multipart = new javax.mail.internet.MimeMultipart();
        javax.mail.internet.MimeBodyPart text = new javax.mail.internet.MimeBodyPart();
        text.setText("See the attached files.", "UTF-8");
        multipart.addBodyPart(text);
        javax.mail.internet.MimeBodyPart small = new javax.mail.internet.MimeBodyPart();
        small.setContent("small file".getBytes(StandardCharsets.UTF_8), "application/octet-stream");
        small.setFileName("../notes.txt");
        small.setDisposition(javax.mail.Part.ATTACHMENT);
        multipart.addBodyPart(small);
        javax.mail.internet.MimeBodyPart big = new javax.mail.internet.MimeBodyPart();
        byte[] twentyMb = new byte[20 * 1024 * 1024];
        new java.util.Random(7).nextBytes(twentyMb);
        big.setDataHandler(new javax.activation.DataHandler(
                new javax.mail.util.ByteArrayDataSource(twentyMb, "application/zip")));
        big.setFileName("dump.zip");
        multipart.addBodyPart(big);
        message.setContent(multipart);
        message.saveChanges();
        server.deliver(message);

        assertEquals(new FetchReport(1, 1, 0, 0), fetch());

        Incoming row = rows(server.mailboxName).get(0);
        assertTrue(row.note().contains("dump.zip") && row.note().contains("limit"), row.note());
        Path folder = attachments.resolve(Long.toString(row.id()));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("notes.txt"), files.map(p -> p.getFileName().toString()).toList(),
                    "the small file is kept (without its folder part), the big one is not");
        }
        assertEquals("small file", Files.readString(folder.resolve("notes.txt")));
        Ticket ticket = tickets.find(row.ticketId()).orElseThrow();
        assertTrue(ticket.getBody().startsWith("See the attached files."), ticket.getBody());
        assertTrue(ticket.getBody().contains("dump.zip"), ticket.getBody());
    }

    @Test
    void anUnreachableServerFailsNamingTheMailboxAndKeepsWhatOthersGave() throws Exception {
        server.deliver(mail("Reach <" + sender("reach") + ">", "Reach", "<reach." + tag + "@example.com>", "", "x"));
        Account good = server.account();
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        io.switchboard.mail.Mailbox down = new io.switchboard.mail.Mailbox("down-" + tag, "down@example.com",
                good.mailbox().smtp(), new io.switchboard.mail.Mailbox.Server("127.0.0.1", port,
                        io.switchboard.mail.Mailbox.Security.NONE, "x"), "");

        MailFetchException e = assertThrows(MailFetchException.class,
                () -> fetcher.fetch(List.of(new Account(down, null), good), Progress.NONE));

        assertTrue(e.getMessage().contains("down-" + tag), e.getMessage());
        assertEquals(new FetchReport(1, 1, 0, 0), e.partial());
    }

    /** Whether every message in the inbox is flagged \Seen. */
    private static boolean seen(MailServer server) throws Exception {
        Store store = Session.getInstance(new java.util.Properties()).getStore("imap");
        store.connect("127.0.0.1", server.greenMail.getImap().getPort(), server.mailboxName, MailServer.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message m : inbox.getMessages()) {
                    if (!m.isSet(Flags.Flag.SEEN)) {
                        return false;
                    }
                }
                return true;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private long ticketsOf(String address) {
        long customerId = customers.findByEmail(address).orElseThrow().getId();
        return tickets.count(io.switchboard.tickets.TicketQuery.ALL.withCustomer(customerId));
    }

    /** Deletes the mailbox's records and its folder state, as if nothing had been recorded. */
    private static void forget(String mailbox) throws Exception {
        try (Connection c = Services.get(Database.class).connect()) {
            for (String sql : new String[] { "DELETE FROM mail_incoming WHERE mailbox = ?",
                    "DELETE FROM mail_fetch_folders WHERE mailbox = ?" }) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, mailbox);
                    s.executeUpdate();
                }
            }
        }
    }
}
