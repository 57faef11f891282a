package io.switchboard.customers.ui;

/**
 * Element ids this bundle contributes to the workbench model. Other capabilities (tickets, chat, mail) open a
 * customer with {@link #COMMAND_OPEN} and {@link #PARAMETER_CUSTOMER_ID}; keep these ids stable.
 */
public final class CustomersUi {

    public static final String PART_LIST = "io.switchboard.customers.ui.part.list";
    /** Part descriptor of the customer editor; one part per customer, tagged {@link #TAG_EDITOR}. */
    public static final String PARTDESCRIPTOR_EDITOR = "io.switchboard.customers.ui.partdescriptor.editor";
    public static final String TAG_EDITOR = "customerEditor";
    /** Persisted-state key of an editor part holding its customer's id. */
    public static final String STATE_CUSTOMER_ID = "customerId";

    public static final String MENU_CUSTOMERS = "io.switchboard.customers.ui.menu.customers";

    public static final String COMMAND_NEW = "io.switchboard.customers.ui.command.new";
    public static final String COMMAND_OPEN = "io.switchboard.customers.ui.command.open";
    public static final String COMMAND_DELETE = "io.switchboard.customers.ui.command.delete";
    public static final String COMMAND_FIND_DUPLICATES = "io.switchboard.customers.ui.command.findDuplicates";
    public static final String COMMAND_MERGE = "io.switchboard.customers.ui.command.merge";
    public static final String COMMAND_IMPORT = "io.switchboard.customers.ui.command.import";
    public static final String COMMAND_EXPORT = "io.switchboard.customers.ui.command.export";
    /** The platform's Save command; the customer editor handles it while it is active. */
    public static final String COMMAND_SAVE = "org.eclipse.ui.file.save";
    public static final String PARAMETER_CUSTOMER_ID = "io.switchboard.customers.ui.commandparameter.customerId";

    /** Family of every job this bundle runs, for the progress shown in the status bar and for tests. */
    public static final Object JOB_FAMILY = CustomersUi.class;

    private CustomersUi() {
    }
}
