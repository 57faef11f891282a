package io.switchboard.mail.ui.internal;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import io.switchboard.app.AppIds;
import io.switchboard.mail.ui.MailUi;

/** Opens mail composers in the Mail perspective, next to the outbox: a new one each time. */
public final class Composers {

    static final String CONTRIBUTION = "bundleclass://io.switchboard.mail.ui/"
            + "io.switchboard.mail.ui.internal.parts.ComposePart";

    private Composers() {
    }

    /**
     * Shows a new composer.
     *
     * @param to         the recipient to pre-fill, or {@code null}
     * @param customerId the customer the mail is for, or {@code null}
     */
    public static MPart open(String to, Long customerId, EPartService partService, EModelService modelService,
            MApplication application) {
        MPartStack stack = (MPartStack) modelService.find(AppIds.PARTSTACK_MAIL, application);
        if (modelService.find(AppIds.PERSPECTIVE_MAIL, application) instanceof MPerspective perspective) {
            partService.switchPerspective(perspective);
        }
        MPart part = modelService.createModelElement(MPart.class);
        part.setContributionURI(CONTRIBUTION);
        part.setCloseable(true);
        part.setLabel(Messages.Compose_title);
        part.setTooltip(Messages.Compose_title);
        part.getTags().add(MailUi.TAG_COMPOSER);
        part.getTags().add(EPartService.REMOVE_ON_HIDE_TAG);
        part.getPersistedState().put(MailUi.STATE_TO, to == null ? "" : to);
        part.getPersistedState().put(MailUi.STATE_CUSTOMER_ID, customerId == null ? "" : customerId.toString());
        stack.getChildren().add(part);
        return partService.showPart(part, PartState.ACTIVATE);
    }
}
