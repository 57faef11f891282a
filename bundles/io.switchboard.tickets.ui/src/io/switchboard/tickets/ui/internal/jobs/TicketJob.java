package io.switchboard.tickets.ui.internal.jobs;

import org.eclipse.swt.widgets.Display;

import io.switchboard.tickets.ui.TicketsUi;
import io.switchboard.ui.jobs.UiJob;

/**
 * Long ticket and classifier work (training, evaluation, retraining) off the UI thread. The result goes back to
 * the UI thread through {@link #done(Object)} or {@link #failed}.
 *
 * @param <T> what the work produces
 */
public abstract class TicketJob<T> extends UiJob<T> {

    private static final String PLUGIN_ID = "io.switchboard.tickets.ui";

    protected TicketJob(String name, Display display) {
        super(name, display, PLUGIN_ID, TicketsUi.JOB_FAMILY);
    }
}
