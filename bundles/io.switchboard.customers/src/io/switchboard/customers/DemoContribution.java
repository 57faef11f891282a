package io.switchboard.customers;

import io.switchboard.core.Progress;

/**
 * Demo data of another capability (tickets, for one), added by {@code switchboard demo} after the demo customers.
 * Capabilities register it as a DS service, so the customers' bundles never depend on them.
 */
public interface DemoContribution {

    /**
     * Adds this capability's demo data for the scenario's demo customers: the first {@code customers} that
     * {@link DemoDataGenerator#generate} makes from {@code seed}. The same arguments give the same data, and data
     * already added is not added again.
     *
     * @return what was added, as {@code name=value} words separated by spaces, for the command's output line
     */
    String contribute(DemoDataGenerator.Scenario scenario, int customers, long seed, Progress progress);
}
