package io.switchboard.classifier.services.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.classifier.services.internal.messages"; //$NON-NLS-1$

    public static String Classifier_noModel;
    public static String Classifier_noOlderModel;
    public static String Classifier_noData;
    public static String Classifier_emptyText;
    public static String Classifier_textTooLong;
    public static String Classifier_emptyCategory;
    public static String Classifier_tooFewCategories;
    public static String Classifier_tooManyCategories;
    public static String Classifier_unknownCategory;
    public static String Classifier_badSplit;
    public static String Classifier_badFolds;
    public static String Classifier_canceled;
    public static String Classifier_training;
    public static String ModelStore_cannotSave;
    public static String ModelStore_cannotRead;
    public static String ModelStore_missingFile;
    public static String ModelStore_damaged;
    public static String ModelStore_checksum;
    public static String ModelStore_noSuchVersion;
    public static String ModelStore_notActivated;
    public static String Classifier_activeUnusable;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
