package io.switchboard.mail.campaigns.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.Progress;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.mail.Campaigns.CampaignReport;
import io.switchboard.mail.MailTemplate.MissingPlaceholderException;
import io.switchboard.mail.MailTemplate.Rendered;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.store.Database;

/**
 * One campaign: check the template against every customer of the segment first (nothing is queued when some lack
 * a placeholder's value), then queue one personalised message per customer at the given rate, each with its own
 * {@code List-Unsubscribe: <mailto:unsubscribe+TOKEN@domain>} and a footer saying so, then wait for the outbox to
 * send them. Plain Java over the services it is given.
 */
public final class CampaignRunner {

    /** The agent campaign mail is recorded under. */
    public static final String AGENT = "campaign";
    static final String SEQUENCE = "mail_campaign";
    private static final int PAGE = 500;

    private final CustomerRepository customers;
    private final Outbox outbox;
    private final Mailboxes mailboxes;
    private final OptOuts optOuts;
    private final Database database;
    private final Templates templates = new Templates();
    private final long pollMillis;

    public CampaignRunner(CustomerRepository customers, Outbox outbox, Mailboxes mailboxes, OptOuts optOuts,
            Database database, long pollMillis) {
        this.customers = customers;
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.optOuts = optOuts;
        this.database = database;
        this.pollMillis = pollMillis;
    }

