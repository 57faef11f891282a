package io.switchboard.mail.campaigns.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.core.Progress;
import io.switchboard.core.Settings;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.mail.Campaigns;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.Outbox;
import io.switchboard.store.Database;

/**
 * The {@link Campaigns} service over {@link CampaignRunner} and {@link OptOuts}. The default rate is the setting
 * {@value #RATE} (messages per second, {@value #DEFAULT_RATE} when unset). Incoming mail to
 * {@code unsubscribe+TOKEN@domain} reaches {@link OptOuts#optOutByToken} through {@link #optOutByToken} (the
 * fetcher).
 */
@Component(service = Campaigns.class)
public class CampaignsComponent implements Campaigns {

    public static final String RATE = "mail.campaign.rate";
    public static final double DEFAULT_RATE = 10;

    @Reference
    private CustomerRepository customers;

    @Reference
    private Outbox outbox;

    @Reference
    private Mailboxes mailboxes;

    @Reference
    private Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Settings settings;

    private OptOuts optOuts;

    synchronized OptOuts optOuts() {
        if (optOuts == null) {
            optOuts = new OptOuts(database);
        }
        return optOuts;
    }

    @Override
    public CampaignReport run(String mailbox, String subject, String body, CustomerQuery segment,
            double messagesPerSecond, String agent, Progress progress) {
        double rate = messagesPerSecond > 0 ? messagesPerSecond : defaultRate();
        return new CampaignRunner(customers, outbox, mailboxes, optOuts(), database, 100).run(mailbox, subject, body,
                segment, rate, agent, progress == null ? Progress.NONE : progress);
    }

    double defaultRate() {
        Settings current = settings;
        if (current != null) {
            try {
                double rate = Double.parseDouble(current.get(RATE, Double.toString(DEFAULT_RATE)));
                if (rate > 0) {
                    return rate;
                }
            } catch (NumberFormatException e) {
                // the default below
            }
        }
        return DEFAULT_RATE;
    }

    @Override
    public void optOut(String address) {
        optOuts().optOut(address, null);
    }

    @Override
    public boolean optOutByToken(String token) {
        return token != null && !token.isBlank() && optOuts().optOutByToken(token.strip()).isPresent();
    }

    @Override
    public boolean isOptedOut(String address) {
        return optOuts().isOptedOut(address);
    }
}
