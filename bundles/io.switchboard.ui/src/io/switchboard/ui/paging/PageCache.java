package io.switchboard.ui.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few pages of a list that are on screen or were recently: a virtual table over many rows (a million
 * customers, say) holds a handful of pages, not every row. Least recently used pages go first. UI thread only.
 *
 * @param <T> a row
 */
public final class PageCache<T> {

    private final int pageSize;
    private final Map<Integer, List<T>> pages;

    public PageCache(int pageSize, int maxPages) {
        this.pageSize = pageSize;
        this.pages = new LinkedHashMap<>(maxPages * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
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
    public T row(int row) {
        List<T> page = pages.get(pageOf(row));
        int index = row % pageSize;
        return page != null && index < page.size() ? page.get(index) : null;
    }

    public boolean has(int page) {
        return pages.containsKey(page);
    }

    public void put(int page, List<T> rows) {
        pages.put(page, List.copyOf(rows));
    }

    public void clear() {
        pages.clear();
    }

    public int size() {
        return pages.size();
    }
}
