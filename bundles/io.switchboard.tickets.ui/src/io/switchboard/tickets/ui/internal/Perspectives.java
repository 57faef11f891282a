package io.switchboard.tickets.ui.internal;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import io.switchboard.app.AppIds;

/** Brings the perspective of an element to the front the way Ctrl+2 does, so the perspective bar follows. */
public final class Perspectives {

    private Perspectives() {
    }

    public static void showPerspectiveOf(MUIElement element, MApplication application, EModelService modelService,
            EPartService partService) {
        MPerspective perspective = modelService.getPerspectiveFor(element);
        if (perspective == null || perspective.getParent() == null
                || perspective.getParent().getSelectedElement() == perspective) {
            return;
        }
        // The shell's switch command also ticks the perspective's tool bar and menu items.
        IEclipseContext context = application.getContext();
        ECommandService commands = context.get(ECommandService.class);
        EHandlerService handlers = context.get(EHandlerService.class);
        ParameterizedCommand command = commands == null ? null
                : commands.createCommand(AppIds.COMMAND_SWITCH_PERSPECTIVE,
                        Map.of(AppIds.PARAMETER_PERSPECTIVE_ID, perspective.getElementId()));
        if (command != null && handlers != null && handlers.canExecute(command)) {
            handlers.executeHandler(command);
        } else {
            partService.switchPerspective(perspective);
        }
    }
}
