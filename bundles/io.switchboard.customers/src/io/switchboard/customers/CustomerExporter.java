package io.switchboard.customers;

import java.io.IOException;
import java.io.Writer;

import io.switchboard.core.Progress;

/**
 * Writes customers as UTF-8 CSV in the import format ({@code name,email,phone,country,city,company} followed by
 * one column per custom field), so an export imports again unchanged.
 */
public interface CustomerExporter {

    /**
     * Writes every customer matching the query (its paging ignored) and returns how many were written.
     */
    long exportCsv(CustomerQuery query, Writer out, Progress progress) throws IOException;
}
