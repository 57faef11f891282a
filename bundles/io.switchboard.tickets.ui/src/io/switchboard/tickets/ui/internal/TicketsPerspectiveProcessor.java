package io.switchboard.tickets.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import io.switchboard.app.AppIds;
import io.switchboard.tickets.ui.TicketsUi;

/**
 * Once the ticket list is in the Tickets perspective the shell's overview placeholder only repeats it, so it
 * goes, and the list is what the agent sees first. Other perspectives are left alone.
 */
public class TicketsPerspectiveProcessor {

    static final String OVERVIEW_PART = "io.switchboard.app.part.tickets.overview";

    @Execute
    void execute(MApplication application, EModelService modelService) {
        if (!(modelService.find(AppIds.PARTSTACK_TICKETS, application) instanceof MPartStack stack)) {
            return;
        }
        MPart list = null;
        for (var child : stack.getChildren()) {
            if (TicketsUi.PART_LIST.equals(child.getElementId()) && child instanceof MPart part) {
                list = part;
            }
        }
        if (list == null) {
            return;
        }
        stack.getChildren().removeIf(child -> OVERVIEW_PART.equals(child.getElementId()));
        stack.setSelectedElement(list);
    }
}
