package io.switchboard.mail.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Every text this bundle shows, in English ({@code messages.properties}) and Simplified Chinese ({@code _zh}). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.mail.ui.internal.messages"; //$NON-NLS-1$

    public static String Action_customerNoEmail;
    public static String Action_mailCustomer;
    public static String Column_mailbox;
    public static String Column_queued;
    public static String Column_reason;
    public static String Column_sent;
    public static String Column_state;
    public static String Column_subject;
    public static String Column_to;
    public static String Compose_addressesHint;
    public static String Compose_attach;
    public static String Compose_attachTitle;
    public static String Compose_attachmentItem;
    public static String Compose_attachmentUnreadable;
    public static String Compose_attachments;
    public static String Compose_bcc;
    public static String Compose_cc;
    public static String Compose_from;
    public static String Compose_mailboxesFailed;
    public static String Compose_noMailbox;
    public static String Compose_noRecipient;
    public static String Compose_queued;
    public static String Compose_removeAttachment;
    public static String Compose_send;
    public static String Compose_sendFailed;
    public static String Compose_sendTooltip;
    public static String Compose_subject;
    public static String Compose_text;
    public static String Compose_title;
    public static String Compose_to;
    public static String Job_loadAddresses;
    public static String Job_loadMailboxes;
    public static String Job_loadOutbox;
    public static String Job_retry;
    public static String Job_saveMailbox;
    public static String Job_send;
    public static String Mailboxes_close;
    public static String Mailboxes_delete;
    public static String Mailboxes_deleted;
    public static String Mailboxes_from;
    public static String Mailboxes_host;
    public static String Mailboxes_imap;
    public static String Mailboxes_imapHint;
    public static String Mailboxes_mailbox;
    public static String Mailboxes_name;
    public static String Mailboxes_new;
    public static String Mailboxes_password;
    public static String Mailboxes_passwordHint;
    public static String Mailboxes_port;
    public static String Mailboxes_save;
    public static String Mailboxes_saved;
    public static String Mailboxes_saving;
    public static String Mailboxes_security;
    public static String Mailboxes_securityNone;
    public static String Mailboxes_securitySsl;
    public static String Mailboxes_securityStarttls;
    public static String Mailboxes_signature;
    public static String Mailboxes_smtp;
    public static String Mailboxes_test;
    public static String Mailboxes_testFailed;
    public static String Mailboxes_testWorks;
    public static String Mailboxes_testing;
    public static String Mailboxes_title;
    public static String Mailboxes_user;
    public static String Outbox_all;
    public static String Outbox_count;
    public static String Outbox_filter;
    public static String Outbox_loadFailed;
    public static String Outbox_mailboxes;
    public static String Outbox_mailboxesTooltip;
    public static String Outbox_newMail;
    public static String Outbox_newMailTooltip;
    public static String Outbox_reasonDetail;
    public static String Outbox_retried;
    public static String Outbox_retry;
    public static String Outbox_retryTooltip;
    public static String Outbox_willRetry;
    public static String State_failed;
    public static String State_queued;
    public static String State_sending;
    public static String State_sent;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
