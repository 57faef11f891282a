package io.switchboard.tickets.services.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.switchboard.store.Sql;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketStatus;

/**
 * A {@link TicketQuery} as SQL: the filters compare indexed key columns, the text is matched literally
 * ({@code %}, {@code _} and quotes are text, always passed as parameters) in subject and first message, ignoring
 * case. Every order ends with the id, so pages never overlap.
 */
record TicketSearch(String where, List<Object> parameters) {

    static TicketSearch of(TicketQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            // enum names only, never user text: safe to list literally, and the same plan for every page
            conditions.add("t.status IN (" + query.statuses().stream().sorted().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (query.category() != null) {
            conditions.add("t.category_key = ?");
            parameters.add(Validation.key(query.category()));
        }
        if (query.assignee() != null) {
            conditions.add("t.assignee_key = ?");
            parameters.add(Validation.key(query.assignee()));
        }
        if (query.customerId() != 0) {
            conditions.add("t.customer_id = ?");
            parameters.add(query.customerId());
        }
        if (query.text() != null) {
            String pattern = "%" + Sql.escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%";
            conditions.add("(LOWER(t.subject) LIKE ?" + Sql.LIKE_ESCAPE + " OR LOWER(t.body) LIKE ?" + Sql.LIKE_ESCAPE
                    + ")");
            parameters.add(pattern);
            parameters.add(pattern);
        }
        return new TicketSearch(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    static String orderBy(TicketQuery query) {
        String direction = query.ascending() ? " ASC" : " DESC";
        String column = switch (query.sort()) {
        case CREATED -> "t.created_at";
        case UPDATED -> "t.updated_at";
        case PRIORITY -> rank("t.priority", names(TicketPriority.values()));
        case STATUS -> rank("t.status", names(TicketStatus.values()));
        case SUBJECT -> "LOWER(t.subject)";
        case DUE -> "t.due_at";
        };
        // tickets without a due date come last either way
        String nulls = query.sort() == TicketQuery.Sort.DUE ? " NULLS LAST" : "";
        return " ORDER BY " + column + direction + nulls + ", t.id" + direction;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** The enum's order, not the alphabet's. */
    private static String rank(String column, List<String> names) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (int i = 0; i < names.size(); i++) {
            sql.append(" WHEN '").append(names.get(i)).append("' THEN ").append(i);
        }
        return sql.append(" END").toString();
    }
}
