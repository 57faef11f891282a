package io.switchboard.mail.campaigns.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.BodyPart;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.switchboard.cli.ExitCode;
import io.switchboard.core.Progress;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.mail.Campaigns;
import io.switchboard.mail.Campaigns.CampaignReport;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailbox.Security;
import io.switchboard.mail.Mailbox.Server;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.campaigns.internal.OptOuts;
import io.switchboard.store.Database;
import io.switchboard.testing.Cli;
import io.switchboard.testing.Cli.Run;
import io.switchboard.testing.Services;

/** Campaigns through the real services: customers in Derby, the durable outbox, GreenMail SMTP on loopback. */
class CampaignTest {

    static final String MAILBOX = "campaigns";
    static final Pattern UNSUBSCRIBE = Pattern.compile("<mailto:unsubscribe\\+([0-9a-f]{32})@example\\.org>");

    static GreenMail greenMail;

    @TempDir
    Path folder;

    private final Campaigns campaigns = Services.get(Campaigns.class);
    private final CustomerRepository customers = Services.get(CustomerRepository.class);
    private final Outbox outbox = Services.get(Outbox.class);

    @BeforeAll
    static void startServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Services.get(Mailboxes.class).save(new Mailbox(MAILBOX, "News <news@example.org>",
                new Server("127.0.0.1", port, Security.NONE, ""), null, ""));
    }

    @AfterAll
    static void stopServer() {
        greenMail.stop();
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Customer customer(String name, String country, String email, Map<String, String> fields)
            throws Exception {
        return customer(name, null, country, email, fields);
    }

    private Customer customer(String name, String company, String country, String email,
            Map<String, String> fields) throws Exception {
        Customer customer = new Customer(name);
        customer.setCompany(company);
        customer.setCountry(country);
        if (email != null) {
            customer.addContact(ContactKind.EMAIL, email);
        }
        customer.getCustomFields().putAll(fields);
        return customers.save(customer);
    }

    /** The messages GreenMail received for one test's domain, by recipient. */
    private static Map<String, MimeMessage> received(String domain) throws Exception {
        Map<String, MimeMessage> byRecipient = new TreeMap<>();
        for (MimeMessage message : greenMail.getReceivedMessagesForDomain(domain)) {
            String to = message.getAllRecipients()[0].toString();
            assertEquals(null, byRecipient.put(to, message), "exactly once: " + to);
        }
        return byRecipient;
    }

    /** The first part of a MIME type, decoded; Jakarta Mail finds its content handlers through its own loader. */
    private static String part(Part part, String type) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(javax.mail.Session.class.getClassLoader());
        try {
            return find(part, type);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String find(Part part, String type) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = find(body, type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.isMimeType(type) ? part.getContent().toString() : null;
    }

    @Test
    void aCountrySegmentGetsPersonalisedMailWithUnsubscribeAndSkipsOptedOutAndAddressless() throws Exception {
        String country = "Land " + unique();
        String domain = unique() + ".example.com";
        Customer anna = customer("Anna Berg", "Acme", country, "anna@" + domain, Map.of("plan", "gold"));
        customer("Bo Chen", "Beta", country, "bo@" + domain, Map.of("plan", "silver"));
        customer("Cy Dahl", "Gamma", country, null, Map.of("plan", "gold"));
        customer("Di Eng", "Delta", country, "di@" + domain, Map.of("plan", "gold"));
        campaigns.optOut("  DI@" + domain.toUpperCase() + " ");
        customer("Ed Falk", "Epsilon", "Elsewhere " + unique(), "ed@" + domain, Map.of());

        List<String> tasks = new ArrayList<>();
        CampaignReport report = campaigns.run(MAILBOX, "News for ${customer.name}",
                "Dear ${customer.name} of ${customer.company},\nyour plan: ${customer.field.plan}.\n${agent.name}",
                CustomerQuery.ALL.withCountry(country.toUpperCase()), 50, "Eve", new Progress() {
                    @Override
                    public void begin(String task, long total) {
                        tasks.add(task + "/" + total);
                    }

                    @Override
                    public void worked(long done) {
                    }

                    @Override
                    public boolean isCanceled() {
                        return false;
                    }
                });

        assertEquals(List.of(2L, 2L, 0L, 2L), List.of(report.queued(), report.sent(), report.failed(), report.skipped()),
                report.toString());
        assertEquals(3, tasks.size(), tasks.toString());
        Map<String, MimeMessage> mail = received(domain);
        assertEquals(Set.of("anna@" + domain, "bo@" + domain), mail.keySet());
        MimeMessage toAnna = mail.get("anna@" + domain);
        assertEquals("News for Anna Berg", toAnna.getSubject());
        String text = part(toAnna, "text/plain");
        assertTrue(text.contains("Dear Anna Berg of Acme,") && text.contains("your plan: gold.")
                && text.contains("Eve"), text);
        assertTrue(part(mail.get("bo@" + domain), "text/plain").contains("Dear Bo Chen of Beta,"));

        String[] header = toAnna.getHeader("List-Unsubscribe");
        assertNotNull(header, "List-Unsubscribe");
        Matcher matcher = UNSUBSCRIBE.matcher(header[0]);
        assertTrue(matcher.matches(), header[0]);
        String token = matcher.group(1);
        assertTrue(text.contains("mailto:unsubscribe+" + token + "@example.org"), "the footer's link: " + text);
        assertFalse(Arrays.equals(header, mail.get("bo@" + domain).getHeader("List-Unsubscribe")),
                "one token per recipient");

        OutboxEntry entry = outbox.list(null, 0, 10).stream().filter(e -> e.to().contains("anna@" + domain))
                .findFirst().orElseThrow();
        assertEquals(report.campaignId(), entry.campaignId());
        assertEquals(anna.getId(), entry.customerId());

        // the unsubscribe address records the opt-out; the next campaign skips Anna
        assertFalse(campaigns.isOptedOut("anna@" + domain));
        assertEquals("anna@" + domain, new OptOuts(Services.get(Database.class)).optOutByToken(token).orElseThrow());
        assertTrue(campaigns.isOptedOut("Anna@" + domain));
        CampaignReport again = campaigns.run(MAILBOX, "Again", "Hello ${customer.name}",
                CustomerQuery.ALL.withCountry(country), 50, "Eve", Progress.NONE);
        assertEquals(List.of(1L, 1L, 3L), List.of(again.queued(), again.sent(), again.skipped()), again.toString());
    }

    @Test
    void customerFieldsAreEscapedInHtmlBodies() throws Exception {
        String country = "Land " + unique();
        String domain = unique() + ".example.com";
        customer("Bob <b>Bold</b> & Co", country, "bob@" + domain, Map.of());

        CampaignReport report = campaigns.run(MAILBOX, "Hi ${customer.name}",
                "<html><body><p>Dear ${customer.name}</p></body></html>", CustomerQuery.ALL.withCountry(country), 50,
                "Eve", Progress.NONE);

        assertEquals(1, report.sent(), report.toString());
        MimeMessage message = received(domain).get("bob@" + domain);
        assertEquals("Hi Bob <b>Bold</b> & Co", message.getSubject());
        String html = part(message, "text/html");
        assertTrue(html.contains("<p>Dear Bob &lt;b&gt;Bold&lt;/b&gt; &amp; Co</p>"), html);
        assertFalse(html.contains("<b>Bold"), html);
        assertTrue(html.matches("(?s).*<a href=\"mailto:unsubscribe\\+[0-9a-f]{32}@example.org\">.*</body></html>"),
                "the footer link inside the body: " + html);
        assertNotNull(message.getHeader("List-Unsubscribe"));
    }

    @Test
    void missingPlaceholdersAreReportedBeforeAnythingIsQueued() throws Exception {
        String country = "Land " + unique();
        String domain = unique() + ".example.com";
        customer("Fay Gold", "Acme", country, "fay@" + domain, Map.of("plan", "gold"));
        customer("Gus Holm", country, "gus@" + domain, Map.of());
        customer("Hal Ito", country, "hal@" + domain, Map.of("plan", "basic"));
        long before = outbox.count(null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> campaigns.run(MAILBOX, "For ${customer.company}", "Plan ${customer.field.plan}",
                        CustomerQuery.ALL.withCountry(country), 50, "Eve", Progress.NONE));

        assertTrue(e.getMessage().contains("customer.company") && e.getMessage().contains(" 2 "), e.getMessage());
        assertTrue(e.getMessage().contains("customer.field.plan") && e.getMessage().contains(" 1 "), e.getMessage());
        assertEquals(before, outbox.count(null), "nothing queued");
        assertEquals(0, greenMail.getReceivedMessagesForDomain(domain).length);
    }

    @Test
    void theRateIsRespectedAndCancelStopsQueueing() throws Exception {
        String country = "Land " + unique();
        String domain = unique() + ".example.com";
        for (int i = 0; i < 6; i++) {
            customer("Rate " + i, country, "r" + i + "@" + domain, Map.of());
        }
        long start = System.nanoTime();
        CampaignReport report = campaigns.run(MAILBOX, "Rate", "Hi ${customer.name}",
                CustomerQuery.ALL.withCountry(country), 5, "Eve", Progress.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(6, report.sent(), report.toString());
        assertTrue(millis >= 950, "6 messages at 5/s take at least 1 s, took " + millis + " ms");

        String country2 = "Land " + unique();
        for (int i = 0; i < 5; i++) {
            customer("Cancel " + i, country2, "c" + i + "@" + domain, Map.of());
        }
        CampaignReport canceled = campaigns.run(MAILBOX, "Cancel", "Hi ${customer.name}",
                CustomerQuery.ALL.withCountry(country2), 100, "Eve", new Progress() {
                    private String task = "";
                    private long done;

                    @Override
                    public void begin(String name, long total) {
                        task = name;
                        done = 0;
                    }

                    @Override
                    public void worked(long work) {
                        done = work;
                    }

                    @Override
                    public boolean isCanceled() {
                        return task.startsWith("Queueing") && done >= 2;
                    }
                });
        assertEquals(2, canceled.queued(), canceled.toString());
    }

    @Test
    void theCommandPrintsQueuedThenTheOutcomeAndNamesTheLineOfABadTemplate() throws Exception {
        String country = "Land " + unique();
        String domain = unique() + ".example.com";
        customer("Ida Jung", country, "ida@" + domain, Map.of());
        customer("Jo Kim", country, "jo@" + domain, Map.of());
        customer("Kai Lund", country, null, Map.of());
        Path template = folder.resolve("news.txt");
        Files.writeString(template, "Subject: Hello ${customer.name}\n\n<p>Dear ${customer.name},</p>\n<p>news.</p>\n",
                StandardCharsets.UTF_8);

        Run run = Cli.run("mail", "campaign", "--template", template.toString(), "--mailbox", MAILBOX, "--country",
                country, "--rate", "100");

        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertEquals(List.of("queued=2", "sent=2 failed=0 skipped=1"), run.outLines(), run.toString());
        assertEquals("Hello Jo Kim", received(domain).get("jo@" + domain).getSubject());

        Path bad = folder.resolve("bad.txt");
        Files.writeString(bad, "Subject: Hi\n\nline three\nDear ${customer.nmae}\n", StandardCharsets.UTF_8);
        Run badRun = Cli.run("mail", "campaign", "--template", bad.toString(), "--country", country);
        assertEquals(ExitCode.FAILURE, badRun.exit(), badRun.toString());
        assertTrue(badRun.err().contains(bad.toString() + ", line 4") && badRun.err().contains("customer.nmae"),
                badRun.toString());
        assertEquals("", badRun.out());

        Path noSubject = folder.resolve("nosubject.txt");
        Files.writeString(noSubject, "Hello\n\nbody\n", StandardCharsets.UTF_8);
        Run noSubjectRun = Cli.run("mail", "campaign", "--template", noSubject.toString());
        assertEquals(ExitCode.FAILURE, noSubjectRun.exit(), noSubjectRun.toString());
        assertTrue(noSubjectRun.err().contains(noSubject.toString() + ", line 1"), noSubjectRun.toString());

        Run missing = Cli.run("mail", "campaign", "--template", template.toString(), "--mailbox", MAILBOX,
                "--country", country, "--rate", "0");
        assertEquals(ExitCode.USAGE, missing.exit(), missing.toString());

        Run help = Cli.run("mail", "campaign", "--help");
        String usage = help.out() + help.err();
        assertTrue(usage.contains("switchboard mail campaign --template FILE")
                && usage.contains("${customer.field.KEY}"), help.toString());
    }
}
