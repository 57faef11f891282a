package io.switchboard.customers.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import io.switchboard.customers.ui.internal.CustomerEditors;
import io.switchboard.customers.ui.internal.Messages;

public class NewCustomerHandler {

    @Execute
    void execute(EPartService partService, EModelService modelService, MApplication application) {
        CustomerEditors.open(null, Messages.Editor_newCustomer, partService, modelService, application);
    }
}
