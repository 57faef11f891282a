package io.switchboard.app.internal.addons;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledItem;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.osgi.service.event.Event;

import io.switchboard.app.AppIds;

/**
 * Keeps the perspective bar and the Window &gt; Perspective menu showing the perspective that is open, whoever
 * opened it: the switch command, or a capability that brings its own perspective to the front (Open Customer
 * from a ticket switches with the part service, not the command).
 */
public class PerspectiveItemsAddon {

    @Inject
    MApplication application;

    @Inject
    EModelService modelService;

    @Inject
    @Optional
    void perspectiveChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_SELECTEDELEMENT) Event event) {
        if (event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MPerspectiveStack
                && event.getProperty(UIEvents.EventTags.NEW_VALUE) instanceof MPerspective perspective) {
            showSelected(perspective.getElementId(), application, modelService);
        }
    }

    /** Ticks every switch item (tool bar and menu) of the perspective and clears the others. */
    public static void showSelected(String perspectiveId, MApplication application, EModelService modelService) {
        List<MHandledItem> items = modelService.findElements(application, null, MHandledItem.class, null,
                EModelService.ANYWHERE | EModelService.IN_MAIN_MENU | EModelService.IN_TRIM);
        for (MHandledItem item : items) {
            if (item.getCommand() != null && AppIds.COMMAND_SWITCH_PERSPECTIVE.equals(item.getCommand().getElementId())) {
                boolean selected = item.getParameters().stream()
                        .filter(p -> AppIds.PARAMETER_PERSPECTIVE_ID.equals(p.getName()))
                        .map(MParameter::getValue).anyMatch(perspectiveId::equals);
                item.setSelected(selected);
            }
        }
    }
}
