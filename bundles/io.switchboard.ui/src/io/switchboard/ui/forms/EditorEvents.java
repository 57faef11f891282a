package io.switchboard.ui.forms;

import org.osgi.service.event.Event;

import io.switchboard.core.SwitchboardTopics;

/** What the store's events say about the record an editor shows. */
public final class EditorEvents {

    private EditorEvents() {
    }

    /** Whether the event is about the stored record {@code id}; a record not stored yet has no events. */
    public static boolean concerns(Event event, Long id) {
        Object eventId = event.getProperty(SwitchboardTopics.PROPERTY_ID);
        return id != null && eventId != null && id.toString().equals(eventId.toString());
    }
}
