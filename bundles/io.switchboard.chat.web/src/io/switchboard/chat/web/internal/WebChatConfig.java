package io.switchboard.chat.web.internal;

import io.switchboard.chat.web.WebChatSettings;
import io.switchboard.core.Settings;

/** The web chat's settings as read at one moment; a value that is no port counts as the default. */
public record WebChatConfig(boolean enabled, String bind, int port) {

    public static WebChatConfig read(Settings settings) {
        boolean enabled = Boolean.parseBoolean(settings.get(WebChatSettings.ENABLED, "false").trim());
        String bind = settings.get(WebChatSettings.BIND, WebChatSettings.DEFAULT_BIND).trim();
        int port;
        try {
            port = Integer.parseInt(settings.get(WebChatSettings.PORT, "").trim());
        } catch (NumberFormatException e) {
            port = WebChatSettings.DEFAULT_PORT;
        }
        if (port < 1 || port > 65535) {
            port = WebChatSettings.DEFAULT_PORT;
        }
        return new WebChatConfig(enabled, bind.isEmpty() ? WebChatSettings.DEFAULT_BIND : bind, port);
    }
}
