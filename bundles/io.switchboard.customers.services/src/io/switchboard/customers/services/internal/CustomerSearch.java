package io.switchboard.customers.services.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.switchboard.customers.CustomerQuery;
import io.switchboard.store.Sql;

/**
 * Turns a {@link CustomerQuery} into a WHERE clause over {@code customers c} and its parameters. All text search
 * lives here, so that an index (e.g. Lucene) can replace the LIKE scans without touching the callers.
 *
 * <p>User text only ever reaches the database as a parameter, with LIKE wildcards escaped.
 */
final class CustomerSearch {

    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ()./\\-]+");

    final String where;
    final List<Object> parameters;

    private CustomerSearch(String where, List<Object> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    static CustomerSearch of(CustomerQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.country() != null) {
            conditions.add("c.country_key = ?");
            parameters.add(Normalize.text(query.country()));
        }
        if (query.city() != null) {
            conditions.add("c.city_key = ?");
            parameters.add(Normalize.text(query.city()));
        }
        if (query.tag() != null) {
            conditions.add("EXISTS (SELECT 1 FROM tags t WHERE t.customer_id = c.id AND t.tag_key = ?)");
            parameters.add(Normalize.text(query.tag()));
        }
        if (query.fieldKey() != null) {
            conditions.add("c.custom_field_keys LIKE ?" + Sql.LIKE_ESCAPE);
            parameters.add(query.fieldValue() == null ? CustomFieldColumns.likeName(query.fieldKey())
                    : CustomFieldColumns.likeValue(query.fieldKey(), query.fieldValue()));
        }
        if (query.text() != null) {
            for (String term : terms(query.text())) {
                textCondition(term, conditions, parameters);
            }
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new CustomerSearch(where, parameters);
    }

    /** A phone number is one term whatever its spaces; other text matches word by word. */
    private static List<String> terms(String text) {
        String trimmed = text.trim();
        if (PHONE_LIKE.matcher(trimmed).matches() && Normalize.phone(trimmed).length() >= 3) {
            return List.of(trimmed);
        }
        return List.of(trimmed.split("\\s+"));
    }

    private static void textCondition(String term, List<String> conditions, List<Object> parameters) {
        String pattern = "%" + Sql.escapeLike(Normalize.text(term)) + "%";
        // IN over one scan of contact_points, not a correlated EXISTS: on a million customers the EXISTS form
        // probed the index once per customer and took ten times as long.
        StringBuilder condition = new StringBuilder("(c.name_key LIKE ?" + Sql.LIKE_ESCAPE + " OR c.company_key LIKE ?"
                + Sql.LIKE_ESCAPE + " OR c.id IN (SELECT p.customer_id FROM contact_points p"
                + " WHERE p.contact_key LIKE ?" + Sql.LIKE_ESCAPE);
        parameters.add(pattern);
        parameters.add(pattern);
        parameters.add(pattern);
        String digits = Normalize.phone(term);
        if (PHONE_LIKE.matcher(term).matches() && digits.length() >= 3 && !digits.equals(Normalize.text(term))) {
            // "+86 138-0013" finds the digits-only key of "13800138000".
            condition.append(" OR p.contact_key LIKE ?");
            parameters.add("%" + digits + "%");
        }
        condition.append("))");
        conditions.add(condition.toString());
    }

    static String orderBy(CustomerQuery query) {
        String column = switch (query.sort()) {
        case NAME -> "c.name_key";
        case COMPANY -> "c.company_key";
        case COUNTRY -> "c.country_key";
        case CITY -> "c.city_key";
        case CREATED -> "c.created_at";
        case UPDATED -> "c.updated_at";
        };
        String direction = query.ascending() ? " ASC" : " DESC";
        // The id breaks ties, so that pages neither repeat nor skip rows.
        return " ORDER BY " + column + direction + ", c.id" + direction;
    }
}
