package io.switchboard.customers;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.core.Progress;

/** Finds customers that are probably the same person: same e-mail, same phone, or near-identical names. */
public interface DuplicateFinder {

    enum Reason {
        SAME_EMAIL, SAME_PHONE, SIMILAR_NAME
    }

    /**
     * A scan lists at most this many groups for each reason: a store with more (a million imported customers with
     * many shared phones, say) gets the first ones, and {@link #truncated} tells which reasons reached the limit.
     */
    int MAX_GROUPS_PER_REASON = 10_000;

    /** Customers that look like one person, most alike first, and why. */
    record DuplicateGroup(Reason reason, String evidence, List<CustomerSummary> customers) {
    }

    /** Scans the whole store; cancellable through {@code progress}. */
    List<DuplicateGroup> findDuplicates(Progress progress);

    /** The reasons whose groups in a scan's result reached {@link #MAX_GROUPS_PER_REASON}: there may be more. */
    static Set<Reason> truncated(List<DuplicateGroup> groups) {
        Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
        for (DuplicateGroup group : groups) {
            counts.merge(group.reason(), 1, Integer::sum);
        }
        Set<Reason> truncated = EnumSet.noneOf(Reason.class);
        counts.forEach((reason, count) -> {
            if (count >= MAX_GROUPS_PER_REASON) {
                truncated.add(reason);
            }
        });
        return truncated;
    }

    /** Duplicates of one customer, for the editor's "possible duplicates" hint. */
    List<DuplicateGroup> duplicatesOf(long customerId);
}
