package io.switchboard.customers;

import java.util.Locale;

/** How a customer can be reached. */
public enum ContactKind {
    EMAIL, MOBILE, LANDLINE, CHAT;

    /**
     * The form matches compare: e-mail addresses and chat handles trimmed and in lower case, phone numbers as their
     * digits. The store and the text index both key contact points by it, so a lookup in one finds what the other
     * holds.
     */
    public String key(String value) {
        return switch (this) {
        case EMAIL, CHAT -> value.trim().toLowerCase(Locale.ROOT);
        case MOBILE, LANDLINE -> {
            StringBuilder digits = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                }
            }
            yield digits.toString();
        }
        };
    }
}
