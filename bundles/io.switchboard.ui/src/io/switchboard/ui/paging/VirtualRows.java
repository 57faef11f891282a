package io.switchboard.ui.paging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;

/**
 * Feeds a virtual SWT table from a store page by page, off the UI thread, keeping only a few pages. Each
 * {@link #refresh(Source)} starts a new generation; answers of an older generation are dropped, so a slow answer
 * to "ma" never overwrites the answer to "mar". All methods but the loader's work run on the UI thread.
 *
 * @param <T> a row
 */
public final class VirtualRows<T> {

    /** Where the rows of one generation come from; called on the loader's thread. */
    public interface Source<T> {
        long count();

        List<T> page(int offset, int limit);

        /** A source from a store's count and list calls for one query. */
        static <T> Source<T> of(LongSupplier count, BiFunction<Integer, Integer, List<T>> page) {
            return new Source<>() {
                @Override
                public long count() {
                    return count.getAsLong();
                }

                @Override
                public List<T> page(int offset, int limit) {
                    return page.apply(offset, limit);
                }
            };
        }
    }

    /** What the part shows around the table; called on the UI thread for the current generation only. */
    public interface Listener {
        /** The count and the first page of a new generation are in the table. */
        void shown(long count);

        /** The store did not answer; the table keeps what it showed. */
        void failed(RuntimeException e);
    }

    /** Pages this far from the last row the table asked for are not loaded any more: scrolled past. */
    private static final int PAGES_AHEAD = 2;

    private final Table table;
    private final Display display;
    private final Executor loader;
    private final Listener listener;
    private final PageCache<T> cache;
    private final Set<Integer> requested = new HashSet<>();
    private volatile long generation;
    private long shownGeneration = -1;
    private long count = -1;
    private volatile int lastRequestedRow;
    private Source<T> source;

    public VirtualRows(Table table, Executor loader, int pageSize, int maxPages, Listener listener) {
        this.table = table;
        this.display = table.getDisplay();
        this.loader = loader;
        this.listener = listener;
        this.cache = new PageCache<>(pageSize, maxPages);
    }

    /** Starts a new generation: counts the matches and loads the first page off the UI thread. */
    public void refresh(Source<T> newSource) {
        long gen = ++generation;
        source = newSource;
        int pageSize = cache.pageSize();
        loader.execute(() -> {
            if (gen != generation) {
                return;
            }
            try {
                long matches = newSource.count();
                List<T> first = newSource.page(0, pageSize);
                display.asyncExec(() -> show(gen, matches, first));
            } catch (RuntimeException e) {
                display.asyncExec(() -> failed(gen, e));
            }
        });
    }

    /**
     * The row for the table's {@code SetData}: the row if its page is here; else {@code null}, and its page is
     * asked for (the table is told to ask again when it arrives).
     */
    public T fetch(int row) {
        lastRequestedRow = row;
        T value = cache.row(row);
        if (value == null) {
            request(cache.pageOf(row));
        }
        return value;
    }

    /** The row if its page is here, without asking for it. */
    public T loaded(int row) {
        return cache.row(row);
    }

    /** The selected rows whose pages are here, in table order: what commands on the selection act on. */
    public List<T> selected() {
        List<T> selection = new ArrayList<>();
        for (int index : table.getSelectionIndices()) {
            T value = cache.row(index);
            if (value != null) {
                selection.add(value);
            }
        }
        return selection;
    }

    /** Whether the table shows the answer of the newest generation (it may still be loading further pages). */
    public boolean showsLatest() {
        return shownGeneration == generation;
    }

    /** Whether the table shows the newest generation and no page is on its way. */
    public boolean isSettled() {
        return showsLatest() && requested.isEmpty();
    }

    /** The number of matches of the generation shown, -1 before the first. */
    public long count() {
        return count;
    }

    public int cachedPages() {
        return cache.size();
    }

    private void request(int page) {
        if (!requested.add(page)) {
            return;
        }
        long gen = generation;
        Source<T> pageSource = source;
        int pageSize = cache.pageSize();
        loader.execute(() -> {
            // Scrolling fast through a million rows asks for many pages; skip those already scrolled past.
            if (gen != generation || Math.abs(page - lastRequestedRow / pageSize) > PAGES_AHEAD) {
                display.asyncExec(() -> dropRequest(gen, page));
                return;
            }
            try {
                List<T> rows = pageSource.page(page * pageSize, pageSize);
                display.asyncExec(() -> pageArrived(gen, page, rows));
            } catch (RuntimeException e) {
                display.asyncExec(() -> failed(gen, e));
            }
        });
    }

    private void dropRequest(long gen, int page) {
        if (gen != generation || table.isDisposed()) {
            return;
        }
        requested.remove(page);
        clearPage(page, cache.pageSize());
    }

    private void pageArrived(long gen, int page, List<T> rows) {
        if (gen != generation || table.isDisposed()) {
            return;
        }
        requested.remove(page);
        cache.put(page, rows);
        clearPage(page, rows.size());
    }

    /** Makes the table ask again for rows of a page that it showed as placeholders. */
    private void clearPage(int page, int rows) {
        int from = page * cache.pageSize();
        int to = Math.min(from + Math.max(rows, 1), table.getItemCount()) - 1;
        if (to >= from) {
            table.clear(from, to);
        }
    }

    private void show(long gen, long matches, List<T> first) {
        if (gen != generation || table.isDisposed()) {
            return;
        }
        shownGeneration = gen;
        count = matches;
        requested.clear();
        cache.clear();
        cache.put(0, first);
        table.setItemCount((int) Math.min(matches, Integer.MAX_VALUE));
        table.clearAll();
        table.redraw();
        listener.shown(matches);
    }

    private void failed(long gen, RuntimeException e) {
        if (gen != generation || table.isDisposed()) {
            return;
        }
        shownGeneration = gen;
        requested.clear();
        listener.failed(e);
    }
}
