package io.switchboard.tickets.ui.internal.handlers;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.core.SwitchboardTopics;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.ui.internal.Messages;
import io.switchboard.tickets.ui.internal.TicketSelection;

/**
 * Deletes the selected tickets after the agent confirms, naming them: a deletion takes the conversation, the
 * history and the corrections with it. Delete in the ticket table.
 */
public class DeleteTicketHandler {

    static final int SUBJECTS_SHOWN = 8;

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        return !TicketSelection.of(selection).isEmpty();
    }

    @Execute
    void execute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection, Shell shell,
            TicketRepository repository, IEventBroker broker) {
        List<TicketSummary> tickets = TicketSelection.of(selection);
        if (tickets.isEmpty()) {
            return;
        }
        MessageDialog dialog = new MessageDialog(shell, Messages.Delete_title, null, question(tickets),
                MessageDialog.WARNING, 1, Messages.Delete_ok, Messages.Delete_cancel);
        if (dialog.open() != 0) {
            return;
        }
        for (TicketSummary ticket : tickets) {
            repository.delete(ticket.id());
        }
        String message = tickets.size() == 1 ? NLS.bind(Messages.Delete_doneOne, tickets.get(0).id())
                : NLS.bind(Messages.Delete_doneMany, tickets.size());
        broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, message));
    }

    public static String question(List<TicketSummary> tickets) {
        if (tickets.size() == 1) {
            TicketSummary ticket = tickets.get(0);
            return NLS.bind(Messages.Delete_questionOne, ticket.id(), ticket.subject());
        }
        String subjects = tickets.stream().limit(SUBJECTS_SHOWN).map(t -> "\u2022 #" + t.id() + " " + t.subject())
                .collect(Collectors.joining("\n"));
        if (tickets.size() > SUBJECTS_SHOWN) {
            subjects += "\n" + NLS.bind(Messages.Delete_andMore, tickets.size() - SUBJECTS_SHOWN);
        }
        return NLS.bind(Messages.Delete_questionMany, tickets.size(), subjects);
    }
}
