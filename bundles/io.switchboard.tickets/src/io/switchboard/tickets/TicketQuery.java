package io.switchboard.tickets;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to list or count. Immutable; {@code with...} returns a changed copy. An empty status set means every
 * status. {@link #text()} matches subject and first message, case-insensitively, as plain text (never a pattern).
 * {@code customerId} 0 means every customer.
 */
public record TicketQuery(String text, Set<TicketStatus> statuses, String category, String assignee, long customerId,
        Sort sort, boolean ascending, int offset, int limit) {

    public enum Sort {
        CREATED, UPDATED, PRIORITY, STATUS, SUBJECT, DUE
    }

    /** Every ticket, newest first, first 100. */
    public static final TicketQuery ALL = new TicketQuery(null, Set.of(), null, null, 0, Sort.CREATED, false, 0, 100);

    public TicketQuery {
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        text = blankToNull(text);
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        category = blankToNull(category);
        assignee = blankToNull(assignee);
    }

    public TicketQuery withText(String newText) {
        return new TicketQuery(newText, statuses, category, assignee, customerId, sort, ascending, offset, limit);
    }

    public TicketQuery withStatuses(Set<TicketStatus> newStatuses) {
        return new TicketQuery(text, newStatuses, category, assignee, customerId, sort, ascending, offset, limit);
    }

    public TicketQuery withCategory(String newCategory) {
        return new TicketQuery(text, statuses, newCategory, assignee, customerId, sort, ascending, offset, limit);
    }

    public TicketQuery withAssignee(String newAssignee) {
        return new TicketQuery(text, statuses, category, newAssignee, customerId, sort, ascending, offset, limit);
    }

    public TicketQuery withCustomer(long newCustomerId) {
        return new TicketQuery(text, statuses, category, assignee, newCustomerId, sort, ascending, offset, limit);
    }

    public TicketQuery sortedBy(Sort newSort, boolean newAscending) {
        return new TicketQuery(text, statuses, category, assignee, customerId, newSort, newAscending, offset, limit);
    }

    public TicketQuery page(int newOffset, int newLimit) {
        return new TicketQuery(text, statuses, category, assignee, customerId, sort, ascending, newOffset, newLimit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
