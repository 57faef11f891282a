package io.switchboard.customers;

import java.util.Collections;
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

    /**
     * Customers that look like one person, most alike first, and every reason why with its evidence (the shared
     * address or number, or a name), in the order of {@link Reason}. One group per set of customers: a pair with the
     * same phone and similar names is one group with both reasons.
     */
    record DuplicateGroup(Map<Reason, String> reasons, List<CustomerSummary> customers) {

        public DuplicateGroup {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a group without a reason");
            }
            reasons = Collections.unmodifiableMap(new EnumMap<>(reasons));
            customers = List.copyOf(customers);
        }

        /** A group for one reason. */
        public DuplicateGroup(Reason reason, String evidence, List<CustomerSummary> customers) {
            this(one(reason, evidence), customers);
        }

        private static Map<Reason, String> one(Reason reason, String evidence) {
            Map<Reason, String> reasons = new EnumMap<>(Reason.class);
            reasons.put(reason, evidence);
            return reasons;
        }

        /** The first of the reasons. */
        public Reason reason() {
            return reasons.keySet().iterator().next();
        }

        /** The evidence of the first reason. */
        public String evidence() {
            return reasons.get(reason());
        }

        /** The same customers, with the reasons of both groups (this group's evidence first). */
        public DuplicateGroup with(DuplicateGroup other) {
            Map<Reason, String> all = new EnumMap<>(Reason.class);
            all.putAll(other.reasons());
            all.putAll(reasons);
            return new DuplicateGroup(all, customers);
        }
    }

    /** Scans the whole store; cancellable through {@code progress}. */
    List<DuplicateGroup> findDuplicates(Progress progress);

    /** The reasons whose groups in a scan's result reached {@link #MAX_GROUPS_PER_REASON}: there may be more. */
    static Set<Reason> truncated(List<DuplicateGroup> groups) {
        Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
        for (DuplicateGroup group : groups) {
            group.reasons().keySet().forEach(reason -> counts.merge(reason, 1, Integer::sum));
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
