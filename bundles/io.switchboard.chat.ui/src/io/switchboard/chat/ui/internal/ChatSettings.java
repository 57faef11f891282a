package io.switchboard.chat.ui.internal;

/**
 * Keys of the chat entries in the data folder's settings ({@link io.switchboard.core.Settings}); the web channel
 * and the bot read the same keys, so the preference page, {@code switchboard chat serve} and the bot agree.
 */
public final class ChatSettings {

    /** Whether the workbench serves the web chat page: {@code true} or {@code false}. */
    public static final String WEB_ENABLED = "chat.web.enabled";
    /** The address the web channel listens on; loopback unless the agent opens it to the network. */
    public static final String WEB_BIND = "chat.web.bind";
    /** The web channel's TCP port. */
    public static final String WEB_PORT = "chat.web.port";
    /** Below this confidence (0..1) the bot hands over instead of answering. */
    public static final String BOT_THRESHOLD = "chat.bot.threshold";

    public static final String DEFAULT_WEB_ENABLED = "false";
    public static final String DEFAULT_WEB_BIND = "127.0.0.1";
    public static final String DEFAULT_WEB_PORT = "8765";
    public static final String DEFAULT_BOT_THRESHOLD = "0.5";

    private ChatSettings() {
    }
}
