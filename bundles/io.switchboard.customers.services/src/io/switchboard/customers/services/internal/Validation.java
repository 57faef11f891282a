package io.switchboard.customers.services.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.services.internal.Normalize.Limits;

/** Checks a customer before it is written; every message names the field, so the editor can point at it. */
final class Validation {

    /**
     * @return the customer, with tags that differ only in case folded into one
     * @throws IllegalArgumentException naming the first invalid field
     */
    static Customer check(Customer customer) {
        if (customer.getName() == null || customer.getName().isBlank()) {
            throw new IllegalArgumentException(Messages.Customer_nameRequired);
        }
        length("name", customer.getName(), Limits.NAME);
        length("company", customer.getCompany(), Limits.COMPANY);
        length("country", customer.getCountry(), Limits.COUNTRY);
        length("city", customer.getCity(), Limits.CITY);
        length("language", customer.getLanguage(), Limits.LANGUAGE);
        for (ContactPoint point : customer.getContactPoints()) {
            if (point.getKind() == null || point.getValue() == null || point.getValue().isBlank()) {
                throw new IllegalArgumentException(NLS.bind(Messages.Customer_contactRequired, "contactPoints"));
            }
            switch (point.getKind()) {
            case EMAIL -> {
                if (!Normalize.isEmail(point.getValue())) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Customer_invalidEmail, point.getValue()));
                }
            }
            case MOBILE, LANDLINE -> {
                if (!Normalize.isPhone(point.getValue())) {
                    throw new IllegalArgumentException(NLS.bind(Messages.Customer_invalidPhone, point.getValue()));
                }
            }
            case CHAT -> length("chat", point.getValue(), Limits.CONTACT);
            }
            length("label", point.getLabel(), Limits.LABEL);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : customer.getTags()) {
            if (tag != null && !tag.isBlank()) {
                length("tags", tag, Limits.TAG);
                tags.putIfAbsent(Normalize.text(tag), tag.trim());
            }
        }
        customer.setTags(new LinkedHashSet<>(tags.values()));
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : customer.getCustomFields().entrySet()) {
            if (field.getKey() == null || field.getKey().isBlank()) {
                continue;
            }
            length("customFields", field.getKey(), Limits.FIELD_NAME);
            length(field.getKey(), field.getValue(), Limits.FIELD_VALUE);
            if (seen.putIfAbsent(Normalize.text(field.getKey()), field.getKey()) == null) {
                fields.put(field.getKey().trim(), field.getValue());
            }
        }
        if (!CustomFieldColumns.fits(fields)) {
            throw new IllegalArgumentException(
                    NLS.bind(Messages.Customer_tooLong, "customFields", CustomFieldColumns.MAX_LENGTH));
        }
        customer.setCustomFields(fields);
        return customer;
    }

    private static void length(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new IllegalArgumentException(NLS.bind(Messages.Customer_tooLong, field, limit));
        }
    }

    private Validation() {
    }
}
