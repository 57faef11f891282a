package io.switchboard.classifier.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.Evaluation;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.Prediction;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.DataFolder;
import io.switchboard.core.Progress;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.testing.Cli;
import io.switchboard.testing.Services;

/** The DS service with the real liblinear, on the stratified Banking77 sample. */
class ClassifierServiceTest {

    static TicketClassifier classifier;
    static ModelInfo trained;

    @BeforeAll
    static void train() throws Exception {
        classifier = Services.get(TicketClassifier.class);
        trained = classifier.train(Fixtures.sample(), Progress.NONE);
    }

    @Test
    void trainingStoresSettingsAndCrossValidatedMetrics() throws Exception {
        assertEquals(240, trained.texts());
        assertEquals(12, trained.categories().size());
        assertTrue(trained.settings().get("solver").matches("L2R_L2LOSS_SVC_DUAL|L2R_L1LOSS_SVC_DUAL"), trained.settings().toString());
        assertTrue(trained.settings().get("features").contains("char 3-5-grams"), trained.settings().toString());
        double accuracy = trained.metrics().get("cv_accuracy");
        assertTrue(accuracy > 0.6 && accuracy <= 1, "cv_accuracy " + accuracy);
        assertTrue(trained.fileSize() > 0 && trained.fileSize() < 10 << 20);
    }

    @Test
    void predictsRankedCategoriesWithProbabilitiesAndTerms() throws Exception {
        ensureActive(trained.version());
        Prediction p = classifier.predict("My card still has not arrived, when will it be delivered?");
        assertEquals("card_arrival", p.category());
        assertEquals(p.confidence(), p.ranking().get(0).probability(), 1e-12);
        assertEquals(12, p.ranking().size());
        double sum = p.ranking().stream().mapToDouble(Prediction.ScoredCategory::probability).sum();
        assertEquals(1, sum, 1e-6);
        for (int i = 1; i < p.ranking().size(); i++) {
            assertTrue(p.ranking().get(i - 1).probability() >= p.ranking().get(i).probability());
        }
        assertFalse(p.terms().isEmpty());
        assertTrue(p.terms().stream().anyMatch(t -> t.text().contains("card") || t.text().contains("arrive")),
                p.terms().toString());
        // Chinese is tokenised per character; an unseen script must still give an answer, not fail
        Prediction chinese = classifier.predict("我的卡还没有到");
        assertTrue(chinese.confidence() > 0 && chinese.confidence() <= 1);
    }

    @Test
    void belowTheThresholdTheAnswerIsUnsure() throws Exception {
        ensureActive(trained.version());
        String text = "I forgot my passcode and cannot log in";
        Prediction sure = classifier.predict(text);
        assertFalse(sure.unsure(), "default threshold 0.5: " + sure.confidence());
        double above = Math.nextUp(sure.confidence());
        System.setProperty("switchboard." + TicketClassifier.THRESHOLD_SETTING, Double.toString(above));
        try {
            classifier.activate(trained.version()); // re-reads the threshold now instead of within a second
            assertEquals(above, classifier.threshold());
            Prediction p = classifier.predict(text);
            assertTrue(p.unsure(), p.toString());
            assertEquals("passcode_forgotten", p.category(), "the best guess is still reported");
            Cli.Run run = Cli.runWithInput(text + "\n", "classifier", "predict");
            assertTrue(run.out().startsWith("unsure\t"), run.out());
        } finally {
            System.clearProperty("switchboard." + TicketClassifier.THRESHOLD_SETTING);
            classifier.activate(trained.version());
        }
    }

    @Test
    void rollbackAndActivateSwitchVersions() throws Exception {
        List<LabeledText> fewer = new ArrayList<>(Fixtures.sample().subList(0, 100));
        ModelInfo first = classifier.train(fewer, Progress.NONE);
        ModelInfo second = classifier.train(Fixtures.sample(), Progress.NONE);
        assertTrue(second.active());
        assertTrue(second.version().compareTo(first.version()) > 0);
        ModelInfo back = classifier.rollback();
        assertEquals(first.version(), back.version());
        assertEquals(first.version(), classifier.activeModel().orElseThrow().version());
        assertEquals(5, classifier.activeModel().orElseThrow().categories().size(), "first 100 rows: 5 categories");
        assertTrue(classifier.models().stream().anyMatch(m -> m.version().equals(second.version()) && !m.active()));
        classifier.activate(second.version());
        assertEquals(12, classifier.predict("top up failed").ranking().size());
        ClassifierException unknown = assertThrows(ClassifierException.class, () -> classifier.activate("19990101-000000"));
        assertTrue(unknown.getMessage().contains("19990101-000000"), unknown.getMessage());
        assertThrows(ClassifierException.class, () -> classifier.activate("../../etc"));
    }

