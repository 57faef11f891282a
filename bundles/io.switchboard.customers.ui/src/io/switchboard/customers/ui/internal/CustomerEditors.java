package io.switchboard.customers.ui.internal;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import io.switchboard.app.AppIds;
import io.switchboard.customers.ui.CustomersUi;

/** Opens customer editors: one per customer, next to the list, so reopening a customer finds its editor. */
public final class CustomerEditors {

    private CustomerEditors() {
    }

    /**
     * Shows the customer's editor, creating it if needed.
     *
     * @param customerId the customer, or {@code null} for a new one (a new editor every time)
     */
    public static MPart open(Long customerId, String label, EPartService partService, EModelService modelService,
            MApplication application) {
        MPartStack stack = (MPartStack) modelService.find(AppIds.PARTSTACK_CUSTOMERS, application);
        // Tickets, chat and mail open customers too; the editor lives in the Customers perspective.
        MPerspective perspective = modelService.getPerspectiveFor(stack);
        if (perspective != null && perspective.getParent() != null
                && perspective.getParent().getSelectedElement() != perspective) {
            partService.switchPerspective(perspective);
        }
        if (customerId != null) {
            MPart existing = find(customerId, partService);
            if (existing != null) {
                partService.showPart(existing, PartState.ACTIVATE);
                return existing;
            }
        }
        MPart part = partService.createPart(CustomersUi.PARTDESCRIPTOR_EDITOR);
        part.getTags().add(CustomersUi.TAG_EDITOR);
        part.getPersistedState().put(CustomersUi.STATE_CUSTOMER_ID, customerId == null ? "" : customerId.toString());
        part.setLabel(label);
        part.setTooltip(label);
        stack.getChildren().add(part);
        return partService.showPart(part, PartState.ACTIVATE);
    }

    public static MPart find(long customerId, EPartService partService) {
        String id = Long.toString(customerId);
        for (MPart part : partService.getParts()) {
            if (part.getTags().contains(CustomersUi.TAG_EDITOR)
                    && id.equals(part.getPersistedState().get(CustomersUi.STATE_CUSTOMER_ID))) {
                return part;
            }
        }
        return null;
    }
}
