package io.switchboard.customers.ui.internal.parts;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.Need;
import io.switchboard.customers.ui.internal.Messages;
import io.switchboard.ui.forms.EnumLabels;

/** How enum values and amounts read in the agent's language (dates: {@link io.switchboard.ui.forms.DateTexts}). */
public final class Labels {

    public static final EnumLabels<ContactKind> KINDS = EnumLabels.fromMessages(ContactKind.class, Messages.class,
            "Kind");
    public static final EnumLabels<Need.Status> STATUSES = EnumLabels.fromMessages(Need.Status.class, Messages.class,
            "Status");
    public static final EnumLabels<Interaction.Channel> CHANNELS = EnumLabels
            .fromMessages(Interaction.Channel.class, Messages.class, "Channel");
    public static final EnumLabels<Interaction.Direction> DIRECTIONS = EnumLabels
            .fromMessages(Interaction.Direction.class, Messages.class, "Direction");

    private Labels() {
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
