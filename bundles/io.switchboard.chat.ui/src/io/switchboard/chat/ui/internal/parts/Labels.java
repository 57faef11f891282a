package io.switchboard.chat.ui.internal.parts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.osgi.util.NLS;

import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.Conversation;
import io.switchboard.chat.ConversationState;
import io.switchboard.chat.ui.internal.Messages;
import io.switchboard.ui.forms.DateTexts;

/** How conversations, senders, states and times read in the agent's language. */
public final class Labels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private Labels() {
    }

    /** The customer as the channel knows them, with the channel: "anna@example.com (web)". */
    public static String who(Conversation conversation) {
        String handle = conversation.handle() == null || conversation.handle().isBlank()
                ? NLS.bind(Messages.Conversation_anonymous, conversation.id())
                : conversation.handle();
        return NLS.bind(Messages.Conversation_who, handle, channel(conversation.channel()));
    }

    public static String channel(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
        case "web" -> Messages.Channel_web;
        case "terminal" -> Messages.Channel_terminal;
        default -> channel;
        };
    }

    public static String state(ConversationState state) {
        return switch (state) {
        case BOT -> Messages.State_bot;
        case WAITING -> Messages.State_waiting;
        case AGENT -> Messages.State_agent;
        case CLOSED -> Messages.State_closed;
        };
    }

    /** The line under the title: state, who has it, the customer and the ticket. */
    public static String describe(Conversation conversation, String customerName, String me) {
        StringBuilder text = new StringBuilder();
        if (conversation.state() == ConversationState.AGENT && conversation.agent() != null) {
            text.append(conversation.agent().equals(me) ? Messages.State_withYou
                    : NLS.bind(Messages.State_withAgent, conversation.agent()));
        } else if (conversation.state() == ConversationState.WAITING && conversation.waitingSince() != null) {
            text.append(Messages.State_waiting).append(" \u2014 ")
                    .append(waitingFor(conversation.waitingSince(), Instant.now()));
        } else {
            text.append(state(conversation.state()));
        }
        text.append("   \u00b7   ");
        if (conversation.customerId() == null) {
            text.append(Messages.Customer_none);
        } else {
            text.append(NLS.bind(Messages.Customer_linked,
                    customerName == null ? "#" + conversation.customerId() : customerName, conversation.customerId()));
        }
        if (conversation.ticketId() != null) {
            text.append("   \u00b7   ").append(NLS.bind(Messages.Ticket_linked, conversation.ticketId()));
        }
        text.append("   \u00b7   ").append(NLS.bind(Messages.Conversation_started,
                DateTexts.shortDateTime(conversation.startedAt())));
        return text.toString();
    }

    /** Who wrote a message, as the transcript heads it. */
    public static String sender(ChatMessage message) {
        return switch (message.sender()) {
        case CUSTOMER -> message.author() == null || message.author().isBlank() ? Messages.Sender_customer
                : NLS.bind(Messages.Sender_customerNamed, message.author());
        case BOT -> message.confidence() > 0
                ? NLS.bind(Messages.Sender_botSure, Math.round(message.confidence() * 100))
                : Messages.Sender_bot;
        case AGENT -> NLS.bind(Messages.Sender_agent, message.author());
        case SYSTEM -> Messages.Sender_system;
        };
    }

    /** Today's times as the clock shows them, older ones with their date. */
    public static String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        if (Duration.between(instant, Instant.now()).toHours() < 12) {
            return TIME.format(instant);
        }
        return DateTexts.shortDateTime(instant);
    }

    /** How long a conversation waits: "under a minute", "4 min", "1 h 5 min". */
    public static String waitingFor(Instant since, Instant now) {
        long minutes = Math.max(0, Duration.between(since, now).toMinutes());
        if (minutes < 1) {
            return Messages.Waiting_underAMinute;
        }
        if (minutes < 60) {
            return NLS.bind(Messages.Waiting_minutes, minutes);
        }
        return NLS.bind(Messages.Waiting_hours, minutes / 60, minutes % 60);
    }
}
