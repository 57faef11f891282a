package io.switchboard.mail.services.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.mail.services.internal.messages"; //$NON-NLS-1$

    public static String Secrets_unavailable;
    public static String Secrets_failed;
    public static String Mail_lineBreak;
    public static String Mail_required;
    public static String Mail_oneAddress;
    public static String Mail_missingDomain;
    public static String Mail_badAddress;
    public static String Mail_tooLong;
    public static String Mail_unknownMailbox;
    public static String Mail_noMailbox;
    public static String Mail_attachmentMissing;
    public static String Mail_attachmentTooLarge;
    public static String Mailbox_badName;
    public static String Mailbox_badHost;
    public static String Mailbox_badPort;
    public static String Mailbox_smtpFailed;
    public static String Mailbox_imapFailed;
    public static String Outbox_copyFailed;
    public static String Outbox_notFailed;
    public static String Send_compose;
    public static String Send_rejected;
    public static String Send_unsent;
    public static String Send_unconfirmed;
    public static String Field_from;
    public static String Field_to;
    public static String Field_cc;
    public static String Field_bcc;
    public static String Field_subject;
    public static String Field_body;
    public static String Field_text;
    public static String Field_html;
    public static String Field_agent;
    public static String Field_attachment;
    public static String Field_signature;
    public static String Field_smtp;
    public static String Field_imap;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
