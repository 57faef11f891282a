package io.switchboard.ui.lists;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/**
 * A list part built on a {@link SearchableList}: what commands and tests ask of the list it shows.
 *
 * @param <T> a row
 * @param <S> how the store sorts
 * @param <Q> the query
 */
public interface ShowsSearchableList<T, S, Q> {

    SearchableList<T, S, Q> list();

    /** Starts a new generation: counts the matches and loads the first page off the UI thread. */
    default void refresh() {
        list().refresh();
    }

    /** The query the table answers, with the search, filters and sort the agent chose. */
    default Q query() {
        return list().query();
    }

    /** True when what the table shows answers the current query. */
    default boolean isSettled() {
        return list().rows().isSettled();
    }

    default long matchCount() {
        return list().rows().count();
    }

    /** The row at {@code index} if its page is loaded. */
    default T row(int index) {
        return list().rows().loaded(index);
    }

    default Table table() {
        return list().table();
    }

    default Text searchBox() {
        return list().searchBox();
    }

    default Label matchesLabel() {
        return list().matchesLabel();
    }
}
