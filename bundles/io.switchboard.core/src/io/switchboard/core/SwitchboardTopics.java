package io.switchboard.core;

/**
 * Event Admin topics that Switchboard's parts publish and listen to. Every channel (tickets, chat, mail) posts
 * to the same timeline topics, so a view that shows a customer's history subscribes once and sees them all.
 * Topic names follow the OSGi convention; the {@code ALL} constants subscribe to a whole family.
 */
public final class SwitchboardTopics {

    /** Root of every Switchboard topic. */
    public static final String ROOT = "io/switchboard";

    /** The data folder in use was chosen; property {@link #PROPERTY_PATH}. */
    public static final String DATA_FOLDER_SELECTED = ROOT + "/datafolder/selected";

    /** Something happened with a customer: created, updated, merged, deleted. */
    public static final String CUSTOMER_ALL = ROOT + "/customer/*";
    public static final String CUSTOMER_CREATED = ROOT + "/customer/created";
    public static final String CUSTOMER_UPDATED = ROOT + "/customer/updated";
    public static final String CUSTOMER_DELETED = ROOT + "/customer/deleted";

    /** A new entry in a customer's timeline, from any channel. */
    public static final String TIMELINE_ALL = ROOT + "/timeline/*";
    public static final String TIMELINE_ADDED = ROOT + "/timeline/added";

    /** Ticket life cycle. */
    public static final String TICKET_ALL = ROOT + "/ticket/*";
    public static final String TICKET_CREATED = ROOT + "/ticket/created";
    public static final String TICKET_UPDATED = ROOT + "/ticket/updated";
    public static final String TICKET_DELETED = ROOT + "/ticket/deleted";

    /**
     * Chat: a conversation started, changed state (handed over, taken, handed back, closed, linked), or got a
     * message. Property {@link #PROPERTY_ID}: the conversation; {@link #PROPERTY_MESSAGE_ID} for new messages.
     */
    public static final String CHAT_ALL = ROOT + "/chat/*";
    public static final String CHAT_STARTED = ROOT + "/chat/started";
    public static final String CHAT_CHANGED = ROOT + "/chat/changed";
    public static final String CHAT_MESSAGE = ROOT + "/chat/message";

    /**
     * Mail: an outbox entry was queued or changed state (sending, sent, failed); a message arrived. Property
     * {@link #PROPERTY_ID}: the outbox entry or the incoming message.
     */
    public static final String MAIL_ALL = ROOT + "/mail/*";
    public static final String MAIL_QUEUED = ROOT + "/mail/queued";
    public static final String MAIL_CHANGED = ROOT + "/mail/changed";
    public static final String MAIL_RECEIVED = ROOT + "/mail/received";

    /** Another classifier model became active (trained, activated, rolled back); property {@link #PROPERTY_VERSION}. */
    public static final String CLASSIFIER_MODEL_ACTIVATED = ROOT + "/classifier/activated";

    /** A message to show in the workbench status line; property {@link #PROPERTY_MESSAGE}. */
    public static final String STATUS_MESSAGE = ROOT + "/status/message";

    /** Event property holding a file-system path as a string. */
    public static final String PROPERTY_PATH = "path";
    /** Event property holding the affected entity's id. */
    public static final String PROPERTY_ID = "id";
    /** Event property holding a chat message's id. */
    public static final String PROPERTY_MESSAGE_ID = "messageId";
    /** Event property holding a model version. */
    public static final String PROPERTY_VERSION = "version";
    /** Event property holding a human-readable message. */
    public static final String PROPERTY_MESSAGE = "message";
    /**
     * Event property of a {@link #STATUS_MESSAGE}: {@code true} for a state that lasts (the store is unavailable),
     * which stays until the next message; other messages are news and clear after a few seconds.
     */
    public static final String PROPERTY_STICKY = "sticky";

    private SwitchboardTopics() {
    }
}
