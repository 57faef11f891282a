package io.switchboard.customers.ui.internal.handlers;

import java.util.List;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.customers.CustomerMerger;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;

/** Merges the two customers selected in the list. */
public class MergeCustomersHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        return Selections.customers(selection).size() == 2;
    }

    @Execute
    void execute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection, Shell shell,
            CustomerRepository repository, CustomerMerger merger, IEventBroker broker) {
        List<CustomerSummary> customers = Selections.customers(selection);
        if (customers.size() == 2) {
            MergeAction.run(shell, customers.get(0).id(), customers.get(1).id(), repository, merger, broker);
        }
    }
}
