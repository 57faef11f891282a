package io.switchboard.mail.fetch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.cli.ExitCode;
import io.switchboard.core.Progress;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.mail.Campaigns;
import io.switchboard.mail.Campaigns.CampaignReport;
import io.switchboard.mail.MailFetcher;
import io.switchboard.mail.MailFetcher.FetchReport;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.mail.fetch.internal.MailFetcherComponent;
import io.switchboard.testing.Cli;
import io.switchboard.testing.Cli.Run;
import io.switchboard.testing.Services;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;

/**
 * The fetcher as the product runs it: the DS service reads the mailboxes configured through {@link Mailboxes}
 * (passwords in secure storage), and {@code switchboard mail fetch} prints its counts.
 */
class FetchServiceTest {

    private static Path secureStorage;
    private MailServer server;
    private Mailboxes mailboxes;

    @BeforeAll
    static void secureStorageInATemporaryFile() throws Exception {
        secureStorage = Files.createTempDirectory("mail-fetch-secure").resolve("secure_storage");
        System.setProperty("switchboard.secure.storage", secureStorage.toString());
        System.setProperty("switchboard.secure.storage.password", "test-master-password");
        // no background fetch while the tests count what a fetch takes
        Services.get(Settings.class).put(MailFetcherComponent.INTERVAL_SETTING, "0");
    }

    @AfterAll
    static void cleanUp() {
        System.clearProperty("switchboard.secure.storage.password");
    }

    @BeforeEach
    void configure() {
        server = new MailServer();
        mailboxes = Services.get(Mailboxes.class);
        Mailbox mailbox = server.account().mailbox();
        mailboxes.save(mailbox);
        mailboxes.setPassword(mailbox.name(), MailServer.PASSWORD.toCharArray());
    }

    @AfterEach
    void remove() {
        mailboxes.delete(server.mailboxName);
        server.close();
    }

