package io.switchboard.customers;

import java.util.List;

import io.switchboard.core.Progress;

/** Finds customers that are probably the same person: same e-mail, same phone, or near-identical names. */
public interface DuplicateFinder {

    enum Reason {
        SAME_EMAIL, SAME_PHONE, SIMILAR_NAME
    }

    /** Customers that look like one person, most alike first, and why. */
    record DuplicateGroup(Reason reason, String evidence, List<CustomerSummary> customers) {
    }

    /** Scans the whole store; cancellable through {@code progress}. */
    List<DuplicateGroup> findDuplicates(Progress progress);

    /** Duplicates of one customer, for the editor's "possible duplicates" hint. */
    List<DuplicateGroup> duplicatesOf(long customerId);
}
