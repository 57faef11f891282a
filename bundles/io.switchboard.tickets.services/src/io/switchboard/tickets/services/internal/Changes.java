package io.switchboard.tickets.services.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketChange;

/** The history entries of one save: every field whose value differs, by its name in {@link Ticket}. */
final class Changes {

    private record Field(String name, Function<Ticket, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("customerId", Ticket::getCustomerId),
            new Field("type", Ticket::getType),
            new Field("subject", Ticket::getSubject),
            new Field("body", Ticket::getBody),
            new Field("channel", Ticket::getChannel),
            new Field("status", Ticket::getStatus),
            new Field("priority", Ticket::getPriority),
            new Field("category", Ticket::getCategory),
            new Field("assignee", Ticket::getAssignee),
            new Field("tags", t -> t.getTags() == null || t.getTags().isEmpty() ? null : String.join(", ", t.getTags())),
            new Field("dueAt", Ticket::getDueAt));

    static List<TicketChange> between(Ticket before, Ticket after, long id, Instant at, String agent) {
        List<TicketChange> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            Object old = field.value().apply(before);
            Object now = field.value().apply(after);
            if (!Objects.equals(old, now)) {
                changes.add(new TicketChange(id, at, agent, field.name(), text(old), text(now)));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private Changes() {
    }
}
