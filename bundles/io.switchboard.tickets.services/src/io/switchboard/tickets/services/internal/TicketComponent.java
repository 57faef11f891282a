package io.switchboard.tickets.services.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.Database;
import io.switchboard.tickets.CategoryCorrection;
import io.switchboard.tickets.StaleTicketException;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketChange;
import io.switchboard.tickets.TicketMessage;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketSummary;

/**
 * The ticket repository, one component over one {@link TicketStore}. The classifier is optional and may come and
 * go (dynamic, greedy): without it tickets are stored unclassified.
 *
 * <p>It also listens for customers that are deleted or merged away: their tickets follow the customer they were
 * merged into, or go with the deleted customer ({@link TicketStore#customerGone}).
 */
@Component(service = { TicketRepository.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + SwitchboardTopics.CUSTOMER_DELETED)
public class TicketComponent implements TicketRepository, EventHandler {

    private static final System.Logger LOG = System.getLogger(TicketComponent.class.getName());

    @Reference
    private Database database;

    @Reference
    private CustomerRepository customers;

    @Reference
    private InteractionLog timeline;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TicketClassifier classifier;

    private TicketStore store;

    @Activate
    void activate() {
        // Nothing touches the database here: the data folder may not be chosen yet.
        store = new TicketStore(database, this::post, customers, timeline, () -> classifier);
    }

    /** The store behind the service, for the retraining and the demo in this bundle. */
    TicketStore store() {
        return store;
    }

    private void post(String topic, long id) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(SwitchboardTopics.PROPERTY_ID, id);
            events.postEvent(new Event(topic, properties));
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(SwitchboardTopics.PROPERTY_ID) instanceof Long customerId) {
            try {
                store.customerGone(customerId);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "tickets of customer " + customerId
                        + " could not follow the customer's deletion: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Ticket create(Ticket ticket, String agent) {
        return store.create(ticket, agent);
    }

    @Override
    public Optional<Ticket> createOnce(Ticket ticket, String agent, String importKey) {
        return store.create(ticket, agent, Objects.requireNonNull(importKey, "importKey"));
    }

    @Override
    public boolean isImported(String importKey) {
        return store.isImported(importKey);
    }

    @Override
    public Optional<Ticket> find(long id) {
        return store.find(id);
    }

    @Override
    public Ticket save(Ticket ticket, String agent) throws StaleTicketException {
        return store.save(ticket, agent);
    }

    @Override
    public void delete(long id) {
        store.delete(id);
    }

    @Override
    public TicketMessage addMessage(TicketMessage message) {
        return store.addMessage(message);
    }

    @Override
    public List<TicketMessage> conversation(long ticketId) {
        return store.conversation(ticketId);
    }

    @Override
    public List<TicketChange> history(long ticketId) {
        return store.history(ticketId);
    }

    @Override
    public List<TicketSummary> list(TicketQuery query) {
        return store.list(query);
    }

    @Override
    public long count(TicketQuery query) {
        return store.count(query);
    }

    @Override
    public List<String> categories() {
        return store.categories();
    }

    @Override
    public List<String> assignees() {
        return store.assignees();
    }

    @Override
    public List<CategoryCorrection> corrections() {
        return store.corrections();
    }
}
