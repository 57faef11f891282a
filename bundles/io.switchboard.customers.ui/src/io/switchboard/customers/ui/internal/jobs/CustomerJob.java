package io.switchboard.customers.ui.internal.jobs;

import org.eclipse.swt.widgets.Display;

import io.switchboard.customers.ui.CustomersUi;
import io.switchboard.ui.jobs.UiJob;

/**
 * Long customer work (import, export, duplicate scan) off the UI thread. The status bar shows its progress and
 * a cancel button; the result goes back to the UI thread through {@link #done(Object)} or {@link #failed}.
 *
 * @param <T> what the work produces
 */
public abstract class CustomerJob<T> extends UiJob<T> {

    private static final String PLUGIN_ID = "io.switchboard.customers.ui";

    protected CustomerJob(String name, Display display) {
        super(name, display, PLUGIN_ID, CustomersUi.JOB_FAMILY);
    }
}
