package io.switchboard.mail.fetch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.mail.MailFetcher.FetchReport;
import io.switchboard.mail.fetch.internal.MailFetch;

/**
 * The incoming-mail benchmark, run only by {@code releng/bench/mail-fetch} (it sets
 * {@value #MESSAGES_ENV}; the name does not end in "Test", so the normal test run leaves it out). N messages from
 * N/5 senders are put into a GreenMail inbox, then one fetch turns them into customers, timeline entries and
 * tickets against the real store; it prints the fetch's time and messages per second. Nothing here is asserted
 * about time.
 */
class MailFetchBench {

    static final String MESSAGES_ENV = "SWITCHBOARD_BENCH_MAIL_MESSAGES";

    @TempDir
    Path attachments;

    @Test
    void fetchIntoTickets() throws Exception {
        String value = System.getenv(MESSAGES_ENV);
        assumeTrue(value != null && !value.isBlank(), MESSAGES_ENV + " not set: the benchmark is not run");
        int n = Integer.parseInt(value.strip());
        int senders = Math.max(1, n / 5);
        String tag = MailServer.unique();
        try (MailServer server = new MailServer()) {
            Session session = Session.getInstance(new Properties());
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                MimeMessage message = new MimeMessage(session);
                int sender = i % senders;
                message.setFrom(new InternetAddress("bench" + sender + "." + tag + "@example.com",
                        "Bench Customer " + sender));
                message.setRecipients(MimeMessage.RecipientType.TO, server.address);
                message.setSubject("Question " + i + " about my card");
                message.setText("Hello, this is message " + i + ". My card payment was declined twice at the "
                        + "supermarket although my balance is fine. Can you check what is wrong?\n\nRegards\n"
                        + "Customer " + sender, "UTF-8");
                message.setHeader("Message-ID", "<bench" + i + "." + tag + "@example.com>");
                server.deliver(message);
            }
            double delivered = (System.nanoTime() - start) / 1e9;
            MailFetch fetcher = MailServer.fetcher(attachments, 10L * 1024 * 1024);

            long fetchStart = System.nanoTime();
            Progress progress = new Progress() {
                @Override
                public void begin(String task, long totalWork) {
                }

                @Override
                public void worked(long done) {
                    if (done % 1000 == 0) {
                        double s = (System.nanoTime() - fetchStart) / 1e9;
                        System.out.println(String.format(Locale.ROOT,
                                "mail-fetch progress done=%d s=%.1f messages_per_s=%.1f", done, s, done / s));
                    }
                }

                @Override
                public boolean isCanceled() {
                    return false;
                }
            };
            FetchReport report = fetcher.fetch(List.of(server.account()), progress);
            double seconds = (System.nanoTime() - fetchStart) / 1e9;

            assertEquals(new FetchReport(n, n, 0, 0), report);
            System.out.println(String.format(Locale.ROOT,
                    "mail-fetch messages=%d senders=%d deliver_s=%.1f fetch_s=%.1f messages_per_s=%.1f",
                    n, senders, delivered, seconds, n / seconds));
            start = System.nanoTime();
            FetchReport again = fetcher.fetch(List.of(server.account()), Progress.NONE);
            System.out.println(String.format(Locale.ROOT, "mail-fetch second_fetch_s=%.2f fetched=%d",
                    (System.nanoTime() - start) / 1e9, again.fetched()));
        }
    }
}
