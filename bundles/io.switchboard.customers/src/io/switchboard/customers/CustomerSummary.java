package io.switchboard.customers;

import java.time.Instant;

/** One row of a customer list: what a table or a CSV listing shows, without loading the whole customer. */
public record CustomerSummary(long id, String name, String company, String country, String city, String email,
        String phone, Instant updatedAt) {
}
