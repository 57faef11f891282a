package io.switchboard.core.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.core.internal.messages"; //$NON-NLS-1$

    public static String DataFolder_notAFolder;
    public static String DataFolder_notWritable;
    public static String DataFolder_cannotUse;
    public static String Settings_cannotRead;
    public static String Settings_cannotWrite;
    public static String Csv_cannotRead;
    public static String Csv_notFound;
    public static String Csv_notUtf8;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
