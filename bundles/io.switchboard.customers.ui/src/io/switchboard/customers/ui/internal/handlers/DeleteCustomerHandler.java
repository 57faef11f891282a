package io.switchboard.customers.ui.internal.handlers;

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
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.ui.internal.Messages;

/** Deletes the selected customers after the agent confirms, naming them: a deletion takes the whole history. */
public class DeleteCustomerHandler {

    /** How many names the confirmation lists before it says "and N more". */
    static final int NAMES_SHOWN = 5;

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        return !Selections.customers(selection).isEmpty();
    }

    @Execute
    void execute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection, Shell shell,
            CustomerRepository repository, IEventBroker broker) {
        List<CustomerSummary> customers = Selections.customers(selection);
        if (customers.isEmpty()) {
            return;
        }
        MessageDialog dialog = new MessageDialog(shell, Messages.Delete_title, null, question(customers),
                MessageDialog.WARNING, 1, Messages.Delete_ok, Messages.Delete_cancel);
        if (dialog.open() != 0) {
            return;
        }
        for (CustomerSummary customer : customers) {
            repository.delete(customer.id());
        }
        String message = customers.size() == 1 ? NLS.bind(Messages.Delete_doneOne, customers.get(0).name())
                : NLS.bind(Messages.Delete_doneMany, customers.size());
        broker.post(SwitchboardTopics.STATUS_MESSAGE, Map.of(SwitchboardTopics.PROPERTY_MESSAGE, message));
    }

    static String question(List<CustomerSummary> customers) {
        if (customers.size() == 1) {
            CustomerSummary customer = customers.get(0);
            String who = customer.email() == null || customer.email().isBlank() ? customer.name()
                    : customer.name() + " <" + customer.email() + ">";
            return NLS.bind(Messages.Delete_questionOne, who);
        }
        String names = customers.stream().limit(NAMES_SHOWN).map(c -> "\u2022 " + c.name())
                .collect(Collectors.joining("\n"));
        if (customers.size() > NAMES_SHOWN) {
            names += "\n" + NLS.bind(Messages.Delete_andMore, customers.size() - NAMES_SHOWN);
        }
        return NLS.bind(Messages.Delete_questionMany, customers.size(), names);
    }
}
