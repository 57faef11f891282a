package io.switchboard.tickets.ui;

/**
 * Element ids this bundle contributes to the workbench model. Other capabilities (mail, chat) open a ticket with
 * {@link #COMMAND_OPEN} and {@link #PARAMETER_TICKET_ID}; keep these ids stable.
 */
public final class TicketsUi {

    public static final String PART_LIST = "io.switchboard.tickets.ui.part.list";
    public static final String PART_CLASSIFIER = "io.switchboard.tickets.ui.part.classifier";
    /** Part descriptor of the ticket editor; one part per ticket, tagged {@link #TAG_EDITOR}. */
    public static final String PARTDESCRIPTOR_EDITOR = "io.switchboard.tickets.ui.partdescriptor.editor";
    public static final String TAG_EDITOR = "ticketEditor";
    /** Persisted-state key of an editor part holding its ticket's id. */
    public static final String STATE_TICKET_ID = "ticketId";

    public static final String MENU_TICKETS = "io.switchboard.tickets.ui.menu.tickets";

    public static final String COMMAND_NEW = "io.switchboard.tickets.ui.command.new";
    public static final String COMMAND_OPEN = "io.switchboard.tickets.ui.command.open";
    public static final String COMMAND_DELETE = "io.switchboard.tickets.ui.command.delete";
    public static final String COMMAND_CLASSIFIER = "io.switchboard.tickets.ui.command.classifier";
    public static final String PARAMETER_TICKET_ID = "io.switchboard.tickets.ui.commandparameter.ticketId";

    /** Settings key of the agent's name as recorded in ticket history; the account name when absent. */
    public static final String AGENT_SETTING = "agent.name";

    /** Family of every job this bundle runs, for tests and the progress display. */
    public static final Object JOB_FAMILY = TicketsUi.class;

    private TicketsUi() {
    }
}
