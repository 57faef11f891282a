package io.switchboard.mail.services.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.core.DataFolder;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.mail.Mailboxes;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.OutgoingMail;
import io.switchboard.store.Database;
import io.switchboard.tickets.TicketMessage;
import io.switchboard.tickets.TicketRepository;

/**
 * The outbox service and its {@link OutboxSender}. Both start on the first use of the service, not at activation:
 * the command line chooses the data folder after the services are up. Sent messages are recorded in the
 * customer's timeline and the ticket's conversation when those services are there.
 */
@Component(service = Outbox.class)
public class OutboxComponent implements Outbox {

    /** Setting: the largest attachment, in bytes. */
    public static final String ATTACHMENT_LIMIT = "mail.attachment.limit.bytes";

    private static final System.Logger LOG = System.getLogger(OutboxComponent.class.getName());

    @Reference
    private Database database;

    @Reference
    private Mailboxes mailboxes;

    @Reference
    private DataFolder dataFolder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Settings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InteractionLog timeline;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TicketRepository tickets;

    private OutboxStore store;
    private OutboxSender sender;

    /** The store, creating it and starting the sender on first use. */
    synchronized OutboxStore store() {
        if (store == null) {
            MailboxStore boxes = mailboxes instanceof MailboxComponent component ? component.store()
                    : new MailboxStore(database, Secrets.NONE);
            store = new OutboxStore(boxes, database, dataFolder.resolve("mail"), this::post, this::attachmentLimit);
            sender = new OutboxSender(store, this::record, OutboxSender.Settings.DEFAULT);
            sender.start();
        }
        return store;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        OutboxSender running;
        synchronized (this) {
            running = sender;
        }
        if (running != null) {
            running.stop();
        }
    }

    private long attachmentLimit() {
        Settings current = settings;
        if (current != null) {
            try {
                return Long.parseLong(current.get(ATTACHMENT_LIMIT, Long.toString(OutboxStore.DEFAULT_ATTACHMENT_LIMIT)));
            } catch (NumberFormatException e) {
                LOG.log(System.Logger.Level.WARNING, ATTACHMENT_LIMIT + ": " + e.getMessage());
            }
        }
        return OutboxStore.DEFAULT_ATTACHMENT_LIMIT;
    }

    private void post(String topic, long id) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(SwitchboardTopics.PROPERTY_ID, id);
            events.postEvent(new Event(topic, properties));
        }
    }

    private void record(Pending pending, Instant at) {
        String body = pending.text() != null && !pending.text().isEmpty() ? pending.text()
                : HtmlText.plain(pending.html() == null ? "" : pending.html());
        InteractionLog log = timeline;
        if (pending.customerId() != null && log != null) {
            Interaction interaction = new Interaction();
            interaction.setCustomerId(pending.customerId());
            interaction.setChannel(Channel.MAIL);
            interaction.setDirection(Direction.OUTBOUND);
            interaction.setOccurredAt(at);
            interaction.setAgent(truncate(pending.agent(), 100));
            interaction.setSummary(truncate(pending.subject(), 500));
            interaction.setBody(truncate(body, 32000));
            interaction.setReference(truncate(pending.messageId(), 200));
            log.append(interaction);
        }
        TicketRepository repository = tickets;
        if (pending.ticketId() != null && repository != null) {
            repository.addMessage(new TicketMessage(null, pending.ticketId(), Direction.OUTBOUND,
                    pending.agent() == null ? "" : pending.agent(), at,
                    body.isEmpty() ? pending.subject() : body));
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    @Override
    public OutboxEntry queue(OutgoingMail mail) {
        OutboxEntry entry = store().queue(mail);
        sender.wake();
        return entry;
    }

    /** Queues a batch in one transaction (campaigns, the benchmark). */
    public List<OutboxEntry> queueAll(List<OutgoingMail> mails) {
        List<OutboxEntry> entries = store().queueAll(mails);
        sender.wake();
        return entries;
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return store().find(id);
    }

    @Override
    public List<OutboxEntry> list(OutboxState state, int offset, int limit) {
        return store().list(state, offset, limit);
    }

    @Override
    public long count(OutboxState state) {
        return store().count(state);
    }

    @Override
    public void retry(long id) {
        store().retry(id);
        sender.wake();
    }

    @Override
    public void sendNow() {
        store();
        sender.wake();
    }
}
