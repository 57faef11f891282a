package io.switchboard.mail.ui.internal.parts;

import io.switchboard.mail.OutboxState;
import io.switchboard.mail.ui.internal.Messages;

/** How mail things are named on screen. */
public final class Labels {

    private Labels() {
    }

    public static String state(OutboxState state) {
        return switch (state) {
        case QUEUED -> Messages.State_queued;
        case SENDING -> Messages.State_sending;
        case SENT -> Messages.State_sent;
        case FAILED -> Messages.State_failed;
        };
    }

    /** "12.3 KB" and the like. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
