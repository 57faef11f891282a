package io.switchboard.chat.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import io.switchboard.app.AppIds;
import io.switchboard.chat.ui.ChatUi;

/**
 * Once the console is in the Chat perspective the shell's "coming soon" placeholder is wrong, so it goes, and the
 * console is what the agent sees first. Other perspectives are left alone.
 */
public class ChatPerspectiveProcessor {

    static final String OVERVIEW_PART = "io.switchboard.app.part.chat.overview";

    @Execute
    void execute(MApplication application, EModelService modelService) {
        if (!(modelService.find(AppIds.PARTSTACK_CHAT, application) instanceof MPartStack stack)) {
            return;
        }
        MPart console = null;
        for (var child : stack.getChildren()) {
            if (ChatUi.PART_CONSOLE.equals(child.getElementId()) && child instanceof MPart part) {
                console = part;
            }
        }
        if (console == null) {
            return;
        }
        stack.getChildren().removeIf(child -> OVERVIEW_PART.equals(child.getElementId()));
        stack.setSelectedElement(console);
    }
}
