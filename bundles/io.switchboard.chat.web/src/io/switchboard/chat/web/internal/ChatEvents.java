package io.switchboard.chat.web.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.core.SwitchboardTopics;

/** Passes the chat service's message events to a web chat server, so its pages see new messages at once. */
public final class ChatEvents {

    private ChatEvents() {
    }

    /** Registers the handler; unregister it before stopping the server. */
    public static ServiceRegistration<EventHandler> forward(BundleContext context, ChatWebServer server) {
        Dictionary<String, Object> properties = new Hashtable<>();
        // Messages only: every change a customer should see (hand-over, an agent joining) comes as a message.
        properties.put(EventConstants.EVENT_TOPIC, SwitchboardTopics.CHAT_MESSAGE);
        return context.registerService(EventHandler.class, event -> {
            if (event.getProperty(SwitchboardTopics.PROPERTY_ID) instanceof Number id) {
                long message = event.getProperty(SwitchboardTopics.PROPERTY_MESSAGE_ID) instanceof Number number
                        ? number.longValue()
                        : 0;
                server.messageAdded(id.longValue(), message);
            }
        }, properties);
    }
}
