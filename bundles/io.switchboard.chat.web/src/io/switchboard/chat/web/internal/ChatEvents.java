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
        properties.put(EventConstants.EVENT_TOPIC,
                new String[] { SwitchboardTopics.CHAT_MESSAGE, SwitchboardTopics.CHAT_CHANGED });
        return context.registerService(EventHandler.class, event -> {
            if (event.getProperty(SwitchboardTopics.PROPERTY_ID) instanceof Number id) {
                server.conversationChanged(id.longValue());
            }
        }, properties);
    }
}
