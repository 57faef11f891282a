package io.switchboard.customers.services.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.CsvWriter;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerQuery;

/**
 * Writes customers in the import format: the standard columns, then one column per custom field that any
 * exported customer has. Reads in pages by id, so memory stays flat however many customers there are.
 */
final class CsvExport {

    private static final int PAGE = 1000;

    private final CustomerStore store;

    CsvExport(CustomerStore store) {
        this.store = store;
    }

    long export(CustomerQuery query, Writer out, Progress progress) throws IOException {
        Progress monitor = progress != null ? progress : Progress.NONE;
        CustomerSearch search = CustomerSearch.of(query);
        long total = store.count(query);
        monitor.begin(Messages.Export_task, total);
        CsvWriter csv = new CsvWriter(out);
        long written = 0;
        try (Connection connection = store.connect()) {
            Map<String, String> fieldNames = fieldNames(connection, search);
            List<String> header = new ArrayList<>(CsvImport.STANDARD_COLUMNS);
            header.addAll(fieldNames.values());
            csv.write(header);
            long after = Long.MIN_VALUE;
            String where = search.where.isEmpty() ? " WHERE c.id > ?" : search.where + " AND c.id > ?";
            try (PreparedStatement select = connection.prepareStatement("SELECT c.id, c.name, c.country, c.city,"
                    + " c.company, c.custom_fields FROM customers c" + where + " ORDER BY c.id FETCH NEXT " + PAGE + " ROWS ONLY")) {
                while (!monitor.isCanceled()) {
                    int index = CustomerStore.bind(select, search.parameters);
                    select.setLong(index, after);
                    Map<Long, String[]> page = new LinkedHashMap<>();
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            page.put(row.getLong(1), new String[] { row.getString(2), row.getString(3),
                                    row.getString(4), row.getString(5), row.getString(6) });
                        }
                    }
                    if (page.isEmpty()) {
                        break;
                    }
                    Map<Long, Customer> details = details(connection, new ArrayList<>(page.keySet()));
                    for (Map.Entry<Long, String[]> entry : page.entrySet()) {
                        Customer customer = details.get(entry.getKey());
                        String[] columns = entry.getValue();
                        List<String> fields = new ArrayList<>(header.size());
                        fields.add(columns[0]);
                        fields.add(customer.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElse(""));
                        fields.add(customer.primaryPhone().map(ContactPoint::getValue).orElse(""));
                        fields.add(columns[1]);
                        fields.add(columns[2]);
                        fields.add(columns[3]);
                        Map<String, String> byKey = new HashMap<>();
                        CustomFieldColumns.unpack(columns[4])
                                .forEach((name, value) -> byKey.putIfAbsent(Normalize.text(name), value));
                        for (String key : fieldNames.keySet()) {
                            String value = byKey.get(key);
                            fields.add(value == null ? "" : value);
                        }
                        csv.write(fields);
                        after = entry.getKey();
                        written++;
                    }
                    monitor.worked(written);
                }
            }
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
        csv.flush();
        return written;
    }

    /**
     * Custom field names of the matching customers, by key, in the smallest spelling. Each customer keeps its
     * fields in the order of the columns they were imported from, so the header follows those orders: a name not
     * seen before goes right after the name that precedes it in that customer's row (or before the one that
     * follows it), which gives back a file's column order even when no customer has every column.
     */
    private static Map<String, String> fieldNames(Connection connection, CustomerSearch search) throws SQLException {
        Map<String, String> spellings = new HashMap<>();
        List<String> order = new ArrayList<>();
        String where = search.where.isEmpty() ? " WHERE c.custom_fields IS NOT NULL"
                : search.where + " AND c.custom_fields IS NOT NULL";
        try (PreparedStatement select = connection
                .prepareStatement("SELECT c.custom_fields FROM customers c" + where + " ORDER BY c.id")) {
            CustomerStore.bind(select, search.parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    List<String> keys = new ArrayList<>();
                    for (String name : CustomFieldColumns.unpack(row.getString(1)).keySet()) {
                        String key = Normalize.text(name);
                        keys.add(key);
                        spellings.merge(key, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    }
                    place(order, keys);
                }
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : order) {
            if (!CsvImport.STANDARD_COLUMNS.contains(key)) {
                names.put(key, spellings.get(key));
            }
        }
        return names;
    }

    /** Adds the keys of one row that {@code order} lacks, each next to a neighbour of its row. */
    private static void place(List<String> order, List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (order.contains(key)) {
                continue;
            }
            int at = order.size();
            if (i > 0) {
                at = order.indexOf(keys.get(i - 1)) + 1;
            } else {
                for (int j = 1; j < keys.size(); j++) {
                    int next = order.indexOf(keys.get(j));
                    if (next >= 0) {
                        at = next;
                        break;
                    }
                }
            }
            order.add(at, key);
        }
    }

    /** Contact points of a page of customers. */
    private static Map<Long, Customer> details(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Customer> customers = new HashMap<>();
        for (Long id : ids) {
            customers.put(id, new Customer());
        }
        for (List<Long> chunk : Batches.chunks(ids, Batches.IN_SIZE)) {
            String in = " IN (" + Batches.placeholders(chunk.size()) + ")";
            try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, kind, contact_value,"
                    + " is_primary FROM contact_points WHERE customer_id" + in + " ORDER BY customer_id, sort_order, id")) {
                Batches.bindIds(select, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ContactPoint point = new ContactPoint(ContactKind.valueOf(row.getString(2)), row.getString(3));
                        point.setPrimary(row.getBoolean(4));
                        customers.get(row.getLong(1)).getContactPoints().add(point);
                    }
                }
            }
        }
        return customers;
    }
}
