package io.switchboard.customers.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerMerger.Field;
import io.switchboard.customers.CustomerMerger.Side;
import io.switchboard.customers.StaleCustomerException;

/**
 * Merges two customers in one transaction: chosen fields are copied, the other record's contact points (except
 * values the kept one already has), transactions, needs, tags, custom fields and timeline entries move over,
 * and the other record is deleted. Rows are moved with UPDATE rather than copied, so their ids stay valid.
 */
final class Merge {

    private final CustomerStore store;

    Merge(CustomerStore store) {
        this.store = store;
    }

    Customer merge(long keptId, long otherId, Map<Field, Side> choices) throws StaleCustomerException {
        if (keptId == otherId) {
            throw new IllegalArgumentException(NLS.bind(Messages.Customer_mergeSame, keptId));
        }
        boolean merged;
        try {
            merged = store.database().inTransaction(connection -> {
                Customer kept = CustomerStore.load(connection, keptId);
                Customer other = CustomerStore.load(connection, otherId);
                if (kept == null || other == null) {
                    throw new IllegalArgumentException(
                            NLS.bind(Messages.Customer_notFound, kept == null ? keptId : otherId));
                }
                if (!updateKept(connection, kept, other, choices)) {
                    return false;
                }
                moveContactPoints(connection, kept, other);
                for (String table : new String[] { "transactions", "needs", "interactions" }) {
                    try (PreparedStatement move = connection
                            .prepareStatement("UPDATE " + table + " SET customer_id = ? WHERE customer_id = ?")) {
                        move.setLong(1, keptId);
                        move.setLong(2, otherId);
                        move.executeUpdate();
                    }
                }
                // Tags the kept record already has stay as they are; the rest move over (fields: updateKept).
                try (PreparedStatement move = connection.prepareStatement("UPDATE tags SET customer_id = ?,"
                        + " sort_order = sort_order + 10000 WHERE customer_id = ? AND tag_key NOT IN"
                        + " (SELECT t.tag_key FROM tags t WHERE t.customer_id = ?)")) {
                    move.setLong(1, keptId);
                    move.setLong(2, otherId);
                    move.setLong(3, keptId);
                    move.executeUpdate();
                }
                CustomerRows.delete(connection, otherId);
                return true;
            });
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
        if (!merged) {
            throw new StaleCustomerException(store.find(keptId).orElseThrow());
        }
        store.indexed(List.of(keptId, otherId));
        store.events().post(SwitchboardTopics.CUSTOMER_UPDATED, keptId);
        store.events().post(SwitchboardTopics.CUSTOMER_DELETED, otherId);
        return store.find(keptId).orElseThrow();
    }

    private static boolean updateKept(Connection connection, Customer kept, Customer other, Map<Field, Side> choices)
            throws SQLException {
        Set<Field> fromOther = EnumSet.noneOf(Field.class);
        choices.forEach((field, side) -> {
            if (side == Side.OTHER) {
                fromOther.add(field);
            }
        });
        String name = fromOther.contains(Field.NAME) ? other.getName() : kept.getName();
        String company = fromOther.contains(Field.COMPANY) ? other.getCompany() : kept.getCompany();
        String country = fromOther.contains(Field.COUNTRY) ? other.getCountry() : kept.getCountry();
        String city = fromOther.contains(Field.CITY) ? other.getCity() : kept.getCity();
        String language = fromOther.contains(Field.LANGUAGE) ? other.getLanguage() : kept.getLanguage();
        // Fields the kept record already has keep its values; the other's further fields follow them.
        Map<String, String> fields = new LinkedHashMap<>(kept.getCustomFields());
        Set<String> keys = new HashSet<>();
        fields.keySet().forEach(key -> keys.add(Normalize.text(key)));
        other.getCustomFields().forEach((key, value) -> {
            if (keys.add(Normalize.text(key))) {
                fields.put(key, value);
            }
        });
        if (!CustomFieldColumns.fits(fields)) {
            throw new IllegalArgumentException(
                    NLS.bind(Messages.Customer_tooLong, "customFields", CustomFieldColumns.MAX_LENGTH));
        }
        try (PreparedStatement update = connection.prepareStatement(CustomerRows.UPDATE_CHECKED)) {
            CustomerRows.Values values = new CustomerRows.Values(name, company, country, city, language, fields);
            int version = CustomerRows.bindUpdate(update, kept.getId(), values, Timestamp.from(Instant.now()));
            update.setLong(version, kept.getVersion());
            return update.executeUpdate() == 1;
        }
    }

    private static void moveContactPoints(Connection connection, Customer kept, Customer other) throws SQLException {
        Set<String> keys = new HashSet<>();
        Set<ContactKind> primaryKinds = EnumSet.noneOf(ContactKind.class);
        for (ContactPoint point : kept.getContactPoints()) {
            keys.add(point.getKind() + ":" + Normalize.contact(point.getKind(), point.getValue()));
            if (point.isPrimary()) {
                primaryKinds.add(point.getKind());
            }
        }
        // After the kept record's last place: a contact point's key is its customer and place.
        int order;
        try (PreparedStatement last = connection
                .prepareStatement("SELECT MAX(sort_order) FROM contact_points WHERE customer_id = ?")) {
            last.setLong(1, kept.getId());
            try (ResultSet row = last.executeQuery()) {
                order = row.next() && row.getObject(1) != null ? row.getInt(1) + 1 : 0;
            }
        }
        try (PreparedStatement move = connection.prepareStatement(ContactPointRows.MOVE);
                PreparedStatement delete = connection.prepareStatement(ContactPointRows.DELETE_ONE)) {
            for (ContactPoint point : other.getContactPoints()) {
                String key = point.getKind() + ":" + Normalize.contact(point.getKind(), point.getValue());
                if (!keys.add(key)) {
                    delete.setLong(1, other.getId());
                    delete.setLong(2, point.getId());
                    delete.executeUpdate();
                    continue;
                }
                move.setLong(1, kept.getId());
                move.setInt(2, order++);
                move.setBoolean(3, point.isPrimary() && primaryKinds.add(point.getKind()));
                move.setLong(4, other.getId());
                move.setLong(5, point.getId());
                move.executeUpdate();
            }
        }
    }
}
