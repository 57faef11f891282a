package io.switchboard.tickets.ui.internal.parts;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.ui.internal.Messages;
import io.switchboard.ui.forms.DateTexts;
import io.switchboard.ui.forms.FieldTexts;

/**
 * A ticket as the agent reads it, field by field, so the agent's version and the stored one can be compared line
 * by line in the {@link io.switchboard.ui.forms.ConflictPanel} when a save finds the ticket changed by someone else.
 */
public final class Snapshot {

    private Snapshot() {
    }

    public static Map<String, String> of(Ticket ticket) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Messages.Field_subject, FieldTexts.orEmpty(ticket.getSubject()));
        fields.put(Messages.Field_body, FieldTexts.orEmpty(ticket.getBody()));
        fields.put(Messages.Field_customer, Long.toString(ticket.getCustomerId()));
        fields.put(Messages.Field_type, Labels.TYPES.text(ticket.getType()));
        fields.put(Messages.Field_channel, Labels.CHANNELS.text(ticket.getChannel()));
        fields.put(Messages.Field_status, Labels.STATUSES.text(ticket.getStatus()));
        fields.put(Messages.Field_priority, Labels.PRIORITIES.text(ticket.getPriority()));
        fields.put(Messages.Field_category, FieldTexts.orEmpty(ticket.getCategory()));
        fields.put(Messages.Field_assignee, FieldTexts.orEmpty(ticket.getAssignee()));
        fields.put(Messages.Field_tags, String.join(", ", ticket.getTags()));
        fields.put(Messages.Field_due, DateTexts.dateTime(ticket.getDueAt()));
        return fields;
    }
}
