package io.switchboard.classifier.cli.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.classifier.cli.internal.messages"; //$NON-NLS-1$

    public static String Command_missingData;
    public static String Csv_empty;
    public static String Csv_noRows;
    public static String Csv_noFile;
    public static String Csv_notUtf8;
    public static String Csv_cannotRead;
    public static String Csv_badRecord;
    public static String Csv_noColumn;
    public static String Train_summary;
    public static String Train_usage;
    public static String Evaluate_summary;
    public static String Evaluate_usage;
    public static String Evaluate_splitOrFolds;
    public static String Evaluate_badSplit;
    public static String Evaluate_badSeed;
    public static String Predict_summary;
    public static String Predict_usage;
    public static String Predict_badLine;
    public static String Predict_cannotRead;
    public static String Models_summary;
    public static String Models_usage;
    public static String Models_none;
    public static String Activate_summary;
    public static String Activate_usage;
    public static String Rollback_summary;
    public static String Rollback_usage;
    public static String Predict_refusedLines;
    public static String Models_damaged;
    public static String Models_activeDamaged;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
