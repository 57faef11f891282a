package io.switchboard.app.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import io.switchboard.app.AppIds;
import io.switchboard.app.internal.addons.PerspectiveItemsAddon;

/**
 * Switches to the perspective named by the command's parameter, and keeps every radio item of that command
 * (tool bar and Window menu) showing the perspective now open, whichever way the switch was asked for. Asked for
 * the perspective that is already open, it also sends {@link AppIds#TOPIC_PERSPECTIVE_RESELECTED}.
 */
public class SwitchPerspectiveHandler {

    @CanExecute
    boolean canExecute(@Named(AppIds.PARAMETER_PERSPECTIVE_ID) String perspectiveId, MApplication application,
            EModelService modelService) {
        return modelService.find(perspectiveId, application) instanceof MPerspective;
    }

    @Execute
    void execute(@Named(AppIds.PARAMETER_PERSPECTIVE_ID) String perspectiveId, MApplication application,
            EModelService modelService, EPartService partService, @Optional IEventBroker broker) {
        if (modelService.find(perspectiveId, application) instanceof MPerspective perspective) {
            boolean already = perspective.getParent() != null && perspective.getParent().getSelectedElement() == perspective;
            partService.switchPerspective(perspective);
            // At once, since a click on a radio item has already ticked it; PerspectiveItemsAddon does the same
            // for switches made without this command.
            PerspectiveItemsAddon.showSelected(perspectiveId, application, modelService);
            if (already && broker != null) {
                // The capability that owns the perspective decides what "back to the start" means (e.g. its list).
                broker.send(AppIds.TOPIC_PERSPECTIVE_RESELECTED, perspectiveId);
            }
        }
    }
}
