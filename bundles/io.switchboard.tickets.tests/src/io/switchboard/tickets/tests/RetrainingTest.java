package io.switchboard.tickets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.Progress;
import io.switchboard.core.jobs.MonitorProgress;
import io.switchboard.customers.Customer;
import io.switchboard.testing.Services;
import io.switchboard.tickets.ClassifierRetraining;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.services.internal.RetrainingComponent;
import io.switchboard.tickets.services.internal.TrainingSet;

/** Retraining on the store's own tickets with the real classifier: it learns what agents corrected. */
class RetrainingTest {

    static final String NEW_CATEGORY = "parcel_left_at_fence";
    static final List<String> FENCE_TEXTS = List.of(
            "The courier threw my parcel over the garden fence",
            "Courier left the parcel hanging on the fence again",
            "My parcel was thrown over the fence by the courier",
            "Why does your courier keep leaving parcels on my fence?",
            "Parcel found on top of the fence, courier did not ring",
            "The fence is no place for a parcel, tell your courier",
            "Courier tossed the parcel over our fence into the garden",
            "Again a parcel balanced on the fence by the courier");

    /** Trained on the Banking77 sample alone: it has never seen the new category. */
    static String baseModel;

    private final TicketRepository tickets = Services.get(TicketRepository.class);

    @BeforeAll
    static void baseModelAndLabelledTickets() throws Exception {
        Bundle bundle = Fixtures.classifierBundle();
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
        List<LabeledText> sample = Fixtures.sample();
        baseModel = Services.get(TicketClassifier.class).train(sample, Progress.NONE).version();
        // five tickets per category, categorised by an agent, so the store alone has enough to learn from
        Customer customer = Fixtures.customer("Retraining Base");
        TicketRepository repository = Services.get(TicketRepository.class);
        for (int i = 0; i < sample.size(); i += 4) {
            Ticket ticket = new Ticket(customer.getId(), null, sample.get(i).text());
            ticket.setCategory(sample.get(i).category());
            repository.create(ticket, "agent");
        }
    }

    @Test
    void retrainingLearnsTheCorrectedCategory() throws Exception {
        TicketClassifier classifier = Services.get(TicketClassifier.class);
        classifier.activate(baseModel); // whatever another test (or an earlier run's tickets) trained meanwhile
        String before = baseModel;
        String probe = "The courier threw the parcel over my fence yesterday";
        assertNotEquals(NEW_CATEGORY, classifier.predict(probe).category(), "unknown to the model so far");

        Customer customer = Fixtures.customer("Fence Owner");
        List<Long> corrected = new ArrayList<>();
        for (String text : FENCE_TEXTS) {
            Ticket stored = tickets.create(new Ticket(customer.getId(), "Parcel", text), "mail");
            assertTrue(stored.getSuggestion() != null, "classified by the base model");
            stored.setCategory(NEW_CATEGORY);
            tickets.save(stored, "anna");
            corrected.add(stored.getId());
        }
        assertEquals(FENCE_TEXTS.size(), tickets.corrections().stream().filter(c -> corrected.contains(c.ticketId())
                && c.corrected().equals(NEW_CATEGORY) && c.agent().equals("anna")).count());

        RecordingProgress progress = new RecordingProgress();
        ModelInfo model = Services.get(ClassifierRetraining.class).retrain(progress);
        assertTrue(model.active());
        assertNotEquals(before, model.version());
        assertTrue(model.categories().contains(NEW_CATEGORY), model.categories().toString());
        assertTrue(model.texts() >= 60 + FENCE_TEXTS.size(), "trained on the store's tickets: " + model.texts());
        assertTrue(progress.tasks.size() >= 2, "collecting, then training: " + progress.tasks);
        assertTrue(progress.lastWorked > 0);

        assertEquals(NEW_CATEGORY, classifier.predict(probe).category());
        Ticket next = tickets.create(new Ticket(customer.getId(), "Parcel", probe), "mail");
        assertEquals(NEW_CATEGORY, next.getSuggestion().category(), "new tickets get the learnt category");
    }

    @Test
    void tooFewTicketsOrCategoriesAreRefusedClearly() {
        List<LabeledText> few = new ArrayList<>(Collections.nCopies(ClassifierRetraining.MINIMUM_TICKETS - 1,
                new LabeledText("where is my parcel", "delivery")));
        ClassifierException tooFew = assertThrows(ClassifierException.class, () -> TrainingSet.checkEnough(few));
        assertTrue(tooFew.getMessage().contains("at least 20") && tooFew.getMessage().contains("19"),
                tooFew.getMessage());
        few.add(new LabeledText("where is my parcel", "delivery"));
        ClassifierException oneCategory = assertThrows(ClassifierException.class, () -> TrainingSet.checkEnough(few));
        assertTrue(oneCategory.getMessage().contains("2 categories") && oneCategory.getMessage().contains("has 1"),
                oneCategory.getMessage());
        few.add(new LabeledText("refund please", "returns"));
        assertDoesNotThrow(few);
    }

    private static void assertDoesNotThrow(List<LabeledText> data) {
        try {
            TrainingSet.checkEnough(data);
        } catch (ClassifierException e) {
            throw new AssertionError("enough data refused: " + e.getMessage(), e);
        }
    }

    @Test
    void aCanceledRetrainingKeepsTheActiveModel() throws Exception {
        TicketClassifier classifier = Services.get(TicketClassifier.class);
        String before = classifier.activeModel().orElseThrow().version();
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        ClassifierException canceled = assertThrows(ClassifierException.class, () -> Services
                .get(ClassifierRetraining.class).retrain(new MonitorProgress(monitor)));
        assertTrue(canceled.getMessage().contains("cancel"), canceled.getMessage());
        assertEquals(before, classifier.activeModel().orElseThrow().version());
    }

    @Test
    void theScheduledJobRetrainsWhenTheModelIsOlderThanTheSetting() throws Exception {
        RetrainingComponent component = (RetrainingComponent) Services.get(ClassifierRetraining.class);
        TicketClassifier classifier = Services.get(TicketClassifier.class);
        String key = "switchboard." + ClassifierRetraining.INTERVAL_SETTING;
        System.setProperty(key, "0.0001"); // 0.36 s
        try {
            assertEquals(0.0001, component.intervalHours());
            String before = classifier.activeModel().orElseThrow().version();
            Thread.sleep(1100); // model versions are named by the second
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<IStatus> result = new AtomicReference<>();
            Job job = component.schedule(Duration.ofMillis(300));
            job.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    if (result.compareAndSet(null, event.getResult())) {
                        done.countDown();
                    }
                }
            });
            assertTrue(done.await(3, TimeUnit.MINUTES), "the job ran");
            assertTrue(result.get().isOK(), result.get().toString());
            String after = classifier.activeModel().orElseThrow().version();
            assertNotEquals(before, after);
            assertTrue(result.get().getMessage().contains(after), result.get().getMessage());
        } finally {
            System.clearProperty(key);
            component.schedule(Duration.ofMinutes(5)); // back to the quiet schedule
        }
        System.setProperty(key, "not a number");
        try {
            assertEquals(0, component.intervalHours(), "a bad setting means no schedule");
        } finally {
            System.clearProperty(key);
        }
    }

    static final class RecordingProgress implements Progress {
        final List<String> tasks = new ArrayList<>();
        long lastWorked;

        @Override
        public void begin(String task, long totalWork) {
            tasks.add(task);
        }

        @Override
        public void worked(long done) {
            lastWorked = done;
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    }
}