    @Test
    void everyNewActiveModelIsAnnouncedThroughEventAdmin() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, SwitchboardTopics.CLASSIFIER_MODEL_ACTIVATED);
        ServiceRegistration<EventHandler> registration = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(EventHandler.class, events::add, properties);
        try {
            ModelInfo older = classifier.train(Fixtures.sample().subList(0, 100), Progress.NONE);
            assertAnnounced(events, older.version());
            ModelInfo newer = classifier.train(Fixtures.sample(), Progress.NONE);
            assertAnnounced(events, newer.version());
            classifier.rollback();
            assertAnnounced(events, older.version());
            classifier.activate(newer.version());
            assertAnnounced(events, newer.version());
            assertThrows(ClassifierException.class, () -> classifier.activate("19990101-000000"));
            Event none = events.poll(1, TimeUnit.SECONDS);
            assertEquals(null, none, "a failed activation announces nothing");
        } finally {
            registration.unregister();
        }
    }

    /** The next event is the activation of {@code version}. */
    private static void assertAnnounced(BlockingQueue<Event> events, String version) throws InterruptedException {
        Event event = events.poll(10, TimeUnit.SECONDS);
        assertTrue(event != null, "no event for " + version);
        assertEquals(SwitchboardTopics.CLASSIFIER_MODEL_ACTIVATED, event.getTopic());
        assertEquals(version, event.getProperty(SwitchboardTopics.PROPERTY_VERSION));
    }

    @Test
    void corruptOrMissingModelIsNeverActivated() throws Exception {
        ModelInfo good = classifier.train(Fixtures.sample(), Progress.NONE);
        ModelInfo victim = classifier.train(Fixtures.sample(), Progress.NONE);
        classifier.activate(good.version());
        Path models = Services.get(DataFolder.class).resolve("models");
        Path file = models.resolve(victim.version()).resolve("model.bin");

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        ClassifierException flipped = assertThrows(ClassifierException.class, () -> classifier.activate(victim.version()));
        assertTrue(flipped.getMessage().contains("damaged"), flipped.getMessage());
        assertFalse(flipped.getMessage().contains("\n"));
        assertEquals(good.version(), classifier.activeModel().orElseThrow().version());

        Files.write(file, Arrays.copyOf(bytes, 100));
        ClassifierException truncated = assertThrows(ClassifierException.class, () -> classifier.activate(victim.version()));
        assertTrue(truncated.getMessage().contains("damaged"), truncated.getMessage());

        Files.delete(file);
        ClassifierException missing = assertThrows(ClassifierException.class, () -> classifier.activate(victim.version()));
        assertTrue(missing.getMessage().contains("no model file"), missing.getMessage());
        assertEquals(good.version(), classifier.activeModel().orElseThrow().version());
        assertEquals("card_arrival", classifier.predict("where is my new card").category());
    }

    @Test
    void badInputIsAClearError() throws Exception {
        ensureActive(trained.version());
        assertMessage("empty text", () -> classifier.predict(""));
        assertMessage("empty text", () -> classifier.predict("   "));
        assertMessage("longer than the limit", () -> classifier.predict("a".repeat(1 << 20)));
        assertMessage("category 'no_such_queue' is unknown", () -> classifier.evaluate(
                List.of(new LabeledText("my card", "card_arrival"), new LabeledText("hello", "no_such_queue", "x.csv:3"))));
        assertMessage("x.csv:3: empty text", () -> classifier.train(
                List.of(new LabeledText("my card", "a"), new LabeledText("", "b", "x.csv:3")), Progress.NONE));
        assertMessage("at least 2 categories", () -> classifier.train(
                List.of(new LabeledText("my card", "a"), new LabeledText("my pin", "a")), Progress.NONE));
    }

    @Test
    void evaluationOfTheActiveModelAndASplit() throws Exception {
        ensureActive(trained.version());
        Evaluation self = classifier.evaluate(Fixtures.sample());
        assertEquals(240, self.n());
        assertTrue(self.accuracy() > 0.95, "training texts are learnt: " + self.accuracy());
        Evaluation split = classifier.evaluateSplit(Fixtures.sample(), 0.2, 42, Progress.NONE);
        assertEquals(48, split.n(), "4 of each category's 20");
        assertTrue(split.accuracy() > 0.5, "held-out accuracy " + split.accuracy());
        assertEquals(12, split.perCategory().size());
        Evaluation again = classifier.evaluateSplit(Fixtures.sample(), 0.2, 42, Progress.NONE);
        assertEquals(split.accuracy(), again.accuracy(), "same seed, same result");
        assertTrue(Arrays.deepEquals(split.confusion(), again.confusion()));
    }

    private static void ensureActive(String version) throws ClassifierException {
        if (!classifier.activeModel().map(m -> m.version().equals(version)).orElse(false)) {
            classifier.activate(version);
        }
    }

    private static void assertMessage(String expected, Executable call) {
        ClassifierException e = assertThrows(ClassifierException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
