package io.switchboard.chat.cli.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.chat.cli.internal.messages"; //$NON-NLS-1$

    public static String Chat_botUnavailable;
    public static String Chat_badPath;
    public static String Chat_cannotRead;
    public static String Chat_noSuchFile;
    public static String Chat_isFolder;
    public static String Chat_notReadable;
    public static String Chat_summary;
    public static String Chat_usage;
    public static String Chat_greeting;
    public static String Chat_notUtf8;
    public static String Chat_agentSays;
    public static String Chat_notice;
    public static String Train_summary;
    public static String Train_usage;
    public static String Train_oneSource;
    public static String Ask_summary;
    public static String Ask_usage;
    public static String Ask_notUtf8;
    public static String Ask_cannotRead;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
