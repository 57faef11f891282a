package io.switchboard.app.internal.parts;

import java.nio.file.Path;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;

import io.switchboard.app.internal.Messages;
import io.switchboard.core.DataFolder;
import io.switchboard.core.SwitchboardTopics;

/**
 * The status line at the bottom of the window: the latest message any part or service posts on
 * {@link SwitchboardTopics#STATUS_MESSAGE}, and the data folder in use.
 */
public class StatusLine {

    /** How long a message that is news stays on the line. */
    public static final int CLEAR_AFTER_MS = 6000;
    /** A message this young survives a change of part: it is about what just made that change. */
    static final int STILL_NEW_MS = 1500;

    private Label message;
    private boolean sticky;
    private long shownAt;
    private final Runnable clearStale = () -> {
        if (message != null && !message.isDisposed() && !sticky) {
            setMessage(Messages.StatusLine_ready);
        }
    };

    @PostConstruct
    void create(Composite parent, DataFolder dataFolder) {
        Composite line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 3).applyTo(line);
        message = new Label(line, SWT.NONE);
        message.setText(Messages.StatusLine_ready);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(message);
        Label folder = new Label(line, SWT.NONE);
        folder.setText(NLS.bind(Messages.StatusLine_dataFolder, abbreviate(dataFolder.path())));
        folder.setToolTipText(dataFolder.path().toString());
        // The trim bar is laid out before the window maps; without a window manager sending a resize, GTK would
        // not paint the status line until the user resizes the window.
        line.getDisplay().asyncExec(() -> {
            if (!line.isDisposed()) {
                line.getShell().layout(true, true);
                line.getShell().redraw();
            }
        });
    }

    /** Shows a folder under the home folder as {@code ~/...}, as the user wrote it. */
    static String abbreviate(Path folder) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        return folder.startsWith(home) && !folder.equals(home) ? "~/" + home.relativize(folder) : folder.toString();
    }

    /**
     * Headless services post with Event Admin and a {@code message} property; parts post plain text. A message is
     * news: it clears after {@link #CLEAR_AFTER_MS}, or when the agent moves to another part, so the line never
     * shows a stale "Saved" beside other work. A sticky one ({@link SwitchboardTopics#PROPERTY_STICKY}) stays
     * until the next message.
     */
    @Inject
    @Optional
    void show(@UIEventTopic(SwitchboardTopics.STATUS_MESSAGE) Event event) {
        Object text = event.getProperty(SwitchboardTopics.PROPERTY_MESSAGE);
        if (text == null) {
            text = event.getProperty(IEventBroker.DATA);
        }
        if (message != null && !message.isDisposed() && text != null) {
            sticky = Boolean.TRUE.equals(event.getProperty(SwitchboardTopics.PROPERTY_STICKY))
                    || "true".equals(event.getProperty(SwitchboardTopics.PROPERTY_STICKY));
            shownAt = System.currentTimeMillis();
            setMessage(text.toString());
            message.getDisplay().timerExec(-1, clearStale);
            if (!sticky) {
                message.getDisplay().timerExec(CLEAR_AFTER_MS, clearStale);
            }
        }
    }

    /** Another part in front: news about the previous one is stale (but not what was said a moment ago). */
    @Inject
    @Optional
    void partActivated(@UIEventTopic(UIEvents.UILifeCycle.ACTIVATE) Event event) {
        if (message != null && !message.isDisposed() && !sticky
                && System.currentTimeMillis() - shownAt > STILL_NEW_MS) {
            clearStale.run();
        }
    }

    private void setMessage(String text) {
        message.setText(text);
        message.setToolTipText(text);
        // GTK keeps a label's allocation from its old text when its bounds do not change, which cut a longer
        // message off after a few letters; a moment at zero width makes the layout hand the bounds out again.
        message.setSize(0, message.getSize().y);
        message.getParent().layout(true);
    }

    /** What the status line shows now; for tests and for parts that restore a previous message. */
    public String currentMessage() {
        return message.getText();
    }

    /** The label showing the message; tests check that it is really on screen. */
    public Label messageLabel() {
        return message;
    }
}
