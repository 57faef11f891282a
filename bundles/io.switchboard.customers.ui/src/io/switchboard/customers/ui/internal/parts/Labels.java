package io.switchboard.customers.ui.internal.parts;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.Need;
import io.switchboard.customers.ui.internal.Messages;

/** How enum values, dates and amounts read in the agent's language. */
public final class Labels {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private Labels() {
    }

    public static final ContactKind[] KINDS = ContactKind.values();
    public static final Need.Status[] STATUSES = Need.Status.values();

    public static String kind(ContactKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
        case EMAIL -> Messages.Kind_email;
        case MOBILE -> Messages.Kind_mobile;
        case LANDLINE -> Messages.Kind_landline;
        case CHAT -> Messages.Kind_chat;
        };
    }

    public static String[] kinds() {
        String[] labels = new String[KINDS.length];
        for (int i = 0; i < KINDS.length; i++) {
            labels[i] = kind(KINDS[i]);
        }
        return labels;
    }

    public static String status(Need.Status status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
        case OPEN -> Messages.Status_open;
        case IN_PROGRESS -> Messages.Status_inProgress;
        case MET -> Messages.Status_met;
        case DROPPED -> Messages.Status_dropped;
        };
    }

    public static String[] statuses() {
        String[] labels = new String[STATUSES.length];
        for (int i = 0; i < STATUSES.length; i++) {
            labels[i] = status(STATUSES[i]);
        }
        return labels;
    }

    public static String channel(Interaction.Channel channel) {
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

    public static String direction(Interaction.Direction direction) {
        if (direction == null) {
            return "";
        }
        return switch (direction) {
        case INBOUND -> Messages.Direction_inbound;
        case OUTBOUND -> Messages.Direction_outbound;
        case INTERNAL -> Messages.Direction_internal;
        };
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance();
            if (currency != null && !currency.isBlank()) {
                Currency c = Currency.getInstance(currency.trim());
                format.setCurrency(c);
                format.setMinimumFractionDigits(c.getDefaultFractionDigits());
                format.setMaximumFractionDigits(c.getDefaultFractionDigits());
            }
            return format.format(amount);
        } catch (IllegalArgumentException e) {
            // A source system sent a code ISO 4217 does not know; show it as it came.
            return amount.toPlainString() + " " + currency;
        }
    }
}
