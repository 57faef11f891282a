package io.switchboard.tickets.ui.internal.parts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.switchboard.app.forms.DateTexts;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.ui.internal.Messages;

/**
 * A ticket as the agent reads it, field by field, so the agent's version and the stored one can be compared line
 * by line when a save finds the ticket changed by someone else.
 */
public final class Snapshot {

    /** One field that differs between the agent's version and the stored one. */
    public record Difference(String field, String yours, String stored, boolean changedByOthers) {
    }

    private Snapshot() {
    }

    public static Map<String, String> of(Ticket ticket) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Messages.Field_subject, text(ticket.getSubject()));
        fields.put(Messages.Field_body, text(ticket.getBody()));
        fields.put(Messages.Field_customer, Long.toString(ticket.getCustomerId()));
        fields.put(Messages.Field_type, Labels.TYPES.text(ticket.getType()));
        fields.put(Messages.Field_channel, Labels.CHANNELS.text(ticket.getChannel()));
        fields.put(Messages.Field_status, Labels.STATUSES.text(ticket.getStatus()));
        fields.put(Messages.Field_priority, Labels.PRIORITIES.text(ticket.getPriority()));
        fields.put(Messages.Field_category, text(ticket.getCategory()));
        fields.put(Messages.Field_assignee, text(ticket.getAssignee()));
        fields.put(Messages.Field_tags, String.join(", ", ticket.getTags()));
        fields.put(Messages.Field_due, DateTexts.dateTime(ticket.getDueAt()));
        return fields;
    }

    /** Fields where the agent's version and the stored one differ; {@code changedByOthers} when stored moved. */
    public static List<Difference> differences(Map<String, String> loaded, Map<String, String> yours,
            Map<String, String> stored) {
        List<Difference> differences = new ArrayList<>();
        for (String field : yours.keySet()) {
            String mine = yours.get(field);
            String theirs = stored.getOrDefault(field, "");
            if (!Objects.equals(mine, theirs)) {
                differences.add(new Difference(field, mine, theirs, !Objects.equals(loaded.get(field), theirs)));
            }
        }
        return differences;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
