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
                    + " c.company FROM customers c" + where + " ORDER BY c.id FETCH NEXT " + PAGE + " ROWS ONLY")) {
                while (!monitor.isCanceled()) {
                    int index = CustomerStore.bind(select, search.parameters);
                    select.setLong(index, after);
                    Map<Long, String[]> page = new LinkedHashMap<>();
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            page.put(row.getLong(1), new String[] { row.getString(2), row.getString(3),
                                    row.getString(4), row.getString(5) });
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
                        for (String key : fieldNames.keySet()) {
                            fields.add(customer.getCustomFields().getOrDefault(key, ""));
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

    /** Custom field names of the matching customers, by key, in the spelling first seen. */
    private static Map<String, String> fieldNames(Connection connection, CustomerSearch search) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT f.name_key, MIN(f.field_name),"
                + " MIN(f.sort_order) FROM custom_fields f WHERE f.customer_id IN (SELECT c.id FROM customers c"
                + search.where + ") GROUP BY f.name_key ORDER BY 3, 1")) {
            CustomerStore.bind(select, search.parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String name = row.getString(2);
                    if (!CsvImport.STANDARD_COLUMNS.contains(row.getString(1))) {
                        names.put(row.getString(1), name);
                    }
                }
            }
        }
        return names;
    }

    /** Contact points and custom fields (by key) of a page of customers. */
    private static Map<Long, Customer> details(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Customer> customers = new HashMap<>();
        for (Long id : ids) {
            customers.put(id, new Customer());
        }
        for (List<Long> chunk : Batches.chunks(ids, Batches.IN_SIZE)) {
            String in = " IN (" + Batches.placeholders(chunk.size()) + ")";
            try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, kind, contact_value,"
                    + " is_primary FROM contact_points WHERE customer_id" + in + " ORDER BY customer_id, sort_order, id")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ContactPoint point = new ContactPoint(ContactKind.valueOf(row.getString(2)), row.getString(3));
                        point.setPrimary(row.getBoolean(4));
                        customers.get(row.getLong(1)).getContactPoints().add(point);
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT customer_id, name_key, field_value FROM custom_fields WHERE customer_id" + in)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        customers.get(row.getLong(1)).getCustomFields().put(row.getString(2), row.getString(3));
                    }
                }
            }
        }
        return customers;
    }
}
