package io.switchboard.chat.ui.internal.parts;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;

import io.switchboard.app.AppIds;
import io.switchboard.chat.ChatService;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.ui.internal.Messages;
import io.switchboard.chat.ui.internal.jobs.ChatJob;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.ui.lists.Debounce;

/**
 * "Waiting chats: N" in the bottom trim, beside the status line, in every perspective: how many conversations wait
 * for an agent, counted again after every chat event. A click opens the Chat perspective.
 */
public class WaitingChatsControl {

    @Inject
    @Optional
    ChatService chat;
    @Inject
    MApplication application;

    private Label label;
    private Debounce recount;
    private long waiting = -1;
    private boolean counting;
    private boolean again;

    @PostConstruct
    void create(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 3).applyTo(box);
        label = new Label(box, SWT.NONE);
        label.setToolTipText(Messages.Waiting_tooltip);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
        show();
        label.addListener(SWT.MouseUp, e -> openChat());
        recount = new Debounce(parent.getDisplay(), this::count);
        count();
    }

    private void count() {
        if (chat == null || label.isDisposed()) {
            return;
        }
        if (counting) {
            again = true;
            return;
        }
        counting = true;
        ChatService service = chat;
        ChatJob.schedule(Messages.Job_count, label.getDisplay(), () -> service.count(ConversationState.WAITING),
                count -> {
                    counting = false;
                    waiting = count;
                    show();
                    if (again) {
                        again = false;
                        count();
                    }
                }, error -> {
                    counting = false;
                    again = false;
                });
    }

    private void show() {
        if (label.isDisposed()) {
            return;
        }
        label.setText(waiting < 0 ? NLS.bind(Messages.Waiting_count, "\u2013") : NLS.bind(Messages.Waiting_count, waiting));
        label.setFont(waiting > 0 ? JFaceResources.getFontRegistry()
                .getBold(JFaceResources.DEFAULT_FONT) : null);
        // Same GTK care as the status line: give the label its new width.
        label.getParent().layout(true);
        label.getParent().getParent().layout(true);
    }

    private void openChat() {
        var context = application.getContext();
        ECommandService commands = context.get(ECommandService.class);
        EHandlerService handlers = context.get(EHandlerService.class);
        ParameterizedCommand command = commands.createCommand(AppIds.COMMAND_SWITCH_PERSPECTIVE,
                Map.of(AppIds.PARAMETER_PERSPECTIVE_ID, AppIds.PERSPECTIVE_CHAT));
        if (command != null && handlers.canExecute(command)) {
            handlers.executeHandler(command);
        }
    }

    @Inject
    @Optional
    void chatChanged(@UIEventTopic(SwitchboardTopics.CHAT_ALL) Event event) {
        if (recount != null) {
            recount.trigger(100);
        }
    }

    /** The number shown, or -1 before the first count. */
    public long waiting() {
        return waiting;
    }

    public Label label() {
        return label;
    }
}
