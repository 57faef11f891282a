package io.switchboard.chat.web;

/**
 * The settings ({@link io.switchboard.core.Settings}) of the web chat inside the workbench; a preference page
 * writes them and the running workbench follows within seconds, restarting the server when they change.
 */
public final class WebChatSettings {

    /** {@code true} to serve the web chat while the workbench runs; off by default. */
    public static final String ENABLED = "chat.web.enabled";
    /** The address to listen on; {@value #DEFAULT_BIND} (this machine only) by default. */
    public static final String BIND = "chat.web.bind";
    /** The port to listen on; {@value #DEFAULT_PORT} by default. */
    public static final String PORT = "chat.web.port";

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;

    private WebChatSettings() {
    }
}
