package io.switchboard.customers.ui.internal.parts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.Need;
import io.switchboard.customers.ui.internal.Messages;

/**
 * A customer as the agent reads it, field by field, so two versions can be compared line by line when a save
 * finds that someone else changed the customer first.
 */
public final class Snapshot {

    /** One field that differs between the agent's version and the stored one. */
    public record Difference(String field, String loaded, String yours, String stored) {

        /** Someone else changed this field since the agent loaded the customer. */
        public boolean changedByOthers() {
            return !Objects.equals(loaded, stored);
        }

        /** The agent changed this field too. */
        public boolean changedByYou() {
            return !Objects.equals(loaded, yours);
        }
    }

    private Snapshot() {
    }

    public static Map<String, String> of(Customer customer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Messages.Field_name, text(customer.getName()));
        fields.put(Messages.Field_company, text(customer.getCompany()));
        fields.put(Messages.Field_country, text(customer.getCountry()));
        fields.put(Messages.Field_city, text(customer.getCity()));
        fields.put(Messages.Field_language, text(customer.getLanguage()));
        fields.put(Messages.Field_tags, String.join(", ", customer.getTags()));
        fields.put(Messages.Field_contacts, customer.getContactPoints().stream().map(Snapshot::contact)
                .collect(Collectors.joining("; ")));
        fields.put(Messages.Field_needs, customer.getNeeds().stream().map(Snapshot::need)
                .collect(Collectors.joining("; ")));
        fields.put(Messages.Field_customFields, customer.getCustomFields().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; ")));
        return fields;
    }

    /** Fields whose value differs between the agent's version and the stored one. */
    public static List<Difference> differences(Map<String, String> loaded, Map<String, String> yours,
            Map<String, String> stored) {
        List<Difference> differences = new ArrayList<>();
        for (String field : yours.keySet()) {
            String mine = yours.get(field);
            String theirs = stored.getOrDefault(field, "");
            if (!Objects.equals(mine, theirs)) {
                differences.add(new Difference(field, loaded.getOrDefault(field, ""), mine, theirs));
            }
        }
        return differences;
    }

    private static String contact(ContactPoint point) {
        String label = point.getLabel() == null || point.getLabel().isBlank() ? "" : " (" + point.getLabel() + ")";
        return Labels.KINDS.text(point.getKind()) + " " + text(point.getValue()) + label + (point.isPrimary() ? " \u2605" : "");
    }

    private static String need(Need need) {
        return text(need.getDescription()) + " [" + Labels.STATUSES.text(need.getStatus()) + "]";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
