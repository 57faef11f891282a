package io.switchboard.mail.cli.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.mail.cli.internal.messages"; //$NON-NLS-1$

    public static String Mail_unavailable;
    public static String Mail_badPath;
    public static String Mail_cannotRead;
    public static String Mail_noSuchFile;
    public static String Mail_isFolder;
    public static String Mail_notReadable;
    public static String Mail_notUtf8;
    public static String Config_summary;
    public static String Config_usage;
    public static String Config_missing;
    public static String Config_badPort;
    public static String Config_bothSecurity;
    public static String Config_noPassword;
    public static String Config_noPasswordRead;
    public static String Send_summary;
    public static String Send_usage;
    public static String Outbox_summary;
    public static String Outbox_usage;
    public static String Outbox_badState;
    public static String Outbox_truncated;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
