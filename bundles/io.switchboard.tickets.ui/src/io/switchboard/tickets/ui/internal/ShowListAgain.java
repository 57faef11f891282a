package io.switchboard.tickets.ui.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.osgi.service.event.Event;

import io.switchboard.app.AppIds;
import io.switchboard.tickets.ui.TicketsUi;

/**
 * Ctrl+2 while the Tickets perspective is already open brings the ticket list tab to the front (in front of open
 * ticket editors and the classifier page) and activates it. An add-on, because the shell's switch command only
 * announces that the open perspective was asked for again.
 */
public class ShowListAgain {

    @Inject
    @Optional
    void perspectiveReselected(@UIEventTopic(AppIds.TOPIC_PERSPECTIVE_RESELECTED) Event event,
            MApplication application, EModelService modelService) {
        if (!AppIds.PERSPECTIVE_TICKETS.equals(event.getProperty(IEventBroker.DATA))) {
            return;
        }
        if (!(modelService.find(TicketsUi.PART_LIST, application) instanceof MPart list)) {
            return;
        }
        MWindow window = modelService.getTopLevelWindowFor(list);
        EPartService parts = window == null ? null : window.getContext().get(EPartService.class);
        if (parts != null) {
            parts.activate(list);
        }
    }
}
