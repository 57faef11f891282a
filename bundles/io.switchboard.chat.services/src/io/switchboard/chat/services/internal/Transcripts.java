package io.switchboard.chat.services.internal;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.chat.ChatMessage;
import io.switchboard.chat.ChatMessage.Sender;
import io.switchboard.chat.StatementPair;

/** What a finished conversation gives: its transcript as text, and what the agents answered. */
final class Transcripts {

    private Transcripts() {
    }

    /**
     * One paragraph per message, "who: text", oldest first; cut at a whole message with a note when longer than
     * {@code limit} (a ticket's message).
     */
    static String text(List<ChatMessage> messages, int limit) {
        String cut = "\n\n" + Messages.Chat_transcriptCut; //$NON-NLS-1$
        StringBuilder out = new StringBuilder();
        for (ChatMessage message : messages) {
            String who = switch (message.sender()) {
            case CUSTOMER -> message.author() == null || message.author().isBlank() ? Messages.Chat_transcriptCustomer
                    : Messages.Chat_transcriptCustomer + " (" + message.author() + ")"; //$NON-NLS-1$ //$NON-NLS-2$
            case BOT -> Messages.Chat_transcriptBot;
            case AGENT -> message.author();
            case SYSTEM -> Messages.Chat_transcriptSystem;
            };
            String separator = out.length() == 0 ? "" : "\n\n"; //$NON-NLS-1$ //$NON-NLS-2$
            String paragraph = separator + who + ": " + message.text(); //$NON-NLS-1$
            if (out.length() + paragraph.length() + cut.length() > limit) {
                if (out.length() == 0) {
                    out.append(Text.truncate(paragraph, limit - cut.length()));
                }
                out.append(cut);
                break;
            }
            out.append(paragraph);
        }
        return out.toString();
    }

    /**
     * What the bot learns from a conversation: each customer message the agent answered, with the agent's next
     * reply ("customer message -> the agent's next reply"). When the customer wrote several messages before the
     * agent replied, the last of them is the question. Requests for a person ("agent", "人工") are not questions.
     */
    static List<StatementPair> agentAnswers(List<ChatMessage> messages) {
        List<StatementPair> pairs = new ArrayList<>();
        String question = null;
        for (ChatMessage message : messages) {
            if (message.sender() == Sender.CUSTOMER) {
                question = Text.asksForPerson(message.text()) ? null : message.text();
            } else if (message.sender() == Sender.AGENT && question != null) {
                pairs.add(new StatementPair(question, message.text()));
                question = null;
            }
        }
        return pairs;
    }
}
