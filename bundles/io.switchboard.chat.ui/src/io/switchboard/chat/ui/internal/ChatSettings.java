package io.switchboard.chat.ui.internal;

/**
 * Keys of the chat entries in the data folder's settings ({@link io.switchboard.core.Settings}), with the defaults
 * of those who read them: the web channel ({@code io.switchboard.chat.web.WebChatSettings}, which follows a change
 * within seconds) and the bot ({@code io.switchboard.chat.bot}'s {@code ChatbotService.THRESHOLD_KEY} and
 * {@code Bot.DEFAULT_THRESHOLD}). Kept here as strings so the console does not depend on either bundle.
 */
public final class ChatSettings {

    /** Whether the workbench serves the web chat page: {@code true} or {@code false}. */
    public static final String WEB_ENABLED = "chat.web.enabled";
    /** The address the web channel listens on; loopback unless the agent opens it to the network. */
    public static final String WEB_BIND = "chat.web.bind";
    /** The web channel's TCP port. */
    public static final String WEB_PORT = "chat.web.port";
    /** Below this confidence (0..1) the bot hands over instead of answering. */
    public static final String BOT_THRESHOLD = "chat.threshold";

    public static final String DEFAULT_WEB_ENABLED = "false";
    public static final String DEFAULT_WEB_BIND = "127.0.0.1";
    public static final String DEFAULT_WEB_PORT = "8787";
    public static final String DEFAULT_BOT_THRESHOLD = "0.85";

    private ChatSettings() {
    }
}
