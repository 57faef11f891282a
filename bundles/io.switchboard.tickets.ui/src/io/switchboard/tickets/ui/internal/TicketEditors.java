package io.switchboard.tickets.ui.internal;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import io.switchboard.app.AppIds;
import io.switchboard.tickets.ui.TicketsUi;

/** Opens ticket editors: one per ticket, next to the list, so reopening a ticket finds its editor. */
public final class TicketEditors {

    private TicketEditors() {
    }

    /**
     * Shows the ticket's editor, creating it if needed.
     *
     * @param ticketId the ticket, or {@code null} for a new one (a new editor every time)
     */
    public static MPart open(Long ticketId, String label, EPartService partService, EModelService modelService,
            MApplication application) {
        MPartStack stack = (MPartStack) modelService.find(AppIds.PARTSTACK_TICKETS, application);
        Perspectives.showPerspectiveOf(stack, application, modelService, partService);
        if (ticketId != null) {
            MPart existing = find(ticketId, partService);
            if (existing != null) {
                partService.showPart(existing, PartState.ACTIVATE);
                return existing;
            }
        }
        MPart part = partService.createPart(TicketsUi.PARTDESCRIPTOR_EDITOR);
        part.getTags().add(TicketsUi.TAG_EDITOR);
        part.getPersistedState().put(TicketsUi.STATE_TICKET_ID, ticketId == null ? "" : ticketId.toString());
        part.setLabel(label);
        part.setTooltip(label);
        stack.getChildren().add(part);
        return partService.showPart(part, PartState.ACTIVATE);
    }

    public static MPart find(long ticketId, EPartService partService) {
        String id = Long.toString(ticketId);
        for (MPart part : partService.getParts()) {
            if (part.getTags().contains(TicketsUi.TAG_EDITOR)
                    && id.equals(part.getPersistedState().get(TicketsUi.STATE_TICKET_ID))) {
                return part;
            }
        }
        return null;
    }
}
