package io.switchboard.tickets.services.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.Progress;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.core.jobs.MonitorProgress;
import io.switchboard.store.Database;
import io.switchboard.tickets.ClassifierRetraining;

/**
 * Retrains the classifier on the store's tickets, on demand and on a schedule.
 *
 * <p>The schedule is a background {@link Job} that looks at the setting {@value #INTERVAL_SETTING} when it runs,
 * never at activation: the data folder (and so the settings file) may not be chosen yet when services start.
 * The first look is {@link #FIRST_CHECK} after start, so short command-line runs never retrain; from then on it
 * retrains whenever the active model is older than the interval, and looks again every {@link #RECHECK} while
 * the interval is 0 or absent. Fractions of hours are allowed.
 */
@Component(service = ClassifierRetraining.class, immediate = true)
public class RetrainingComponent implements ClassifierRetraining {

    static final String PLUGIN_ID = "io.switchboard.tickets.services";
    static final Duration FIRST_CHECK = Duration.ofMinutes(5);
    static final Duration RECHECK = Duration.ofHours(1);

    @Reference
    private Database database;

    @Reference
    private TicketClassifier classifier;

    @Reference
    private Settings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private Job job;

    @Activate
    void activate() {
        schedule(FIRST_CHECK);
    }

    @Deactivate
    synchronized void deactivate() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    /** (Re)starts the schedule: its next look at the setting is after {@code delay}. Returns the job. */
    public synchronized Job schedule(Duration delay) {
        if (job != null) {
            job.cancel();
        }
        job = new ScheduledRetraining();
        job.setSystem(false);
        job.schedule(delay.toMillis());
        return job;
    }

    @Override
    public synchronized ModelInfo retrain(Progress progress) throws ClassifierException {
        progress.begin(Messages.Retraining_collecting, -1);
        List<LabeledText> data = TrainingSet.collect(database);
        TrainingSet.checkEnough(data);
        if (progress.isCanceled()) {
            throw new ClassifierException(Messages.Retraining_canceled);
        }
        ModelInfo model = classifier.train(data, progress);
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(SwitchboardTopics.CLASSIFIER_MODEL_ACTIVATED,
                    Map.of(SwitchboardTopics.PROPERTY_VERSION, model.version())));
        }
        return model;
    }

    /** The setting in hours, or 0 when absent, not a number or not positive. */
    public double intervalHours() {
        String value = settings.get(INTERVAL_SETTING).orElse("0").trim();
        try {
            double hours = Double.parseDouble(value);
            return hours > 0 && Double.isFinite(hours) ? hours : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The schedule's job: retrains when the active model is older than the interval, then plans its next look. */
    final class ScheduledRetraining extends Job {

        ScheduledRetraining() {
            super(Messages.Retraining_task);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            double hours;
            try {
                hours = intervalHours();
            } catch (RuntimeException e) {
                schedule(RECHECK.toMillis());
                return new Status(IStatus.WARNING, PLUGIN_ID, NLS.bind(Messages.Retraining_failed, e.getMessage()), e);
            }
            if (hours <= 0) {
                schedule(RECHECK.toMillis());
                return Status.OK_STATUS;
            }
            Duration interval = Duration.ofMillis(Math.max(1, (long) (hours * 3_600_000)));
            try {
                Optional<ModelInfo> active = classifier.activeModel();
                if (active.isPresent()) {
                    Duration age = Duration.between(active.get().created(), Instant.now());
                    if (age.compareTo(interval) < 0) {
                        schedule(interval.minus(age).toMillis());
                        return Status.OK_STATUS;
                    }
                }
                ModelInfo model = retrain(new MonitorProgress(monitor));
                schedule(interval.toMillis());
                return new Status(IStatus.OK, PLUGIN_ID,
                        NLS.bind(Messages.Retraining_done, model.texts(), model.version()));
            } catch (ClassifierException | RuntimeException e) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                // too few tickets is no error: the next look may find enough
                schedule(interval.toMillis());
                return new Status(IStatus.WARNING, PLUGIN_ID, NLS.bind(Messages.Retraining_failed, e.getMessage()), e);
            } finally {
                monitor.done();
            }
        }
    }
}
