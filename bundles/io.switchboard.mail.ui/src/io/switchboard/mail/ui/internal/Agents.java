package io.switchboard.mail.ui.internal;

import io.switchboard.core.Settings;
import io.switchboard.tickets.ui.TicketsUi;

/** The agent at this workbench, named as the ticket history names them: the setting, else the account name. */
public final class Agents {

    private Agents() {
    }

    public static String current(Settings settings) {
        String fallback = System.getProperty("user.name", "agent");
        return settings == null ? fallback : settings.get(TicketsUi.AGENT_SETTING, fallback);
    }
}
