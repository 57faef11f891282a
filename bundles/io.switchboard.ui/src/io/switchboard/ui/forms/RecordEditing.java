package io.switchboard.ui.forms;

import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.osgi.util.NLS;

import io.switchboard.core.SwitchboardTopics;

/**
 * What an editor of one stored record (a customer, a ticket) does between its form and the workbench: which record
 * its part holds across restarts, what comes of a save, and what happens when someone else deletes the record.
 */
public final class RecordEditing {

    private final MPart part;
    private final EPartService partService;
    private final IEventBroker broker;
    private final EditorHeader header;
    private final String idStateKey;

    /** @param idStateKey the key under which the part's persisted state holds the record's id */
    public RecordEditing(MPart part, EPartService partService, IEventBroker broker, EditorHeader header,
            String idStateKey) {
        this.part = part;
        this.partService = partService;
        this.broker = broker;
        this.header = header;
        this.idStateKey = idStateKey;
    }

    /** The stored record the part edits; none for a record not saved yet. */
    public Optional<Long> recordId() {
        String id = part.getPersistedState().getOrDefault(idStateKey, "");
        return id.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(id));
    }

    /**
     * A save stored the record: the part of a new one now holds its id, a problem of an earlier save goes, and the
     * status line tells.
     */
    public void saved(boolean created, Long id, String status) {
        if (created) {
            part.getPersistedState().put(idStateKey, id.toString());
        }
        header.showProblem(null);
        showStatus(status);
    }

    /**
     * Shows why a save did not work.
     *
     * @param rejected the text for a record the store refused ({0}: why)
     * @param failed the text for a store that failed ({0}: why)
     */
    public void saveFailed(RuntimeException e, String rejected, String failed) {
        header.showProblem(NLS.bind(e instanceof IllegalArgumentException ? rejected : failed, e.getMessage()));
    }

    public void showStatus(String message) {
        broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, message));
    }

    /**
     * Someone else deleted the record. An editor without changes closes; one with changes stays open, so the
     * agent loses nothing typed, but it can no longer save.
     *
     * @return whether the editor stays open
     */
    public boolean staysOpenAfterDelete() {
        if (part.isDirty()) {
            return true;
        }
        partService.hidePart(part, true);
        return false;
    }
}
