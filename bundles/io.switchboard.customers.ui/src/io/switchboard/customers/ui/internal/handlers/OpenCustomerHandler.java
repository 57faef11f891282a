package io.switchboard.customers.ui.internal.handlers;

import java.util.List;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.customers.ui.internal.CustomerEditors;

/**
 * Opens the selected customers, or the one named by the command's parameter, which is how tickets, chat and
 * mail open the customer they are about.
 */
public class OpenCustomerHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(CustomersUi.PARAMETER_CUSTOMER_ID) String customerId,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        return customerId != null || !Selections.customers(selection).isEmpty();
    }

    @Execute
    void execute(@Optional @Named(CustomersUi.PARAMETER_CUSTOMER_ID) String customerId,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection, CustomerRepository repository,
            EPartService partService, EModelService modelService, MApplication application) {
        if (customerId != null) {
            long id = Long.parseLong(customerId.trim());
            repository.find(id).ifPresent(customer -> CustomerEditors.open(id, customer.getName(), partService,
                    modelService, application));
            return;
        }
        List<CustomerSummary> customers = Selections.customers(selection);
        for (CustomerSummary customer : customers) {
            CustomerEditors.open(customer.id(), customer.name(), partService, modelService, application);
        }
    }
}