    public CampaignReport run(String mailboxName, String subject, String body, CustomerQuery segment,
            double messagesPerSecond, String agent, Progress progress) {
        if (messagesPerSecond <= 0) {
            throw new IllegalArgumentException(NLS.bind(Messages.Campaign_badRate, messagesPerSecond));
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException(Messages.Campaign_noSubject);
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException(Messages.Campaign_noBody);
        }
        List<String> used = new ArrayList<>(templates.placeholders(subject));
        used.addAll(templates.placeholders(body));
        boolean fields = used.stream().anyMatch(name -> name.startsWith(Templates.FIELD));
        Mailbox mailbox = (mailboxName == null ? mailboxes.defaultMailbox() : mailboxes.find(mailboxName))
                .orElseThrow(() -> new IllegalArgumentException(mailboxName == null ? Messages.Campaign_noMailbox
                        : NLS.bind(Messages.Campaign_unknownMailbox, mailboxName)));
        String domain = domain(mailbox.from());
        CustomerQuery query = segment.page(0, PAGE);

        // 1. every customer first: which placeholders lack values for how many of them
        Map<String, Integer> missing = new LinkedHashMap<>();
        List<String> badSubjects = new ArrayList<>();
        AtomicLong eligible = new AtomicLong();
        progress.begin(Messages.Campaign_checking, customers.count(segment));
        AtomicLong seen = new AtomicLong();
        customers.scan(query, page -> {
            for (CustomerSummary summary : page) {
                if (summary.email() != null && !summary.email().isBlank() && !optOuts.isOptedOut(summary.email())) {
                    eligible.incrementAndGet();
                    try {
                        templates.render(subject, body, values(summary, fields, agent));
                    } catch (MissingPlaceholderException e) {
                        e.getMissing().forEach(name -> missing.merge(name, 1, Integer::sum));
                    } catch (IllegalArgumentException e) {
                        badSubjects.add(summary.name() + " (" + summary.id() + ")");
                    }
                }
                progress.worked(seen.incrementAndGet());
            }
            return !progress.isCanceled();
        });
        if (!missing.isEmpty()) {
            List<String> parts = new ArrayList<>();
            missing.forEach((name, count) -> parts.add(NLS.bind(Messages.Campaign_missingOne, name, count)));
            throw new IllegalArgumentException(NLS.bind(Messages.Campaign_missing, String.join(", ", parts)));
        }
        if (!badSubjects.isEmpty()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Campaign_subjectLineBreak,
                    String.join(", ", badSubjects.subList(0, Math.min(5, badSubjects.size())))));
        }
        if (progress.isCanceled()) {
            return new CampaignReport(0, 0, 0, 0, 0);
        }

        // 2. queue, throttled
        long campaignId = database.allocateIds(SEQUENCE, 1);
        List<Long> queuedIds = new ArrayList<>();
        long[] skipped = { 0 };
        long[] failed = { 0 };
        long nanosPerMessage = (long) (TimeUnit.SECONDS.toNanos(1) / messagesPerSecond);
        long start = System.nanoTime();
        progress.begin(Messages.Campaign_queueing, eligible.get());
        customers.scan(query, page -> {
            for (CustomerSummary summary : page) {
                if (progress.isCanceled()) {
                    return false;
                }
                if (summary.email() == null || summary.email().isBlank() || optOuts.isOptedOut(summary.email())) {
                    skipped[0]++;
                    continue;
                }
                long due = start + queuedIds.size() * nanosPerMessage;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                Rendered rendered;
                try {
                    rendered = templates.render(subject, body, values(summary, fields, agent));
                } catch (MissingPlaceholderException e) { // changed since the check: this one is not sent
                    skipped[0]++;
                    continue;
                }
                String token = UUID.randomUUID().toString().replace("-", "");
                String unsubscribe = "unsubscribe+" + token + "@" + domain;
                String text = rendered.html() ? null
                        : rendered.body() + "\n\n-- \n" + NLS.bind(Messages.Campaign_footerText, "mailto:" + unsubscribe);
                String html = rendered.html() ? footer(rendered.body(), unsubscribe) : null;
                OutgoingMail mail = new OutgoingMail(mailbox.name(), List.of(summary.email().strip()), null, null,
                        rendered.subject(), text, html, null, summary.id(), null, null, null, AGENT, campaignId,
                        "<mailto:" + unsubscribe + ">");
                try {
                    optOuts.remember(token, summary.email(), campaignId);
                    OutboxEntry entry = outbox.queue(mail);
                    queuedIds.add(entry.id());
                } catch (IllegalArgumentException e) { // e.g. an address the outbox refuses: the others go
                    failed[0]++;
                }
                progress.worked(queuedIds.size());
            }
            return true;
        });

        // 3. wait for the outbox
        return await(campaignId, queuedIds, skipped[0], failed[0], progress);
    }

    /** Polls the queued messages in id order (the order the sender takes them) until each is sent or failed. */
    private CampaignReport await(long campaignId, List<Long> ids, long skipped, long failedToQueue,
            Progress progress) {
        long sent = 0;
        long failed = failedToQueue;
        int next = 0;
        progress.begin(Messages.Campaign_sending, ids.size());
        outbox.sendNow();
        while (next < ids.size()) {
            Optional<OutboxEntry> entry = outbox.find(ids.get(next));
            OutboxState state = entry.map(OutboxEntry::state).orElse(OutboxState.FAILED);
            if (state == OutboxState.SENT) {
                sent++;
                next++;
                progress.worked(next);
                continue;
            }
            if (state == OutboxState.FAILED) {
                failed++;
                next++;
                progress.worked(next);
                continue;
            }
            if (progress.isCanceled()) {
                break; // the outbox sends the rest anyway
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new CampaignReport(campaignId, ids.size(), sent, failed, skipped);
    }

    private Map<String, String> values(CustomerSummary summary, boolean fields, String agent) {
        Map<String, String> values = new HashMap<>();
        put(values, "customer.name", summary.name());
        put(values, "customer.company", summary.company());
        put(values, "customer.email", summary.email());
        put(values, "agent.name", agent);
        if (fields) {
            Optional<Customer> customer = customers.find(summary.id());
            customer.ifPresent(c -> c.getCustomFields()
                    .forEach((key, value) -> put(values, Templates.FIELD + key, value)));
        }
        return values;
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }

    private static String footer(String html, String unsubscribe) {
        String line = "<p style=\"font-size:small;color:#666\">" + NLS.bind(Messages.Campaign_footerHtml,
                "<a href=\"mailto:" + Templates.escape(unsubscribe) + "\">", "</a>") + "</p>";
        int end = html.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? html + "\n" + line : html.substring(0, end) + line + html.substring(end);
    }

    /** The domain of a mailbox's From address ({@code "Support <support@example.com>"}: example.com). */
    static String domain(String from) {
        String address = from.strip();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close);
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            throw new IllegalArgumentException(NLS.bind(Messages.Campaign_badFrom, from));
        }
        return address.substring(at + 1).strip();
    }
}
