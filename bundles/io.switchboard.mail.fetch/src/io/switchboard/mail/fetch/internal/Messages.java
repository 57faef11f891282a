package io.switchboard.mail.fetch.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.mail.fetch.internal.messages"; //$NON-NLS-1$

    public static String Parse_unknownCharset;
    public static String Parse_unreadablePart;
    public static String Fetch_task;
    public static String Fetch_job;
    public static String Fetch_done;
    public static String Fetch_failed;
    public static String Fetch_serverFailed;
    public static String Fetch_noSender;
    public static String Fetch_badSender;
    public static String Fetch_noSubject;
    public static String Fetch_attachmentKept;
    public static String Fetch_attachmentTooLarge;
    public static String Fetch_attachmentUnreadable;
    public static String Fetch_noPassword;
    public static String Fetch_unsubscribed;
    public static String Fetch_unsubscribeUnknown;
    public static String Command_summary;
    public static String Command_usage;
    public static String Command_unavailable;
    public static String Command_noMailbox;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
