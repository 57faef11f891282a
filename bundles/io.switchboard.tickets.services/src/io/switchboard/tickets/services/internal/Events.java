package io.switchboard.tickets.services.internal;

/** Where the plain store classes announce changes; the DS component forwards to Event Admin. */
@FunctionalInterface
public interface Events {

    Events NONE = (topic, id) -> {
    };

    /** @param id the ticket concerned */
    void post(String topic, long id);
}
