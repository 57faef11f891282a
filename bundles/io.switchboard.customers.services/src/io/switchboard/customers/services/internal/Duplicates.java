package io.switchboard.customers.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.switchboard.core.Progress;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.DuplicateFinder;
import io.switchboard.customers.DuplicateFinder.DuplicateGroup;
import io.switchboard.customers.DuplicateFinder.Reason;
import io.switchboard.store.Sql;

/**
 * Finds customers that are probably one person. Same e-mail and same phone are one sorted read of the contact
 * points each. Similar names use blocking: customers are read once, sorted by country and name, and a name is
 * compared only with the few names just before it that share its country and first letter (sorted
 * neighbourhood), so the cost grows with n, not n². Groups hold at most the window's names.
 */
final class Duplicates {

    /** How many preceding names in the same block each name is compared with. */
    static final int WINDOW = 20;
    private static final int MIN_PHONE_DIGITS = 6;
    private static final int MAX_GROUPS = DuplicateFinder.MAX_GROUPS_PER_REASON;

    private final CustomerStore store;

    Duplicates(CustomerStore store) {
        this.store = store;
    }

    List<DuplicateGroup> findAll(Progress progress) {
        Progress monitor = progress != null ? progress : Progress.NONE;
        monitor.begin(Messages.Duplicates_task, 3);
        List<DuplicateGroup> groups = new ArrayList<>();
        try (Connection connection = store.connect()) {
            groups.addAll(sameContact(connection, Reason.SAME_EMAIL, "kind = 'EMAIL'", null));
            monitor.worked(1);
            if (monitor.isCanceled()) {
                return groups;
            }
            groups.addAll(sameContact(connection, Reason.SAME_PHONE, "kind IN ('MOBILE', 'LANDLINE')", null));
            monitor.worked(2);
            if (monitor.isCanceled()) {
                return groups;
            }
            groups.addAll(similarNames(connection, monitor));
            monitor.worked(3);
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
        return oneGroupPerSet(groups);
    }

    /**
     * Groups of the same customers found for different reasons (the same phone and a similar name, say) become one
     * group with every reason, where the first of them was; groups of other sets of customers stay as they are.
     */
    static List<DuplicateGroup> oneGroupPerSet(List<DuplicateGroup> groups) {
        Map<Set<Long>, DuplicateGroup> bySet = new LinkedHashMap<>();
        for (DuplicateGroup group : groups) {
            Set<Long> ids = new HashSet<>();
            group.customers().forEach(customer -> ids.add(customer.id()));
            bySet.merge(ids, group, DuplicateGroup::with);
        }
        return new ArrayList<>(bySet.values());
    }

    List<DuplicateGroup> of(long customerId) {
        List<DuplicateGroup> groups = new ArrayList<>();
        try (Connection connection = store.connect()) {
            groups.addAll(sameContact(connection, Reason.SAME_EMAIL, "kind = 'EMAIL'", customerId));
            groups.addAll(sameContact(connection, Reason.SAME_PHONE, "kind IN ('MOBILE', 'LANDLINE')", customerId));
            String name = null;
            String country = null;
            try (PreparedStatement select = connection
                    .prepareStatement("SELECT name, country_key FROM customers WHERE id = ?")) {
                select.setLong(1, customerId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        name = row.getString(1);
                        country = row.getString(2);
                    }
                }
            }
            if (name != null) {
                String normalised = Normalize.name(name);
                if (!normalised.isEmpty()) {
                    List<Long> similar = new ArrayList<>();
                    similar.add(customerId);
                    String sql = "SELECT id, name FROM customers WHERE id <> ? AND name_key LIKE ?"
                            + Sql.LIKE_ESCAPE
                            + (country == null ? " AND country_key IS NULL" : " AND country_key = ?")
                            + " FETCH FIRST 2000 ROWS ONLY";
                    try (PreparedStatement select = connection.prepareStatement(sql)) {
                        select.setLong(1, customerId);
                        select.setString(2, Sql.escapeLike(
                                Normalize.text(name).substring(0, 1)) + "%");
                        if (country != null) {
                            select.setString(3, country);
                        }
                        try (ResultSet row = select.executeQuery()) {
                            while (row.next()) {
                                if (similar(normalised, Normalize.name(row.getString(2)))) {
                                    similar.add(row.getLong(1));
                                }
                            }
                        }
                    }
                    if (similar.size() > 1) {
                        groups.add(new DuplicateGroup(Reason.SIMILAR_NAME, name, store.summaries(connection, similar)));
                    }
                }
            }
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
        return oneGroupPerSet(groups);
    }

    /**
     * Customers sharing a contact key; all of them, or only those sharing one with {@code customerId}. The keys
     * have no index in the database (e-mail matching goes through the text index), so the contact points are read
     * once, sorted by key, and each run of one key with more than one customer is a group.
     */
    private List<DuplicateGroup> sameContact(Connection connection, Reason reason, String kinds, Long customerId)
            throws SQLException {
        String sql = "SELECT p.contact_key, p.customer_id, p.contact_value FROM contact_points p WHERE p." + kinds
                + (reason == Reason.SAME_PHONE ? " AND LENGTH(p.contact_key) >= " + MIN_PHONE_DIGITS : "")
                + (customerId == null ? ""
                        : " AND p.contact_key IN (SELECT q.contact_key FROM contact_points q WHERE q.customer_id = ?)")
                + " ORDER BY p.contact_key, p.customer_id";
        List<DuplicateGroup> groups = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(1000);
            if (customerId != null) {
                select.setLong(1, customerId);
            }
            try (ResultSet row = select.executeQuery()) {
                String key = null;
                String shown = null;
                List<Long> ids = new ArrayList<>();
                boolean more = row.next();
                while (groups.size() < MAX_GROUPS) {
                    if (!more || !row.getString(1).equals(key)) {
                        if (ids.size() > 1) {
                            groups.add(new DuplicateGroup(reason, shown, store.summaries(connection, ids)));
                        }
                        if (!more) {
                            break;
                        }
                        key = row.getString(1);
                        shown = row.getString(3);
                        ids = new ArrayList<>();
                    }
                    long id = row.getLong(2);
                    if (ids.isEmpty() || ids.get(ids.size() - 1) != id) {
                        ids.add(id);
                    }
                    String value = row.getString(3);
                    if (value.compareTo(shown) < 0) {
                        shown = value;
                    }
                    more = row.next();
                }
            }
        }
        return groups;
    }

