package io.switchboard.chat.web.internal;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.chat.ChatService;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;

/**
 * Serves the web chat while the workbench runs, as its settings say ({@link io.switchboard.chat.web.WebChatSettings}).
 * It needs the workbench's {@link IWorkbench} service, so it never starts in a command-line run (there
 * {@code switchboard chat serve} does). The settings are looked at every few seconds, because a preference page
 * writes them without telling anyone and the data folder may be chosen after start; a change restarts the server.
 */
@Component(immediate = true)
public class WebChatComponent {

    static final long CHECK_SECONDS = 3;

    @Reference
    private IWorkbench workbench;

    @Reference
    private ChatService chat;

    @Reference
    private Settings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private ScheduledExecutorService timer;
    private WebChatRunner runner;

    @Activate
    void activate(BundleContext context) {
        runner = new WebChatRunner(chat, Limits.DEFAULT, new WebChatRunner.Host() {
            @Override
            public AutoCloseable attach(ChatWebServer server) {
                return ChatEvents.forward(context, server)::unregister;
            }

            @Override
            public void status(String message, boolean sticky) {
                EventAdmin events = eventAdmin;
                if (events != null) {
                    events.postEvent(new Event(SwitchboardTopics.STATUS_MESSAGE, Map.of(
                            SwitchboardTopics.PROPERTY_MESSAGE, message, SwitchboardTopics.PROPERTY_STICKY, sticky)));
                }
            }
        });
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "web-chat-settings");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> runner.applySettings(() -> WebChatConfig.read(settings)), 0, CHECK_SECONDS,
                TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        runner.stop();
    }
}
