package io.switchboard.customers.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import io.switchboard.app.AppIds;
import io.switchboard.customers.ui.CustomersUi;

/**
 * The shell keeps an overview part in each perspective until a capability brings real content. Once the
 * customer list is there, the Customers overview only repeats what the list shows, so it goes, and the list is
 * what the agent sees first. Other perspectives are left alone.
 */
public class CustomersPerspectiveProcessor {

    static final String OVERVIEW_PART = "io.switchboard.app.part.customers.overview";

    @Execute
    void execute(MApplication application, EModelService modelService) {
        if (!(modelService.find(AppIds.PARTSTACK_CUSTOMERS, application) instanceof MPartStack stack)) {
            return;
        }
        MPart list = null;
        for (var child : stack.getChildren()) {
            if (CustomersUi.PART_LIST.equals(child.getElementId()) && child instanceof MPart part) {
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
