package io.switchboard.customers;

/** How a customer can be reached. */
public enum ContactKind {
    EMAIL, MOBILE, LANDLINE, CHAT
}
