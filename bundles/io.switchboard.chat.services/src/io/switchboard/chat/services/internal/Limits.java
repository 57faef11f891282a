package io.switchboard.chat.services.internal;

/** Column sizes, checked before writing so that a too-long value is refused with the field's name. */
public final class Limits {

    /**
     * One message, in characters (UTF-16 units). A chat message is a few sentences; a pasted log or a flood is
     * refused rather than stored. Well under the 32,000 a VARCHAR holds in every dialect.
     */
    public static final int MESSAGE = 4000;
    /** "web", "terminal" or a partner channel's name. */
    public static final int CHANNEL = 32;
    /** An e-mail address or a chat handle; as long as the customers' contact points. */
    public static final int HANDLE = 254;
    /** An agent's name, as the tickets' assignee. */
    public static final int AGENT = 100;
    /** A BCP 47 tag. */
    public static final int LANGUAGE = 35;
    /** The shortened last message shown in the console's lists. */
    public static final int PREVIEW = 200;
    /** The timeline entry's summary column. */
    static final int TIMELINE_SUMMARY = 500;
    /** The ticket's subject and first message (its limits in the tickets' store). */
    static final int TICKET_SUBJECT = 120;
    static final int TICKET_BODY = 32000;

    private Limits() {
    }
}
