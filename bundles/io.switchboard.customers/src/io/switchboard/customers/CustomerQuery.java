package io.switchboard.customers;

import java.util.Objects;

/**
 * What to list or count: filters, free-text search, sort order and page. Immutable; each {@code with...} method
 * returns a changed copy, so a view can keep its query and derive the next page from it.
 *
 * <p>{@link #text()} matches names (also Chinese ones), companies, e-mail addresses and phone numbers,
 * case-insensitively, by prefix and by any part of a word; it is always plain text, never a pattern or SQL.
 * Filters match exactly, ignoring case.
 */
public record CustomerQuery(String text, String country, String city, String tag, String fieldKey, String fieldValue,
        Sort sort, boolean ascending, int offset, int limit) {

    /** Sortable columns. */
    public enum Sort {
        NAME, COMPANY, COUNTRY, CITY, CREATED, UPDATED
    }

    /** Everyone, by name, first 100. */
    public static final CustomerQuery ALL = new CustomerQuery(null, null, null, null, null, null, Sort.NAME, true, 0, 100);

    public CustomerQuery {
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        text = blankToNull(text);
        country = blankToNull(country);
        city = blankToNull(city);
        tag = blankToNull(tag);
        fieldKey = blankToNull(fieldKey);
        fieldValue = fieldKey == null ? null : fieldValue;
    }

    public CustomerQuery withText(String newText) {
        return new CustomerQuery(newText, country, city, tag, fieldKey, fieldValue, sort, ascending, offset, limit);
    }

    public CustomerQuery withCountry(String newCountry) {
        return new CustomerQuery(text, newCountry, city, tag, fieldKey, fieldValue, sort, ascending, offset, limit);
    }

    public CustomerQuery withCity(String newCity) {
        return new CustomerQuery(text, country, newCity, tag, fieldKey, fieldValue, sort, ascending, offset, limit);
    }

    public CustomerQuery withTag(String newTag) {
        return new CustomerQuery(text, country, city, newTag, fieldKey, fieldValue, sort, ascending, offset, limit);
    }

    /** Only customers whose custom field {@code key} equals {@code value}. */
    public CustomerQuery withField(String key, String value) {
        return new CustomerQuery(text, country, city, tag, key, value, sort, ascending, offset, limit);
    }

    public CustomerQuery sortedBy(Sort newSort, boolean newAscending) {
        return new CustomerQuery(text, country, city, tag, fieldKey, fieldValue, newSort, newAscending, offset, limit);
    }

    public CustomerQuery page(int newOffset, int newLimit) {
        return new CustomerQuery(text, country, city, tag, fieldKey, fieldValue, sort, ascending, newOffset, newLimit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
