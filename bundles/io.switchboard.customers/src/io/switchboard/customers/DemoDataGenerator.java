package io.switchboard.customers;

import io.switchboard.core.Progress;

/**
 * Fills the store with realistic, deterministic demo data (the same seed gives the same data) for one of three
 * application scenarios: customers with contact points, transactions, needs and timelines.
 */
public interface DemoDataGenerator {

    enum Scenario {
        /** An online shop: orders, returns, delivery questions. */
        ECOMMERCE,
        /** A travel agency: bookings, changes, visas. */
        TRAVEL,
        /** A clinic: appointments, prescriptions, insurance. */
        HEALTHCARE
    }

    record DemoResult(long customers, long transactions, long needs, long interactions) {
    }

    DemoResult generate(Scenario scenario, int customers, long seed, Progress progress);
}
