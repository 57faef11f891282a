package io.switchboard.mail.campaigns.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.mail.campaigns.internal.messages"; //$NON-NLS-1$

    public static String Template_syntax;
    public static String Template_unclosed;
    public static String Template_empty;
    public static String Template_unknown;
    public static String Template_subjectLineBreak;
    public static String Campaign_noAddress;
    public static String Campaign_badRate;
    public static String Campaign_noSubject;
    public static String Campaign_noBody;
    public static String Campaign_noMailbox;
    public static String Campaign_unknownMailbox;
    public static String Campaign_badFrom;
    public static String Campaign_checking;
    public static String Campaign_queueing;
    public static String Campaign_sending;
    public static String Campaign_missingOne;
    public static String Campaign_missing;
    public static String Campaign_subjectLineBreak;
    public static String Campaign_footerText;
    public static String Campaign_footerHtml;
    public static String File_badPath;
    public static String File_cannotRead;
    public static String File_noSuchFile;
    public static String File_isFolder;
    public static String File_notReadable;
    public static String File_notUtf8;
    public static String File_noSubject;
    public static String File_emptySubject;
    public static String File_noEmptyLine;
    public static String File_noBody;
    public static String File_syntax;
    public static String Command_summary;
    public static String Command_usage;
    public static String Command_required;
    public static String Command_badRate;
    public static String Command_unavailable;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
