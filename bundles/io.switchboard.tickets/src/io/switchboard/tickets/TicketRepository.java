package io.switchboard.tickets;

import java.util.List;
import java.util.Optional;

/**
 * The ticket store. Every write is one transaction and is announced on the {@code io/switchboard/ticket/*}
 * topics of {@link io.switchboard.core.SwitchboardTopics} (property {@code id}). Creating a ticket and adding a
 * message also write an entry to the customer's timeline ({@link io.switchboard.customers.InteractionLog}).
 */
public interface TicketRepository {

    /**
     * Stores a new ticket (no id). When a classifier model is active the ticket is classified before it is stored:
     * the answer is kept as its {@link Ticket#getSuggestion() suggestion}, and unless it is unsure (or the
     * ticket already names a category) it becomes the ticket's category. The first message becomes the start of
     * the conversation.
     *
     * @param agent who created it (an agent's name, or the channel, e.g. "mail")
     * @throws IllegalArgumentException when a field is invalid (no subject and no body, unknown customer); the
     *                                  message names the field
     */
    Ticket create(Ticket ticket, String agent);

    /**
     * Like {@link #create(Ticket, String)}, but the ticket is stored under {@code importKey} (at most 100
     * characters, e.g. an external reference), in the same transaction: when a ticket with that key is already
     * stored nothing is written and the answer is empty. This is what makes an import safe to run again, also
     * after it was killed.
     */
    Optional<Ticket> createOnce(Ticket ticket, String agent, String importKey);

    /** Whether a ticket was created under {@code importKey} by {@link #createOnce(Ticket, String, String)}. */
    boolean isImported(String importKey);

    Optional<Ticket> find(long id);

    /**
     * Stores the changes to an existing ticket and returns it as stored. Each changed field is recorded in the
     * history under {@code agent}; a category that differs from the classifier's suggestion is recorded as a
     * {@link CategoryCorrection}.
     *
     * @throws StaleTicketException     when someone else saved the ticket since it was loaded; nothing is written
     * @throws IllegalArgumentException when a field is invalid; the message names the field
     */
    Ticket save(Ticket ticket, String agent) throws StaleTicketException;

    /** Deletes the ticket with its conversation, history and corrections. */
    void delete(long id);

    /** Appends a message to the conversation (and to the customer's timeline) and returns it with its id. */
    TicketMessage addMessage(TicketMessage message);

    /** The conversation, oldest first. */
    List<TicketMessage> conversation(long ticketId);

    /** The history of changes, oldest first. */
    List<TicketChange> history(long ticketId);

    List<TicketSummary> list(TicketQuery query);

    long count(TicketQuery query);

    /** Every category some ticket is in, sorted, for filters. */
    List<String> categories();

    /** Every assignee some ticket has, sorted, for filters. */
    List<String> assignees();

    /** Every correction, oldest first. */
    List<CategoryCorrection> corrections();
}
