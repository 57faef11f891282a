package io.switchboard.mail.fetch.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.core.DataFolder;
import io.switchboard.core.Progress;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.core.jobs.MonitorProgress;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.InteractionLog;
import io.switchboard.mail.Campaigns;
import io.switchboard.mail.MailFetcher;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailboxes;
import io.switchboard.store.Database;
import io.switchboard.tickets.TicketRepository;

/**
 * The fetcher service: reads every configured mailbox with an IMAP server ({@link MailFetch}), on demand and in a
 * background {@link Job}. The job looks at the setting {@value #INTERVAL_SETTING} when it runs, never at activation
 * (the data folder may not be chosen yet, and a short command-line run must not read mail): its first run is
 * {@link #FIRST_RUN} after start; then every interval; with 0 it looks at the setting again after
 * {@link #RECHECK}. Mail to an {@code unsubscribe+TOKEN@} address goes to {@link Campaigns#optOutByToken} when
 * the campaigns service runs. Each stored message is announced on {@link SwitchboardTopics#MAIL_RECEIVED} after its commit.
 */
@Component(service = MailFetcher.class, immediate = true)
public class MailFetcherComponent implements MailFetcher {

    static final String PLUGIN_ID = "io.switchboard.mail.fetch";
    /** Minutes between background fetches; 0 turns them off. */
    public static final String INTERVAL_SETTING = "mail.fetch.interval.minutes";
    /** The largest attachment kept, in megabytes. */
    public static final String ATTACHMENT_SETTING = "mail.fetch.attachment.max.mb";
    static final double DEFAULT_INTERVAL_MINUTES = 5;
    static final double DEFAULT_ATTACHMENT_MB = 10;
    static final Duration FIRST_RUN = Duration.ofMinutes(2);
    static final Duration RECHECK = Duration.ofMinutes(15);
    /** Under the data folder. */
    static final String ATTACHMENTS = "mail/attachments";

    private static final System.Logger LOG = System.getLogger(MailFetcherComponent.class.getName());

    @Reference
    private Database database;

    @Reference
    private CustomerRepository customers;

    @Reference
    private InteractionLog timeline;

    @Reference
    private TicketRepository tickets;

    @Reference
    private Mailboxes mailboxes;

    @Reference
    private Settings settings;

    @Reference
    private DataFolder dataFolder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /** Optional: without the campaigns bundle, mail to an unsubscribe address is taken like any other. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Campaigns campaigns;

    private MailFetch fetch;
    private Job job;

    @Activate
    void activate() {
        // Nothing touches the database, the settings or a server here.
        fetch = new MailFetch(new FetchStore(database), customers, timeline, tickets,
                () -> dataFolder.resolve(ATTACHMENTS), this::attachmentLimit, this::post, () -> campaigns);
        schedule(FIRST_RUN);
    }

    @Deactivate
    synchronized void deactivate() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    /** The plain fetcher behind the service (tests). */
    MailFetch fetch() {
        return fetch;
    }

    synchronized Job schedule(Duration delay) {
        if (job != null) {
            job.cancel();
        }
        job = new ScheduledFetch();
        job.setSystem(false);
        job.schedule(delay.toMillis());
        return job;
    }

    private void post(long id) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(SwitchboardTopics.MAIL_RECEIVED, Map.of(SwitchboardTopics.PROPERTY_ID, id)));
        }
    }

    @Override
    public FetchReport fetch(Progress progress) {
        return fetch.fetch(accounts(), progress);
    }

    /** Every mailbox with an IMAP server, with its password from secure storage. */
    List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        for (Mailbox mailbox : mailboxes.list()) {
            if (mailbox.imap() == null) {
                continue;
            }
            char[] password = mailboxes.storedPassword(mailbox.name()).orElse(null);
            if (password == null && mailbox.imap().user() != null && !mailbox.imap().user().isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, NLS.bind(Messages.Fetch_noPassword, mailbox.name()));
            }
            accounts.add(new Account(mailbox, password));
        }
        return accounts;
    }

    long attachmentLimit() {
        double mb = number(ATTACHMENT_SETTING, DEFAULT_ATTACHMENT_MB);
        return (long) (mb * 1024 * 1024);
    }

    double intervalMinutes() {
        return number(INTERVAL_SETTING, DEFAULT_INTERVAL_MINUTES);
    }

    private double number(String key, double fallback) {
        String value = settings.get(key).orElse("").trim();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) && number >= 0 ? number : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The background fetch: reads mail when the interval is positive, then plans its next run. */
    final class ScheduledFetch extends Job {

        ScheduledFetch() {
            super(Messages.Fetch_job);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            double minutes;
            try {
                minutes = intervalMinutes();
            } catch (RuntimeException e) {
                schedule(RECHECK.toMillis());
                return new Status(IStatus.WARNING, PLUGIN_ID, NLS.bind(Messages.Fetch_failed, e.getMessage()), e);
            }
            if (minutes <= 0) {
                schedule(RECHECK.toMillis());
                return Status.OK_STATUS;
            }
            long interval = Math.max(1000, (long) (minutes * 60_000));
            try {
                FetchReport report = MailFetcherComponent.this.fetch(new MonitorProgress(monitor));
                schedule(interval);
                return new Status(IStatus.OK, PLUGIN_ID, NLS.bind(Messages.Fetch_done, Arrays.asList(
                        report.fetched(), report.ticketsNew(), report.ticketsContinued(), report.rejected())
                        .toArray()));
            } catch (RuntimeException e) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                schedule(interval);
                return new Status(IStatus.WARNING, PLUGIN_ID, NLS.bind(Messages.Fetch_failed, e.getMessage()), e);
            } finally {
                monitor.done();
            }
        }
    }
}
