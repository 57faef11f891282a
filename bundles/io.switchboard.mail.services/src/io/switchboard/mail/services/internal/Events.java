package io.switchboard.mail.services.internal;

/** Where the plain classes announce changes (after commit); the DS component forwards to Event Admin. */
@FunctionalInterface
public interface Events {

    Events NONE = (topic, id) -> {
    };

    /** @param id the outbox entry concerned */
    void post(String topic, long id);
}
