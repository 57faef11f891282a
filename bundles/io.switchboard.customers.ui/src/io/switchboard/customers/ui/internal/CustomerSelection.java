package io.switchboard.customers.ui.internal;

import java.util.List;

import io.switchboard.customers.CustomerSummary;

/** What the customer list puts into the workbench selection for the Delete, Merge and Open commands. */
public record CustomerSelection(List<CustomerSummary> customers) {

    public CustomerSelection {
        customers = List.copyOf(customers);
    }

    public boolean isEmpty() {
        return customers.isEmpty();
    }
}
