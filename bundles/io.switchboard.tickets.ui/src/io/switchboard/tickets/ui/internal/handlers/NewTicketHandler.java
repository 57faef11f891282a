package io.switchboard.tickets.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import io.switchboard.tickets.ui.internal.Messages;
import io.switchboard.tickets.ui.internal.TicketEditors;

/** Tickets &gt; New Ticket (Ctrl+Shift+N): an empty ticket editor in the Tickets perspective. */
public class NewTicketHandler {

    @Execute
    void execute(EPartService partService, EModelService modelService, MApplication application) {
        TicketEditors.open(null, Messages.Editor_newTicket, partService, modelService, application);
    }
}
