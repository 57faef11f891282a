package io.switchboard.app.internal.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.switchboard.app.internal.Messages;

/**
 * The first part of each perspective: says what the perspective is for. The perspective is named by the part's
 * persisted state {@code perspective}, so one class serves all four.
 */
public class OverviewPart {

    public static final String PERSPECTIVE_KEY = "perspective";

    private LocalResourceManager resources;
    private Composite body;

    @PostConstruct
    void create(Composite parent, MPart part) {
        resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        String perspective = part.getPersistedState().getOrDefault(PERSPECTIVE_KEY, "customers");

        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(32, 28).spacing(0, 14).applyTo(body);

        Label title = new Label(body, SWT.NONE);
        title.setText(title(perspective));
        title.setFont(resources.create(FontDescriptor.createFrom(JFaceResources.getHeaderFont()).setHeight(20)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);

        if (comingSoon(perspective)) {
            // Said first and plainly: the text below describes what is planned, not what works.
            Label soon = new Label(body, SWT.WRAP);
            soon.setText(Messages.Overview_comingSoon);
            soon.setFont(resources.create(FontDescriptor.createFrom(JFaceResources.getDefaultFont()).setStyle(SWT.BOLD)));
            GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(soon);
        }

        Label text = new Label(body, SWT.WRAP);
        text.setText(text(perspective));
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(text);
    }

    /** Chat and mail are not in this version: their perspectives say so until a capability fills them. */
    static boolean comingSoon(String perspective) {
        return "chat".equals(perspective) || "mail".equals(perspective);
    }

    static String title(String perspective) {
        return switch (perspective) {
        case "tickets" -> Messages.Overview_tickets_title;
        case "chat" -> Messages.Overview_chat_title;
        case "mail" -> Messages.Overview_mail_title;
        default -> Messages.Overview_customers_title;
        };
    }

    static String text(String perspective) {
        return switch (perspective) {
        case "tickets" -> Messages.Overview_tickets_text;
        case "chat" -> Messages.Overview_chat_text;
        case "mail" -> Messages.Overview_mail_text;
        default -> Messages.Overview_customers_text;
        };
    }

    @Focus
    void focus() {
        body.setFocus();
    }

    @PreDestroy
    void dispose() {
        resources.dispose();
    }
}
