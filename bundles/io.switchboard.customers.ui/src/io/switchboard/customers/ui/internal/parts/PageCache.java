package io.switchboard.customers.ui.internal.parts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.customers.CustomerSummary;

/**
 * The few pages of a customer list that are on screen or were recently: a table over a million customers
 * holds a handful of pages, not a million rows. Least recently used pages go first. UI thread only.
 */
public final class PageCache {

    private final int pageSize;
    private final Map<Integer, List<CustomerSummary>> pages;

    public PageCache(int pageSize, int maxPages) {
        this.pageSize = pageSize;
        this.pages = new LinkedHashMap<>(maxPages * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<CustomerSummary>> eldest) {
                return size() > maxPages;
            }
        };
    }

    public int pageSize() {
        return pageSize;
    }

    public int pageOf(int row) {
        return row / pageSize;
    }

    /** The row if its page is here, else {@code null}: the caller asks for the page and shows a placeholder. */
    public CustomerSummary row(int row) {
        List<CustomerSummary> page = pages.get(pageOf(row));
        int index = row % pageSize;
        return page != null && index < page.size() ? page.get(index) : null;
    }

    public boolean has(int page) {
        return pages.containsKey(page);
    }

    public void put(int page, List<CustomerSummary> rows) {
        pages.put(page, List.copyOf(rows));
    }

    public void clear() {
        pages.clear();
    }

    public int size() {
        return pages.size();
    }
}
