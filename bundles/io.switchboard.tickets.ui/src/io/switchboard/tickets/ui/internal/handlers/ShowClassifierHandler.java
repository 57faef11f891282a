package io.switchboard.tickets.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import io.switchboard.tickets.ui.TicketsUi;
import io.switchboard.tickets.ui.internal.Perspectives;

/** Tickets &gt; Classifier (Ctrl+Shift+K): the classifier page beside the ticket list. */
public class ShowClassifierHandler {

    @Execute
    void execute(EPartService partService, EModelService modelService, MApplication application) {
        if (!(modelService.find(TicketsUi.PART_CLASSIFIER, application) instanceof MPart part)) {
            return;
        }
        Perspectives.showPerspectiveOf(part, application, modelService, partService);
        partService.showPart(part, PartState.ACTIVATE);
    }
}
