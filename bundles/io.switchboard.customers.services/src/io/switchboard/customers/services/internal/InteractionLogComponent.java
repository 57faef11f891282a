package io.switchboard.customers.services.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.store.Database;
import io.switchboard.store.PersistenceUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/** Timelines through JPA: a flat entity mapped by {@code orm.xml}, where an object mapping costs nothing. */
@Component(service = InteractionLog.class)
public class InteractionLogComponent implements InteractionLog {

    static final String SEQUENCE = "interactions";

    @Reference
    private Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private CustomerStore store;

    private synchronized EntityManagerFactory factory() {
        if (store == null) {
            store = new CustomerStore(database, Events.NONE);
        }
        store.database();
        return database.entityManagerFactory(new PersistenceUnit("customers.interactions",
                InteractionLogComponent.class.getClassLoader(),
                List.of(Interaction.class.getName(), InstantConverter.class.getName()),
                List.of("io/switchboard/customers/services/internal/orm.xml")));
    }

    @Override
    public Interaction append(Interaction interaction) {
        if (interaction.getChannel() == null || interaction.getDirection() == null) {
            throw new IllegalArgumentException("channel and direction are required");
        }
        EntityManagerFactory factory = factory();
        if (store.find(interaction.getCustomerId()).isEmpty()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Customer_notFound, interaction.getCustomerId()));
        }
        if (interaction.getOccurredAt() == null) {
            interaction.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
        interaction.setId(database.allocateIds(SEQUENCE, 1));
        EntityManager manager = factory.createEntityManager();
        try {
            manager.getTransaction().begin();
            manager.persist(interaction);
            manager.getTransaction().commit();
        } finally {
            if (manager.getTransaction().isActive()) {
                manager.getTransaction().rollback();
            }
            manager.close();
        }
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(SwitchboardTopics.TIMELINE_ADDED, Map.of(SwitchboardTopics.PROPERTY_ID,
                    interaction.getCustomerId(), "interaction", interaction.getId())));
        }
        return interaction;
    }

    @Override
    public List<Interaction> timeline(long customerId, int offset, int limit) {
        EntityManager manager = factory().createEntityManager();
        try {
            return manager.createQuery("SELECT i FROM Interaction i WHERE i.customerId = :customer"
                    + " ORDER BY i.occurredAt DESC, i.id DESC", Interaction.class)
                    .setParameter("customer", customerId).setFirstResult(offset).setMaxResults(limit).getResultList();
        } finally {
            manager.close();
        }
    }

    @Override
    public long count(long customerId) {
        EntityManager manager = factory().createEntityManager();
        try {
            return manager.createQuery("SELECT COUNT(i) FROM Interaction i WHERE i.customerId = :customer", Long.class)
                    .setParameter("customer", customerId).getSingleResult();
        } finally {
            manager.close();
        }
    }
}
