package io.switchboard.mail.ui;

/** Element ids this bundle contributes to the workbench model; keep them stable. */
public final class MailUi {

    /** The outbox list, first in the Mail perspective. */
    public static final String PART_OUTBOX = "io.switchboard.mail.ui.part.outbox";
    /** Tag of every mail composer part. */
    public static final String TAG_COMPOSER = "mailComposer";
    /** Persisted state of a composer: the customer it writes to, or empty. */
    public static final String STATE_CUSTOMER_ID = "customerId";
    /** Persisted state of a composer: the pre-filled recipient, or empty. */
    public static final String STATE_TO = "to";

    /** Family of every job this bundle runs, for tests and the progress display. */
    public static final Object JOB_FAMILY = MailUi.class;

    private MailUi() {
    }
}
