package io.switchboard.customers;

import java.util.Map;

/**
 * Merges two records of one customer into one. The agent chooses, field by field, which record's value to keep;
 * everything that can be kept from both is: contact points, transactions, needs, tags, custom fields and the
 * whole timeline. The other record is deleted in the same transaction.
 */
public interface CustomerMerger {

    /** Fields where the agent chooses between the two records. */
    enum Field {
        NAME, COMPANY, COUNTRY, CITY, LANGUAGE
    }

    /** Which record a field's value comes from. */
    enum Side {
        KEPT, OTHER
    }

    /**
     * @param keptId   the record that stays
     * @param otherId  the record merged into it and then deleted
     * @param choices  per field, which side's value to keep; fields not named keep the kept record's value. A
     *                 custom field both records have with different values keeps the kept record's value.
     * @return the merged customer as stored
     */
    Customer merge(long keptId, long otherId, Map<Field, Side> choices) throws StaleCustomerException;
}
