package io.switchboard.chat.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Every text this bundle shows, in English ({@code messages.properties}) and Simplified Chinese ({@code _zh}). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.chat.ui.internal.messages"; //$NON-NLS-1$

    public static String Action_close;
    public static String Action_closeTooltip;
    public static String Action_createTicket;
    public static String Action_createTicketNeedsCustomer;
    public static String Action_createTicketTooltip;
    public static String Action_handBack;
    public static String Action_handBackTooltip;
    public static String Action_link;
    public static String Action_linkTooltip;
    public static String Action_openTicket;
    public static String Action_openTicketNumber;
    public static String Action_openTicketTooltip;
    public static String Action_openTicketUnavailable;
    public static String Action_relink;
    public static String Action_takeOver;
    public static String Action_takeOverTooltip;
    public static String Channel_terminal;
    public static String Channel_web;
    public static String Column_conversation;
    public static String Column_preview;
    public static String Column_time;
    public static String Console_conversations;
    public static String Console_loading;
    public static String Console_noSelection;
    public static String Console_noSelectionHint;
    public static String Conversation_anonymous;
    public static String Conversation_started;
    public static String Conversation_who;
    public static String Customer_linked;
    public static String Customer_none;
    public static String Done_closed;
    public static String Done_handedBack;
    public static String Done_linked;
    public static String Done_takenOver;
    public static String Done_ticket;
    public static String Group_agent;
    public static String Group_bot;
    public static String Group_waiting;
    public static String Input_hint;
    public static String Input_send;
    public static String Input_sendTooltip;
    public static String Job_close;
    public static String Job_conversation;
    public static String Job_count;
    public static String Job_customers;
    public static String Job_handBack;
    public static String Job_link;
    public static String Job_list;
    public static String Job_send;
    public static String Job_takeOver;
    public static String Job_ticket;
    public static String Picker_company;
    public static String Picker_email;
    public static String Picker_failed;
    public static String Picker_found;
    public static String Picker_foundOne;
    public static String Picker_message;
    public static String Picker_more;
    public static String Picker_name;
    public static String Picker_none;
    public static String Picker_ok;
    public static String Picker_searchHint;
    public static String Picker_title;
    public static String Preferences_bind;
    public static String Preferences_bindInvalid;
    public static String Preferences_port;
    public static String Preferences_threshold;
    public static String Preferences_thresholdHint;
    public static String Preferences_title;
    public static String Preferences_webEnabled;
    public static String Preferences_webHint;
    public static String Problem_failed;
    public static String Problem_taken;
    public static String Sender_agent;
    public static String Sender_bot;
    public static String Sender_botSure;
    public static String Sender_customer;
    public static String Sender_customerNamed;
    public static String Sender_system;
    public static String State_agent;
    public static String State_bot;
    public static String State_closed;
    public static String State_waiting;
    public static String State_withAgent;
    public static String State_withYou;
    public static String Suggestions_edit;
    public static String Suggestions_editTooltip;
    public static String Suggestions_item;
    public static String Suggestions_none;
    public static String Suggestions_send;
    public static String Suggestions_sendTooltip;
    public static String Suggestions_title;
    public static String Ticket_linked;
    public static String Waiting_count;
    public static String Waiting_hours;
    public static String Waiting_minutes;
    public static String Waiting_tooltip;
    public static String Waiting_underAMinute;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
