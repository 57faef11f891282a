package io.switchboard.app.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.app.internal.messages"; //$NON-NLS-1$

    public static String LifeCycle_cannotStart;
    public static String LifeCycle_dataDirNeedsValue;
    public static String StatusLine_ready;
    public static String StatusLine_dataFolder;
    public static String About_title;
    public static String About_text;
    public static String Quit_title;
    public static String Quit_question;
    public static String Preferences_general;
    public static String Preferences_title;
    public static String Preferences_applyAndClose;
    public static String Preferences_cancel;
    public static String Preferences_dataFolder;
    public static String Preferences_confirmExit;
    public static String Preferences_language;
    public static String Preferences_languageAutomatic;
    public static String Preferences_languageHint;
    public static String Overview_customers_title;
    public static String Overview_customers_text;
    public static String Overview_tickets_title;
    public static String Overview_tickets_text;
    public static String Overview_chat_title;
    public static String Overview_chat_text;
    public static String Overview_mail_title;
    public static String Overview_mail_text;
    public static String Overview_comingSoon;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
