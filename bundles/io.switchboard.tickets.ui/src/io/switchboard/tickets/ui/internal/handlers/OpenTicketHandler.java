package io.switchboard.tickets.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.ui.TicketsUi;
import io.switchboard.tickets.ui.internal.TicketEditors;
import io.switchboard.tickets.ui.internal.TicketSelection;

/** Opens the selected tickets, or the one named by the command's parameter (how mail and chat open a ticket). */
public class OpenTicketHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(TicketsUi.PARAMETER_TICKET_ID) String ticketId,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        return ticketId != null || !TicketSelection.of(selection).isEmpty();
    }

    @Execute
    void execute(@Optional @Named(TicketsUi.PARAMETER_TICKET_ID) String ticketId,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection, TicketRepository repository,
            EPartService partService, EModelService modelService, MApplication application) {
        if (ticketId != null) {
            long id = Long.parseLong(ticketId.trim());
            repository.find(id).ifPresent(ticket -> TicketEditors.open(id, ticket.getSubject(), partService,
                    modelService, application));
            return;
        }
        for (TicketSummary ticket : TicketSelection.of(selection)) {
            TicketEditors.open(ticket.id(), ticket.subject(), partService, modelService, application);
        }
    }
}
