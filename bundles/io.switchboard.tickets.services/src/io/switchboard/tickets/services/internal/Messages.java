package io.switchboard.tickets.services.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.tickets.services.internal.messages"; //$NON-NLS-1$

    public static String Ticket_required;
    public static String Ticket_subjectOrBody;
    public static String Ticket_tooLong;
    public static String Ticket_customerNotFound;
    public static String Ticket_notFound;
    public static String Ticket_newHasId;
    public static String Ticket_saveWithoutId;
    public static String Message_bodyRequired;
    public static String Retraining_tooFewTickets;
    public static String Retraining_tooFewCategories;
    public static String Retraining_task;
    public static String Retraining_canceled;
    public static String Retraining_collecting;
    public static String Retraining_failed;
    public static String Retraining_done;
    public static String Import_task;
    public static String Import_noHeader;
    public static String Import_badHeader;
    public static String Import_duplicateColumn;
    public static String Import_missingColumn;
    public static String Import_unusedColumn;
    public static String Import_badRecord;
    public static String Import_wrongFieldCount;
    public static String Import_missingEmail;
    public static String Import_unknownEmail;
    public static String Import_badChoice;
    public static String Import_referenceTooLong;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
