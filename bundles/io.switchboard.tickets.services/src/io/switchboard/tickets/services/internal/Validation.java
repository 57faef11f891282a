package io.switchboard.tickets.services.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

import io.switchboard.tickets.Ticket;

/** Checks a ticket before it is written; every message names the field, so the editor can point at it. */
final class Validation {

    /**
     * Trims the category and assignee (blank becomes none) and folds tags that differ only in case into one.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    static Ticket check(Ticket ticket) {
        required("type", ticket.getType());
        required("channel", ticket.getChannel());
        required("status", ticket.getStatus());
        required("priority", ticket.getPriority());
        if (ticket.getCustomerId() <= 0) {
            throw new IllegalArgumentException(NLS.bind(Messages.Ticket_required, "customerId"));
        }
        if (blank(ticket.getSubject()) && blank(ticket.getBody())) {
            throw new IllegalArgumentException(Messages.Ticket_subjectOrBody);
        }
        length("subject", ticket.getSubject(), Limits.SUBJECT);
        length("body", ticket.getBody(), Limits.BODY);
        ticket.setCategory(trimmed(ticket.getCategory()));
        length("category", ticket.getCategory(), Limits.CATEGORY);
        ticket.setAssignee(trimmed(ticket.getAssignee()));
        length("assignee", ticket.getAssignee(), Limits.ASSIGNEE);
        Map<String, String> tags = new LinkedHashMap<>();
        if (ticket.getTags() != null) {
            for (String tag : ticket.getTags()) {
                if (tag != null && !tag.isBlank()) {
                    length("tags", tag.trim(), Limits.TAG);
                    tags.putIfAbsent(key(tag), tag.trim());
                }
            }
        }
        ticket.setTags(new LinkedHashSet<>(tags.values()));
        return ticket;
    }

    /** Case-insensitive key of a filter value; {@code null} stays {@code null}. */
    static String key(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    static void length(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new IllegalArgumentException(NLS.bind(Messages.Ticket_tooLong, field, limit));
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(NLS.bind(Messages.Ticket_required, field));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    private Validation() {
    }
}
