package io.switchboard.customers.services.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.customers.services.internal.messages"; //$NON-NLS-1$

    public static String Customer_nameRequired;
    public static String Customer_tooLong;
    public static String Customer_invalidEmail;
    public static String Customer_invalidPhone;
    public static String Customer_contactRequired;
    public static String Customer_notFound;
    public static String Customer_mergeSame;
    public static String Import_missingName;
    public static String Import_invalidEmail;
    public static String Import_invalidPhone;
    public static String Import_tooLong;
    public static String Import_wrongFieldCount;
    public static String Import_badRecord;
    public static String Import_noHeader;
    public static String Import_badHeader;
    public static String Import_noNameColumn;
    public static String Import_repeatedColumn;
    public static String Import_task;
    public static String Export_task;
    public static String Duplicates_task;
    public static String Import_diskFull;
    public static String Import_diskFullNothing;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
