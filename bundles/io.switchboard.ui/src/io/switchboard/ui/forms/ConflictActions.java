package io.switchboard.ui.forms;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;

/**
 * An editor with a {@link ConflictPanel}: the panel's two ways out are the editor's own commands, for the panel's
 * buttons, the handlers and the tests alike.
 *
 * @param <T> the record the editor edits
 */
public interface ConflictActions<T> {

    ConflictPanel<T> conflict();

    default boolean hasConflict() {
        return conflict().hasConflict();
    }

    /** Drops the agent's changes for the stored version. */
    default void reloadStored() {
        conflict().reloadStored();
    }

    /** Saves the agent's version over the stored one, having seen what that replaces. */
    default boolean overwrite() {
        return conflict().overwrite();
    }

    default Control conflictPanel() {
        return conflict().control();
    }

    default Table conflictTable() {
        return conflict().table();
    }
}
