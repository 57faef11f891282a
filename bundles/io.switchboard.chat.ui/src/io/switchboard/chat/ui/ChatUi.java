package io.switchboard.chat.ui;

/** Element ids this bundle contributes to the workbench model; keep them stable. */
public final class ChatUi {

    /** The agents' chat console, first in the Chat perspective. */
    public static final String PART_CONSOLE = "io.switchboard.chat.ui.part.console";
    /** "Waiting chats: N" in the bottom trim, beside the status line. */
    public static final String TOOLCONTROL_WAITING = "io.switchboard.chat.ui.toolcontrol.waiting";

    /** Family of every job this bundle runs, for tests and the progress display. */
    public static final Object JOB_FAMILY = ChatUi.class;

    private ChatUi() {
    }
}
