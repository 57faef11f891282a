package io.switchboard.customers.demo.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.customers.demo.internal.messages"; //$NON-NLS-1$

    public static String DemoData_generating;
    public static String DemoData_writing;
    public static String DemoData_ecommerce;
    public static String DemoData_travel;
    public static String DemoData_healthcare;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
