package io.switchboard.classifier.services.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.Evaluation;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.Prediction;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.core.DataFolder;
import io.switchboard.core.Progress;
import io.switchboard.core.Settings;
import io.switchboard.core.SwitchboardTopics;

/** {@link TicketClassifier} on liblinear, with models under the data folder's {@code models}. */
@Component(service = TicketClassifier.class)
public class TicketClassifierService implements TicketClassifier {

    /** Longer texts are refused: a ticket body is a few kilobytes, a megabyte is a mistake (an attachment). */
    public static final int MAX_TEXT_LENGTH = 100_000;
    /** The model file numbers categories in 16 bits. */
    static final int MAX_CATEGORIES = 65_535;
    /** Terms returned with a prediction. */
    static final int TERMS = 5;
    /** Folds of the settings search in training; few, to keep training interactive. */
    static final int SEARCH_FOLDS = 3;
    /** How often another process's activation or a changed threshold is noticed. */
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Reference
    private DataFolder dataFolder;

    @Reference
    private Settings settings;

    /** Optional: without Event Admin (plain command-line runs) nobody listens for a new active model. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private final ThreadLocal<TextFeatures.Scratch> scratch = ThreadLocal.withInitial(TextFeatures.Scratch::new);
    private volatile Loaded loaded;

    /** The active model as loaded, with the threshold read at the same time. */
    private record Loaded(String version, LinearModel model, double threshold, long checkedAt) {
    }

    ModelStore store() {
        return new ModelStore(dataFolder.resolve("models"));
    }

