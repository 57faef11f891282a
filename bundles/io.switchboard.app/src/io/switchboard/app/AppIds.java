package io.switchboard.app;

/**
 * Element ids of the workbench shell that other bundles' {@code fragment.e4xmi} files place their
 * contributions into. They are the contract between the shell and the capabilities; keep them stable.
 */
public final class AppIds {

    public static final String WINDOW_MAIN = "io.switchboard.app.window.main";
    public static final String PERSPECTIVE_STACK = "io.switchboard.app.perspectivestack";

    public static final String PERSPECTIVE_CUSTOMERS = "io.switchboard.app.perspective.customers";
    public static final String PERSPECTIVE_TICKETS = "io.switchboard.app.perspective.tickets";
    public static final String PERSPECTIVE_CHAT = "io.switchboard.app.perspective.chat";
    public static final String PERSPECTIVE_MAIL = "io.switchboard.app.perspective.mail";

    /** The main part stack of each perspective, where a capability adds its list or console part. */
    public static final String PARTSTACK_CUSTOMERS = "io.switchboard.app.partstack.customers.main";
    public static final String PARTSTACK_TICKETS = "io.switchboard.app.partstack.tickets.main";
    public static final String PARTSTACK_CHAT = "io.switchboard.app.partstack.chat.main";
    public static final String PARTSTACK_MAIL = "io.switchboard.app.partstack.mail.main";

    public static final String MENU_FILE = "io.switchboard.app.menu.file";
    public static final String MENU_EDIT = "io.switchboard.app.menu.edit";
    public static final String MENU_WINDOW = "io.switchboard.app.menu.window";
    public static final String MENU_HELP = "io.switchboard.app.menu.help";

    /**
     * Save (File > Save, Ctrl+S), the platform's command id. The shell declares, binds and shows it; each editor
     * part brings its own handler (a fragment {@code imports} the command and lists the handler on its part).
     */
    public static final String COMMAND_SAVE = "org.eclipse.ui.file.save";
    public static final String MENUITEM_SAVE = "io.switchboard.app.menuitem.save";
    public static final String BINDING_SAVE = "io.switchboard.app.binding.save";

    public static final String COMMAND_SWITCH_PERSPECTIVE = "io.switchboard.app.command.switchPerspective";
    public static final String PARAMETER_PERSPECTIVE_ID = "io.switchboard.app.commandparameter.perspectiveId";

    /**
     * Sent (synchronously, on the UI thread) when the switch command asks for the perspective that is already
     * open, e.g. Ctrl+2 in the Tickets perspective; the event's data ({@code IEventBroker.DATA}) is the
     * perspective's id. The capability that fills the perspective brings its main part to the front.
     */
    public static final String TOPIC_PERSPECTIVE_RESELECTED = "io/switchboard/app/perspective/reselected";

    private AppIds() {
    }
}
