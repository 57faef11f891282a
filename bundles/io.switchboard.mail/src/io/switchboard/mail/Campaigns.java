package io.switchboard.mail;

import io.switchboard.core.Progress;
import io.switchboard.customers.CustomerQuery;

/**
 * Sends one template to a segment of customers, personalised per customer and throttled. Customers who opted out
 * are skipped; every message carries a {@code List-Unsubscribe} header and link that records the opt-out.
 */
public interface Campaigns {

    /**
     * Queues one message per customer of the segment with an e-mail address and waits until the outbox has sent
     * them (or failed them), reporting progress; cancel stops queueing, what is queued is still sent.
     *
     * @param mailbox         the mailbox to send from, or {@code null} for the default
     * @param subject         subject with placeholders
     * @param body            body with placeholders (HTML when it starts with {@code <})
     * @param segment         which customers (country, tag, search text; paging is ignored)
     * @param messagesPerSecond throttle, {@code <= 0} for the configured default
     * @throws IllegalArgumentException when the template uses placeholders that some customers lack (names them and
     *                                  how many customers) before anything is queued
     */
    CampaignReport run(String mailbox, String subject, String body, CustomerQuery segment, double messagesPerSecond,
            String agent, Progress progress);

    /** Records that the address wants no more campaigns (the unsubscribe link and header end here). */
    void optOut(String address);

    boolean isOptedOut(String address);

    /**
     * Records the opt-out of the address an unsubscribe token was given to (incoming mail to
     * {@code unsubscribe+TOKEN@domain}).
     *
     * @return whether the token was known
     */
    boolean optOutByToken(String token);

    /**
     * @param campaignId the campaign's id
     * @param queued     messages queued
     * @param sent       accepted by the server
     * @param failed     refused for good
     * @param skipped    customers without an address or opted out
     */
    record CampaignReport(long campaignId, long queued, long sent, long failed, long skipped) {
    }
}
