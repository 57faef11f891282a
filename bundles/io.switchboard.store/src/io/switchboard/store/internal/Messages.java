package io.switchboard.store.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.store.internal.messages"; //$NON-NLS-1$

    public static String Store_cannotOpen;
    public static String Store_inUse;
    public static String Store_migrationFailed;
    public static String Store_cannotClose;
    public static String Store_schemaMissing;
    public static String Store_schemaCycle;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