    private List<DuplicateGroup> similarNames(Connection connection, Progress monitor) throws SQLException {
        // Groups are anchored on their first member and a name joins only if it is like the anchor too, so a
        // chain of each-a-bit-different names cannot grow into one giant group.
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        Map<Long, Long> anchorOf = new HashMap<>();
        Map<Long, String[]> anchors = new HashMap<>();
        Deque<Object[]> window = new ArrayDeque<>();
        String block = null;
        long scanned = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, country_key FROM customers ORDER BY country_key, name_key, id")) {
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong(1);
                    String name = row.getString(2);
                    String normalised = Normalize.name(name);
                    String key = Objects.toString(row.getString(3), "") + "\u0000"
                            + (normalised.isEmpty() ? "" : normalised.substring(0, 1));
                    if (!key.equals(block)) {
                        window.clear();
                        block = key;
                    }
                    for (Object[] earlier : window) {
                        if (!similar(normalised, (String) earlier[1])) {
                            continue;
                        }
                        long earlierId = (Long) earlier[0];
                        long anchor = anchorOf.getOrDefault(earlierId, earlierId);
                        String[] anchorName = anchors.computeIfAbsent(anchor,
                                k -> new String[] { (String) earlier[1], (String) earlier[2] });
                        if (anchor == earlierId || similar(normalised, anchorName[0])) {
                            groups.computeIfAbsent(anchor, k -> new ArrayList<>(List.of(k))).add(id);
                            anchorOf.put(anchor, anchor);
                            anchorOf.put(id, anchor);
                            break;
                        }
                    }
                    window.addFirst(new Object[] { id, normalised, name });
                    if (window.size() > WINDOW) {
                        window.removeLast();
                    }
                    if (++scanned % 100_000 == 0 && monitor.isCanceled()) {
                        break;
                    }
                }
            }
        }
        List<DuplicateGroup> result = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> group : groups.entrySet()) {
            if (result.size() >= MAX_GROUPS) {
                break;
            }
            result.add(new DuplicateGroup(Reason.SIMILAR_NAME, anchors.get(group.getKey())[1],
                    store.summaries(connection, group.getValue())));
        }
        return result;
    }

    private static boolean similar(String a, String b) {
        return NameSimilarity.similarNormalised(a, b);
    }
}
