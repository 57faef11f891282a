package io.switchboard.chat.services.internal;

import org.eclipse.osgi.util.NLS;

/** Texts for the agent and the caller, in the user's language. Texts for the customer are in {@link CustomerTexts}. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.chat.services.internal.messages"; //$NON-NLS-1$

    public static String Chat_required;
    public static String Chat_tooLong;
    public static String Chat_messageRequired;
    public static String Chat_messageTooLong;
    public static String Chat_notFound;
    public static String Chat_closed;
    public static String Chat_withAgent;
    public static String Chat_customerNotFound;
    public static String Chat_noCustomer;
    public static String Chat_ticketSubject;
    public static String Chat_transcriptCustomer;
    public static String Chat_transcriptBot;
    public static String Chat_transcriptSystem;
    public static String Chat_transcriptCut;
    public static String Chat_timelineSummary;
    public static String Chat_busy;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
