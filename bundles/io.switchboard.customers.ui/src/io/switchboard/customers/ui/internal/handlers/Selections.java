package io.switchboard.customers.ui.internal.handlers;

import java.util.List;

import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.ui.internal.CustomerSelection;

final class Selections {

    private Selections() {
    }

    /** The customers selected in the list, or none when the selection is something else. */
    static List<CustomerSummary> customers(Object selection) {
        return selection instanceof CustomerSelection customers ? customers.customers() : List.of();
    }
}
