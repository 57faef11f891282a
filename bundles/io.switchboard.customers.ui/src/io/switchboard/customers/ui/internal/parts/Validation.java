package io.switchboard.customers.ui.internal.parts;

import java.util.regex.Pattern;

import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ui.internal.Messages;

/**
 * The checks the editor runs as the agent types. The store checks the same on save; checking here first lets
 * the form say which field is wrong while the agent is still on it.
 */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    /** Digits with the usual separators and an optional leading +, as agents type numbers from a call. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]*[0-9]");
    private static final int MIN_PHONE_DIGITS = 5;
    private static final int MAX_PHONE_DIGITS = 15;

    private Validation() {
    }

    /** The error for a name, or {@code null} when it is fine. */
    public static String name(String value) {
        return value == null || value.isBlank() ? Messages.Validation_nameRequired : null;
    }

    /** The error for an e-mail address, or {@code null}; empty is fine. */
    public static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return EMAIL.matcher(value.trim()).matches() ? null : Messages.Validation_email;
    }

    /** The error for a phone number, or {@code null}; empty is fine. */
    public static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        long digits = trimmed.chars().filter(Character::isDigit).count();
        boolean ok = PHONE.matcher(trimmed).matches() && digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS;
        return ok ? null : Messages.Validation_phone;
    }

    /** The error for a contact point's value of the given kind, or {@code null}. */
    public static String contact(ContactKind kind, String value) {
        if (value == null || value.isBlank()) {
            return Messages.Validation_contactEmpty;
        }
        return switch (kind) {
        case EMAIL -> email(value);
        case MOBILE, LANDLINE -> phone(value);
        case CHAT -> null;
        };
    }
}
