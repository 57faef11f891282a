package io.switchboard.tickets.cli.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.tickets.cli.internal.messages"; //$NON-NLS-1$

    public static String Tickets_storeUnavailable;
    public static String Tickets_badStatus;
    public static String Tickets_badPath;
    public static String Tickets_noSuchFile;
    public static String Tickets_isFolder;
    public static String Tickets_notReadable;
    public static String List_summary;
    public static String List_usage;
    public static String List_truncated;
    public static String Count_summary;
    public static String Count_usage;
    public static String Import_summary;
    public static String Import_usage;
    public static String Import_cannotRead;
    public static String Retrain_summary;
    public static String Retrain_usage;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
