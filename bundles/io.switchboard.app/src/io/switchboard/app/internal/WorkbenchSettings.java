package io.switchboard.app.internal;

/** Keys of the workbench's own entries in the data folder's settings. */
public final class WorkbenchSettings {

    /** Ask before the workbench closes: {@code true} or {@code false}. */
    public static final String CONFIRM_EXIT = "ui.confirmExit";

    /**
     * Language of the workbench at its next start ({@code en}, {@code zh}); empty follows the system. The
     * launcher script reads it and passes {@code -nl}, since the language is fixed when the runtime starts.
     */
    public static final String LANGUAGE = "ui.language";

    /**
     * The main window's size and place when it last closed: {@code x,y,width,height}, followed by
     * {@code ,maximized} when it was maximized. Written by the workbench itself.
     */
    public static final String WINDOW_BOUNDS = "ui.window.bounds";

    private WorkbenchSettings() {
    }
}
