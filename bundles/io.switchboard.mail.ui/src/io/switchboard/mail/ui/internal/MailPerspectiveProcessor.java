package io.switchboard.mail.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import io.switchboard.app.AppIds;
import io.switchboard.mail.ui.MailUi;

/**
 * Once the outbox is in the Mail perspective the shell's "coming soon" placeholder is wrong, so it goes, and the
 * outbox is what the agent sees first. Other perspectives are left alone.
 */
public class MailPerspectiveProcessor {

    static final String OVERVIEW_PART = "io.switchboard.app.part.mail.overview";

    @Execute
    void execute(MApplication application, EModelService modelService) {
        if (!(modelService.find(AppIds.PARTSTACK_MAIL, application) instanceof MPartStack stack)) {
            return;
        }
        MPart outbox = null;
        for (var child : stack.getChildren()) {
            if (MailUi.PART_OUTBOX.equals(child.getElementId()) && child instanceof MPart part) {
                outbox = part;
            }
        }
        if (outbox == null) {
            return;
        }
        stack.getChildren().removeIf(child -> OVERVIEW_PART.equals(child.getElementId()));
        stack.setSelectedElement(outbox);
    }
}
