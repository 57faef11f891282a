package io.switchboard.tickets.ui.internal.parts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketType;
import io.switchboard.tickets.ui.internal.Messages;

/** How enum values, dates and sizes read in the agent's language. */
public final class Labels {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    public static final TicketStatus[] STATUSES = TicketStatus.values();
    public static final TicketPriority[] PRIORITIES = TicketPriority.values();
    public static final TicketType[] TYPES = TicketType.values();
    public static final Channel[] CHANNELS = Channel.values();

    private Labels() {
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public static String shortDateTime(Instant instant) {
        return instant == null ? "" : SHORT.format(instant);
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    public static String status(TicketStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
        case NEW -> Messages.Status_new;
        case OPEN -> Messages.Status_open;
        case PENDING -> Messages.Status_pending;
        case RESOLVED -> Messages.Status_resolved;
        case CLOSED -> Messages.Status_closed;
        };
    }

    public static String priority(TicketPriority priority) {
        if (priority == null) {
            return "";
        }
        return switch (priority) {
        case LOW -> Messages.Priority_low;
        case NORMAL -> Messages.Priority_normal;
        case HIGH -> Messages.Priority_high;
        case URGENT -> Messages.Priority_urgent;
        };
    }

    public static String type(TicketType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
        case INQUIRY -> Messages.Type_inquiry;
        case FEEDBACK -> Messages.Type_feedback;
        case COMPLAINT -> Messages.Type_complaint;
        };
    }

    public static String channel(Channel channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
        case MAIL -> Messages.Channel_mail;
        case CHAT -> Messages.Channel_chat;
        case SMS -> Messages.Channel_sms;
        case PHONE -> Messages.Channel_phone;
        case NOTE -> Messages.Channel_note;
        case TICKET -> Messages.Channel_ticket;
        };
    }

    public static String direction(Direction direction) {
        if (direction == null) {
            return "";
        }
        return switch (direction) {
        case INBOUND -> Messages.Direction_inbound;
        case OUTBOUND -> Messages.Direction_outbound;
        case INTERNAL -> Messages.Direction_internal;
        };
    }

    /** A history entry's field name as the agent reads it. */
    public static String field(String field) {
        if (field == null) {
            return "";
        }
        return switch (field) {
        case "status" -> Messages.Field_status;
        case "category" -> Messages.Field_category;
        case "assignee" -> Messages.Field_assignee;
        case "priority" -> Messages.Field_priority;
        case "type" -> Messages.Field_type;
        case "subject" -> Messages.Field_subject;
        case "body" -> Messages.Field_body;
        case "channel" -> Messages.Field_channel;
        case "tags" -> Messages.Field_tags;
        case "dueAt" -> Messages.Field_due;
        case "customerId" -> Messages.Field_customer;
        default -> field;
        };
    }

    public static String[] labels(Object[] values, java.util.function.Function<Object, String> label) {
        String[] labels = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = label.apply(values[i]);
        }
        return labels;
    }
}
