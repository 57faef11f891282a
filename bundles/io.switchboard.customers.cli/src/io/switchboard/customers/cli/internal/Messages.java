package io.switchboard.customers.cli.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.customers.cli.internal.messages"; //$NON-NLS-1$

    public static String Customers_storeUnavailable;
    public static String Customers_noSuchFile;
    public static String Customers_isFolder;
    public static String Customers_notReadable;
    public static String Customers_badPath;
    public static String Import_summary;
    public static String Import_usage;
    public static String Import_cannotRead;
    public static String Import_customField;
    public static String Count_summary;
    public static String Count_usage;
    public static String List_summary;
    public static String List_usage;
    public static String List_truncated;
    public static String Export_summary;
    public static String Export_usage;
    public static String Export_cannotWrite;
    public static String Export_noFolder;
    public static String Duplicates_summary;
    public static String Duplicates_usage;
    public static String Duplicates_found;
    public static String Duplicates_truncated;
    public static String Demo_summary;
    public static String Demo_usage;
    public static String Demo_missingScenario;
    public static String Demo_unknownScenario;
    public static String Demo_badSeed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
