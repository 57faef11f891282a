package io.switchboard.tickets.services.internal;

/** Column sizes, checked before writing so that a too-long value is refused with the field's name. */
public final class Limits {

    public static final int SUBJECT = 500;
    /** The first message and every reply; about 32,000 characters is what a VARCHAR holds in every dialect. */
    public static final int BODY = 32000;
    public static final int CATEGORY = 100;
    public static final int ASSIGNEE = 100;
    public static final int AUTHOR = 200;
    public static final int TAG = 100;
    public static final int HISTORY_VALUE = 1000;
    /** The key under which an imported ticket was created (an external reference or a row's digest). */
    public static final int IMPORT_KEY = 100;
    /** Subject, a line break and body: what the classifier read when it was corrected. */
    public static final int CLASSIFIER_TEXT = SUBJECT + 1 + BODY;

    private Limits() {
    }
}