    @Test
    void theCommandReadsTheConfiguredMailboxesOnceAndAnnouncesEachMessage() throws Exception {
        String tag = MailServer.unique();
        String address = "cli." + tag + "@example.com";
        String first = "<cli1." + tag + "@example.com>";
        server.deliver(MailFetchTest.mail("Cli Customer <" + address + ">", "Via the command line", first, "",
                "Hello from the command line"));
        server.deliver(MailFetchTest.mail("Nobody <mailer-daemon@" + tag + ".example.com>", "Undeliverable",
                "<cli2." + tag + "@example.com>", "", "Bounced"));
        server.deliver("To: x@example.com\nSubject: anonymous\nMessage-ID: <cli3." + tag + "@example.com>\n\nhi\n");

        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, SwitchboardTopics.MAIL_RECEIVED);
        ServiceRegistration<EventHandler> registration = Services.context().registerService(EventHandler.class,
                received::add, properties);
        try {
            Run run = Cli.run("mail", "fetch");
            assertEquals(ExitCode.OK, run.exit(), run.toString());
            assertEquals("fetched=2 tickets_new=1 tickets_continued=0 rejected=1", run.lastLine(), run.toString());
            assertTrue(Services.get(CustomerRepository.class).findByEmail(address).isPresent());

            for (int i = 0; i < 2; i++) {
                Event event = received.poll(10, TimeUnit.SECONDS);
                assertNotNull(event, "MAIL_RECEIVED for each message stored");
                assertTrue(event.getProperty(SwitchboardTopics.PROPERTY_ID) instanceof Long);
            }

            server.deliver(MailFetchTest.mail("Cli Customer <" + address + ">", "Re: Via the command line",
                    "<cli4." + tag + "@example.com>", "References: " + first + "\n", "A reply"));
            Run again = Cli.run("mail", "fetch");
            assertEquals("fetched=1 tickets_new=0 tickets_continued=1", again.lastLine(), again.toString());
            assertEquals("fetched=0 tickets_new=0 tickets_continued=0", Cli.run("mail", "fetch").lastLine());
        } finally {
            registration.unregister();
        }
    }

    @Test
    void aReplyToAMessageTheOutboxSentForATicketContinuesThatTicket() throws Exception {
        String tag = MailServer.unique();
        String address = "outbox." + tag + "@example.com";
        server.deliver(MailFetchTest.mail("Outbox Customer <" + address + ">", "Broken lamp",
                "<lamp." + tag + "@example.com>", "", "My lamp arrived broken."));
        FetchReport first = Services.get(MailFetcher.class).fetch(Progress.NONE);
        assertEquals(new FetchReport(1, 1, 0, 0), first);
        long customerId = Services.get(CustomerRepository.class).findByEmail(address).orElseThrow().getId();
        TicketRepository tickets = Services.get(TicketRepository.class);
        long ticketId = tickets.list(TicketQuery.ALL.withCustomer(customerId)).get(0).id();
        // the agent's answer, sent for the ticket; the customer's mail program answers it without References
        OutboxEntry answer = Services.get(Outbox.class).queue(new OutgoingMail(server.mailboxName,
                List.of(address), null, null, "Re: Broken lamp", "We send a new one.", null, null, customerId,
                ticketId, null, null, "anna"));
        server.deliver(MailFetchTest.mail("Outbox Customer <" + address + ">", "Re: Broken lamp",
                "<lamp2." + tag + "@example.com>", "In-Reply-To: " + answer.messageId() + "\n", "Thank you!"));

        assertEquals(new FetchReport(1, 0, 1, 0), Services.get(MailFetcher.class).fetch(Progress.NONE));
        assertTrue(tickets.conversation(ticketId).stream().anyMatch(m -> m.body().equals("Thank you!")));
    }

    @Test
    void aWrongPasswordFailsTheCommandNamingTheMailbox() {
        mailboxes.setPassword(server.mailboxName, "wrong".toCharArray());

        Run run = Cli.run("mail", "fetch");

        assertEquals(ExitCode.FAILURE, run.exit(), run.toString());
        assertTrue(run.err().contains(server.mailboxName), run.toString());
    }

    @Test
    void mailToTheUnsubscribeAddressOfACampaignOptsOutAndOpensNoTicketNorCustomer() throws Exception {
        String tag = MailServer.unique();
        String domain = tag + ".example.com";
        String address = "reader@" + domain;
        String country = "Land " + tag;
        Customer reader = new Customer("Reader " + tag);
        reader.setCountry(country);
        reader.addContact(ContactKind.EMAIL, address);
        CustomerRepository customers = Services.get(CustomerRepository.class);
        long readerId = customers.save(reader).getId();
        Campaigns campaigns = Services.get(Campaigns.class);
        CampaignReport report = campaigns.run(server.mailboxName, "News", "Hello ${customer.name}",
                CustomerQuery.ALL.withCountry(country), 50, "Eve", Progress.NONE);
        assertEquals(1, report.sent(), report.toString());
        MimeMessage sent = server.greenMail.getReceivedMessagesForDomain(domain)[0];
        Matcher header = Pattern.compile("<mailto:(unsubscribe\\+[0-9a-f]+@[^>]+)>")
                .matcher(sent.getHeader("List-Unsubscribe", null));
        assertTrue(header.matches(), sent.getHeader("List-Unsubscribe", null));
        String unsubscribe = header.group(1);
        assertFalse(campaigns.isOptedOut(address));

        // the reader's mail program writes to the header's address; a stranger guesses a token (Delivered-To only)
        server.deliver("From: Reader <" + address + ">\nTo: <" + unsubscribe + ">\nSubject: unsubscribe\n"
                + "Message-ID: <unsub1." + tag + "@example.com>\n\nunsubscribe\n");
        String stranger = "stranger." + tag + "@example.com";
        server.deliver(MailFetchTest.mail("Stranger <" + stranger + ">", "unsubscribe", "<unsub2." + tag
                + "@example.com>", "Delivered-To: unsubscribe+0123456789abcdef@" + domain + "\n", "stop"));

        assertEquals(new FetchReport(2, 0, 0, 0), Services.get(MailFetcher.class).fetch(Progress.NONE));
        assertTrue(campaigns.isOptedOut(address));
        TicketRepository tickets = Services.get(TicketRepository.class);
        assertTrue(tickets.list(TicketQuery.ALL.withCustomer(readerId)).isEmpty(), "no ticket for the request");
        assertTrue(customers.findByEmail(stranger).isEmpty(), "no customer for an unsubscribe request");
        assertFalse(campaigns.isOptedOut(stranger));
    }

    @Test
    void theHelpIsInEnglish() {
        Run run = Cli.run("mail", "fetch", "--help");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().contains("fetched=N tickets_new=T tickets_continued=C"), run.toString());
    }
}
