package io.switchboard.customers;

import java.util.List;

/**
 * Customers' timelines. Every channel (tickets, chat, mail, phone, notes) appends here; views list a customer's
 * entries newest first. Each append is announced on {@link io.switchboard.core.SwitchboardTopics#TIMELINE_ADDED}.
 */
public interface InteractionLog {

    /** Appends an entry and returns it with its id; the entry's customer must exist. */
    Interaction append(Interaction interaction);

    /** A customer's entries, newest first. */
    List<Interaction> timeline(long customerId, int offset, int limit);

    long count(long customerId);
}
