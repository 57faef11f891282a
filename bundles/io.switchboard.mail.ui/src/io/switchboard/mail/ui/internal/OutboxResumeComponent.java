package io.switchboard.mail.ui.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.workbench.IWorkbench;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mail.Outbox;

/**
 * Lets the outbox go on with what a previous run left queued (or was sending when it died) while the workbench
 * runs, even when no one opens the Mail perspective. The outbox's sender starts on the first use of the service;
 * this component makes that first use {@link #DELAY_SECONDS} after the workbench is up, so it stays off the start
 * path. It needs the workbench's {@link IWorkbench} service, so command-line runs never start it.
 */
@Component(immediate = true)
public class OutboxResumeComponent {

    static final long DELAY_SECONDS = 20;

    private static final System.Logger LOG = System.getLogger(OutboxResumeComponent.class.getName());

    @Reference
    private IWorkbench workbench;

    @Reference
    private Outbox outbox;

    private ScheduledExecutorService timer;

    @Activate
    void activate() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-resume");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(this::resume, DELAY_SECONDS, TimeUnit.SECONDS);
    }

    private void resume() {
        try {
            outbox.sendNow();
        } catch (RuntimeException e) {
            // The store may be unavailable (another process holds it); the outbox view says so when opened.
            LOG.log(System.Logger.Level.WARNING, "the outbox could not resume sending: " + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
