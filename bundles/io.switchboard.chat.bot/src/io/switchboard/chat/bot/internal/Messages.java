package io.switchboard.chat.bot.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.chat.bot.internal.messages"; //$NON-NLS-1$

    public static String Bot_handOver;
    public static String Bot_cannotStore;
    public static String Bot_cannotLoad;
    public static String Learn_corpusTask;
    public static String Learn_pairsTask;
    public static String Learn_indexTask;
    public static String Corpus_malformed;
    public static String Corpus_noConversations;
    public static String Corpus_badConversation;
    public static String Corpus_noFiles;
    public static String Corpus_cannotRead;
    public static String Corpus_notUtf8;
    public static String Pairs_badHeader;
    public static String Pairs_empty;
    public static String Pairs_badRecord;
    public static String Pairs_cannotRead;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
