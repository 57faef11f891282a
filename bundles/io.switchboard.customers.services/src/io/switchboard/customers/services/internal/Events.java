package io.switchboard.customers.services.internal;

/** Where the plain store classes announce changes; the DS component forwards to Event Admin. */
@FunctionalInterface
public interface Events {

    Events NONE = (topic, id) -> {
    };

    /** @param id the customer concerned, or {@code null} for a change to many */
    void post(String topic, Long id);
}
