package io.switchboard.chat.web.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.chat.web.internal.messages"; //$NON-NLS-1$

    public static String Serve_summary;
    public static String Serve_usage;
    public static String Serve_badPort;
    public static String Serve_unavailable;
    public static String Serve_cannotListen;
    public static String Serve_running;
    public static String Serve_stopped;
    public static String Web_started;
    public static String Web_stopped;
    public static String Web_cannotListen;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
