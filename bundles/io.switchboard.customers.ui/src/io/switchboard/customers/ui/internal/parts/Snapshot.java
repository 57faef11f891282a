package io.switchboard.customers.ui.internal.parts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.Need;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.ui.forms.FieldTexts;

/**
 * A customer as the agent reads it, field by field, so two versions can be compared line by line in the
 * {@link io.switchboard.ui.forms.ConflictPanel} when a save finds that someone else changed the customer first.
 */
public final class Snapshot {

    private Snapshot() {
    }

    public static Map<String, String> of(Customer customer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Messages.Field_name, FieldTexts.orEmpty(customer.getName()));
        fields.put(Messages.Field_company, FieldTexts.orEmpty(customer.getCompany()));
        fields.put(Messages.Field_country, FieldTexts.orEmpty(customer.getCountry()));
        fields.put(Messages.Field_city, FieldTexts.orEmpty(customer.getCity()));
        fields.put(Messages.Field_language, FieldTexts.orEmpty(customer.getLanguage()));
        fields.put(Messages.Field_tags, String.join(", ", customer.getTags()));
        fields.put(Messages.Field_contacts, customer.getContactPoints().stream().map(Snapshot::contact)
                .collect(Collectors.joining("; ")));
        fields.put(Messages.Field_needs, customer.getNeeds().stream().map(Snapshot::need)
                .collect(Collectors.joining("; ")));
        fields.put(Messages.Field_customFields, customer.getCustomFields().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; ")));
        return fields;
    }

    private static String contact(ContactPoint point) {
        String label = point.getLabel() == null || point.getLabel().isBlank() ? "" : " (" + point.getLabel() + ")";
        return Labels.KINDS.text(point.getKind()) + " " + FieldTexts.orEmpty(point.getValue()) + label
                + (point.isPrimary() ? " \u2605" : "");
    }

    private static String need(Need need) {
        return FieldTexts.orEmpty(need.getDescription()) + " [" + Labels.STATUSES.text(need.getStatus()) + "]";
    }
}
