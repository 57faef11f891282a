package io.switchboard.mail.ui;

/** Element ids this bundle contributes to the workbench model; keep them stable. */
public final class MailUi {

    /** The outbox list, first in the Mail perspective. */
    public static final String PART_OUTBOX = "io.switchboard.mail.ui.part.outbox";
    /** "Mail to Customer": a composer for the customer selected in the customer list. */
    public static final String COMMAND_MAIL_CUSTOMER = "io.switchboard.mail.ui.command.mailCustomer";
    /** Its item in the Customers menu. */
    public static final String MENUITEM_MAIL_CUSTOMER = "io.switchboard.mail.ui.menuitem.mailCustomer";
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