    @Override
    public Prediction predict(String text) throws ClassifierException {
        checkText(text, null);
        Loaded current = current();
        LinearModel model = current.model();
        TextFeatures.Scratch s = scratch.get();
        String[] labels = model.labels;
        double[] p = new double[labels.length];
        int nnz = model.decide(text, s, p);
        int best = model.probabilities(p);
        String[] terms = new String[TERMS];
        double[] weights = new double[TERMS];
        int found = model.explain(s, nnz, best, TERMS, terms, weights);
        List<Prediction.Term> termList = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            termList.add(new Prediction.Term(terms[i], weights[i]));
        }
        // probability bits (order-preserving for non-negative floats) above the index: one primitive sort
        long[] order = new long[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = ((long) Float.floatToIntBits((float) p[i]) << 32) | i;
        }
        Arrays.sort(order);
        List<Prediction.ScoredCategory> ranking = new ArrayList<>(labels.length);
        ranking.add(new Prediction.ScoredCategory(labels[best], p[best]));
        for (int r = order.length - 1; r >= 0; r--) {
            int i = (int) order[r];
            if (i != best) {
                ranking.add(new Prediction.ScoredCategory(labels[i], p[i]));
            }
        }
        return new Prediction(labels[best], p[best], p[best] < current.threshold(), ranking, termList);
    }

    @Override
    public double threshold() {
        String value = settings.get(THRESHOLD_SETTING, Double.toString(DEFAULT_THRESHOLD));
        try {
            double threshold = Double.parseDouble(value.trim());
            if (threshold >= 0 && threshold <= 1) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // fall through: a bad setting must not stop triage
        }
        return DEFAULT_THRESHOLD;
    }

    private Loaded current() throws ClassifierException {
        Loaded current = loaded;
        long now = System.nanoTime();
        if (current != null && now - current.checkedAt() < RECHECK_NANOS) {
            return current;
        }
        synchronized (this) {
            ModelStore store = store();
            Optional<String> active = store.activeVersion();
            if (active.isEmpty()) {
                throw new ClassifierException(Messages.Classifier_noModel);
            }
            current = loaded;
            LinearModel model;
            try {
                model = current != null && current.version().equals(active.get()) ? current.model()
                        : store.load(active.get());
            } catch (ClassifierException e) {
                // The version the user relies on is unusable: say so, and how to get back to a working one.
                throw new ClassifierException(NLS.bind(Messages.Classifier_activeUnusable, e.getMessage()), e);
            }
            current = new Loaded(active.get(), model, threshold(), now);
            loaded = current;
            return current;
        }
    }

    @Override
    public ModelInfo train(List<LabeledText> data, Progress progress) throws ClassifierException {
        Data d = Data.of(data);
        Instant started = Instant.now();
        Search search = search(d, progress);
        LinearModel model = fit(d, search.best(), search.scale(), progress);
        progress.worked(searchSteps() + 1);
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("features", model.features.settings.toString());
        chosen.put("solver", search.best().solver().name());
        chosen.put("c", Double.toString(search.best().c()));
        chosen.put("probability", "softmax of decision values, scale " + String.format(Locale.ROOT, "%.2f", search.scale()));
        chosen.put("vocabulary", Integer.toString(model.features.size()));
        chosen.put("search", search.tried());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("cv_accuracy", search.evaluation().accuracy());
        metrics.put("cv_macro_f1", search.evaluation().macroF1());
        metrics.put("cv_folds", (double) SEARCH_FOLDS);
        metrics.put("train_seconds", secondsSince(started));
        ModelStore store = store();
        ModelInfo info = store.save(model, started, d.texts.size(), chosen, metrics);
        LinearModel verified = store.activate(info.version());
        loaded = new Loaded(info.version(), verified, threshold(), System.nanoTime());
        announce(info.version());
        return store.info(info.version());
    }

    private static double secondsSince(Instant start) {
        return (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0;
    }

    @Override
    public Evaluation evaluate(List<LabeledText> data) throws ClassifierException {
        if (data.isEmpty()) {
            throw new ClassifierException(Messages.Classifier_noData);
        }
        LinearModel model = current().model();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String label : model.labels) {
            index.put(label, index.size());
        }
        for (LabeledText t : data) {
            checkText(t.text(), t.source());
            if (!index.containsKey(t.category())) {
                throw new ClassifierException(NLS.bind(Messages.Classifier_unknownCategory, where(t.source()),
                        t.category()));
            }
        }
        int k = model.labels.length;
        int[][] confusion = new int[k][k];
        TextFeatures.Scratch s = scratch.get();
        double[] scores = new double[k];
        for (LabeledText t : data) {
            model.decide(t.text(), s, scores);
            confusion[index.get(t.category())][Trainer.argmax(scores)]++;
        }
        return Evaluation.of(Arrays.asList(model.labels), confusion);
    }

    @Override
    public Evaluation evaluateSplit(List<LabeledText> data, double testSize, long seed, Progress progress)
            throws ClassifierException {
        if (!(testSize > 0 && testSize < 1)) {
            throw new ClassifierException(NLS.bind(Messages.Classifier_badSplit, testSize));
        }
        Data d = Data.of(data);
        // stratified: each category keeps its share in both parts (scikit-learn's train_test_split with stratify=y)
        Random random = new Random(seed);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int i = 0; i < d.labels.length; i++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < d.y.length; i++) {
            byClass.get(d.y[i]).add(i);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            int testCount = (int) Math.round(members.size() * testSize);
            if (members.size() >= 2) {
                testCount = Math.max(1, Math.min(members.size() - 1, testCount));
            } else {
                testCount = 0;
            }
            test.addAll(members.subList(0, testCount));
            train.addAll(members.subList(testCount, members.size()));
        }
        Collections.sort(train);
        Collections.sort(test);
        Data trainData = d.subset(train);
        Search search = search(trainData, progress);
        LinearModel model = fit(trainData, search.best(), search.scale(), progress);
        progress.worked(searchSteps() + 1);
        int k = d.labels.length;
        int[][] confusion = new int[k][k];
        TextFeatures.Scratch s = scratch.get();
        double[] scores = new double[k];
        // the training part may lack a category that the test part has; map by name
        Map<String, Integer> index = Trainer.labelIndex(Arrays.asList(d.labels));
        for (int i : test) {
            model.decide(d.texts.get(i), s, scores);
            confusion[d.y[i]][index.get(model.labels[Trainer.argmax(scores)])]++;
        }
        return Evaluation.of(Arrays.asList(d.labels), confusion);
    }

    @Override
    public Evaluation crossValidate(List<LabeledText> data, int folds, long seed, Progress progress)
            throws ClassifierException {
        Data d = Data.of(data);
        progress.begin(Messages.Classifier_training, folds);
        return crossValidate(d, List.of(Trainer.DEFAULT), folds, seed, progress).get(0).evaluation();
    }

    @Override
    public List<ModelInfo> models() throws ClassifierException {
        return store().list();
    }

    @Override
    public Optional<ModelInfo> activeModel() throws ClassifierException {
        ModelStore store = store();
        Optional<String> active = store.activeVersion();
        return active.isEmpty() ? Optional.empty() : Optional.of(store.info(active.get()));
    }

    @Override
    public synchronized ModelInfo activate(String version) throws ClassifierException {
        ModelStore store = store();
        LinearModel model = store.activate(version);
        loaded = new Loaded(version, model, threshold(), System.nanoTime());
        announce(version);
        return store.info(version);
    }

    /** Tells listeners (the workbench's classifier page) that {@code version} is now the active model. */
    private void announce(String version) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(SwitchboardTopics.PROPERTY_VERSION, version);
            events.postEvent(new Event(SwitchboardTopics.CLASSIFIER_MODEL_ACTIVATED, properties));
        }
    }

    @Override
    public synchronized ModelInfo rollback() throws ClassifierException {
        ModelStore store = store();
        String active = store.activeVersion().orElseThrow(() -> new ClassifierException(Messages.Classifier_noModel));
        List<ModelInfo> older = store.list().stream().filter(m -> m.version().compareTo(active) < 0).toList();
        if (older.isEmpty()) {
            throw new ClassifierException(NLS.bind(Messages.Classifier_noOlderModel, active));
        }
        return activate(older.get(older.size() - 1).version());
    }

    // --- training ------------------------------------------------------------------------------------------

    /** The settings search's result: the best candidate, its cross-validated scores and softmax scale. */
    private record Search(Trainer.Candidate best, Evaluation evaluation, double scale, String tried) {
    }

    private record Scored(Evaluation evaluation, double[][] scores) {
    }

    private Search search(Data d, Progress progress) throws ClassifierException {
        progress.begin(Messages.Classifier_training, searchSteps() + 1);
        List<Scored> scored = crossValidate(d, Trainer.CANDIDATES, SEARCH_FOLDS, 42, progress);
        int best = 0;
        StringBuilder tried = new StringBuilder();
        for (int c = 0; c < scored.size(); c++) {
            if (tried.length() > 0) {
                tried.append("; ");
            }
            double accuracy = scored.get(c).evaluation().accuracy();
            tried.append(Trainer.CANDIDATES.get(c)).append(String.format(Locale.ROOT, " cv_accuracy=%.4f", accuracy));
            if (accuracy > scored.get(best).evaluation().accuracy()) {
                best = c;
            }
        }
        Scored winner = scored.get(best);
        return new Search(Trainer.CANDIDATES.get(best), winner.evaluation(), Trainer.fitScale(winner.scores(), d.y),
                tried.toString());
    }

    /** One step per fold of the search: the candidates share each fold's features. */
    private static long searchSteps() {
        return SEARCH_FOLDS;
    }

    private List<Scored> crossValidate(Data d, List<Trainer.Candidate> candidates, int folds, long seed,
            Progress progress) throws ClassifierException {
        if (folds < 2 || folds > d.texts.size()) {
            throw new ClassifierException(NLS.bind(Messages.Classifier_badFolds, folds, d.texts.size()));
        }
        int[] fold = Trainer.stratifiedFolds(d.y, d.labels.length, folds, seed);
        try {
            double[][][] scores = trainer(progress).crossValidate(d.settings, candidates, d.texts, d.y, d.labels,
                    fold, folds, progress::worked);
            int k = d.labels.length;
            List<Scored> result = new ArrayList<>();
            for (double[][] candidateScores : scores) {
                int[][] confusion = new int[k][k];
                for (int i = 0; i < d.y.length; i++) {
                    confusion[d.y[i]][Trainer.argmax(candidateScores[i])]++;
                }
                result.add(new Scored(Evaluation.of(Arrays.asList(d.labels), confusion), candidateScores));
            }
            return result;
        } catch (InterruptedException e) {
            throw new ClassifierException(Messages.Classifier_canceled, e);
        }
    }

    private LinearModel fit(Data d, Trainer.Candidate candidate, double scale, Progress progress)
            throws ClassifierException {
        try {
            return trainer(progress).fit(d.settings, candidate, d.texts, d.y, d.labels, scale);
        } catch (InterruptedException e) {
            throw new ClassifierException(Messages.Classifier_canceled, e);
        }
    }

    private static Trainer trainer(Progress progress) {
        return new Trainer(Runtime.getRuntime().availableProcessors(), progress::isCanceled);
    }

    static void checkText(String text, String source) throws ClassifierException {
        if (text == null || text.isBlank()) {
            throw new ClassifierException(NLS.bind(Messages.Classifier_emptyText, where(source)));
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new ClassifierException(NLS.bind(Messages.Classifier_textTooLong, new Object[] { where(source),
                    text.length(), MAX_TEXT_LENGTH }));
        }
    }

    static String where(String source) {
        return source == null ? "" : source + ": ";
    }

    /** Training data checked and indexed: labels in first-appearance order. */
    private static final class Data {
        final List<String> texts;
        final int[] y;
        final String[] labels;
        final FeatureSettings settings = FeatureSettings.DEFAULT;

        private Data(List<String> texts, int[] y, String[] labels) {
            this.texts = texts;
            this.y = y;
            this.labels = labels;
        }

        static Data of(List<LabeledText> data) throws ClassifierException {
            List<String> texts = new ArrayList<>(data.size());
            List<String> categories = new ArrayList<>(data.size());
            for (LabeledText t : data) {
                checkText(t.text(), t.source());
                if (t.category() == null || t.category().isBlank()) {
                    throw new ClassifierException(NLS.bind(Messages.Classifier_emptyCategory, where(t.source())));
                }
                texts.add(t.text());
                categories.add(t.category().trim());
            }
            Map<String, Integer> index = Trainer.labelIndex(categories);
            if (index.size() < 2) {
                throw new ClassifierException(NLS.bind(Messages.Classifier_tooFewCategories, index.size()));
            }
            if (index.size() > MAX_CATEGORIES) {
                throw new ClassifierException(NLS.bind(Messages.Classifier_tooManyCategories, index.size(),
                        MAX_CATEGORIES));
            }
            return new Data(texts, Trainer.indices(categories, index), Trainer.names(index));
        }

        Data subset(List<Integer> rows) {
            List<String> t = new ArrayList<>(rows.size());
            int[] sub = new int[rows.size()];
            for (int i = 0; i < sub.length; i++) {
                t.add(texts.get(rows.get(i)));
                sub[i] = y[rows.get(i)];
            }
            // keep only categories present in the subset, so the model never predicts one it never saw
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int label : sub) {
                index.putIfAbsent(labels[label], index.size());
            }
            int[] remapped = new int[sub.length];
            for (int i = 0; i < sub.length; i++) {
                remapped[i] = index.get(labels[sub[i]]);
            }
            return new Data(t, remapped, Trainer.names(index));
        }
    }
}
