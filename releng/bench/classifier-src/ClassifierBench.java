import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.bwaldvogel.liblinear.SolverType;
import io.switchboard.classifier.Evaluation;
import io.switchboard.classifier.services.internal.FeatureSettings;
import io.switchboard.classifier.services.internal.LinearModel;
import io.switchboard.classifier.services.internal.ModelFile;
import io.switchboard.classifier.services.internal.TextFeatures;
import io.switchboard.classifier.services.internal.Trainer;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;

/**
 * Runs the classifier's own engine (the classes of io.switchboard.classifier.services, outside OSGi) on a
 * labelled CSV file and prints one Markdown table row per configuration: the product's features and solver,
 * and the plain word 1-2-gram TF-IDF + linear SVM baseline, measured the same way in the same run.
 */
public class ClassifierBench {

    /** @param workingSet the product's way of solving each one-vs-rest problem, or liblinear on all rows */
    record Config(String name, FeatureSettings features, Trainer.Candidate candidate, boolean workingSet) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int folds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        List<String> texts = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(reader)) {
            List<String> header = csv.next().fields();
            int text = header.indexOf("text");
            int category = header.indexOf("category");
            CsvRecord record;
            while ((record = csv.next()) != null) {
                if (!record.isValid()) {
                    throw new IOException(file + ":" + record.line() + ": " + record.error());
                }
                texts.add(record.field(text));
                categories.add(record.field(category));
            }
        }
        Map<String, Integer> index = Trainer.labelIndex(categories);
        int[] y = categories.stream().mapToInt(index::get).toArray();
        String[] labels = new String[index.size()];
        index.forEach((name, i) -> labels[i] = name);
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "texts=%d categories=%d folds=%d seed=%d threads=%d%n%n", texts.size(),
                labels.length, folds, seed, threads);

        List<Config> configs = new ArrayList<>(List.of(
                new Config("Switchboard: " + FeatureSettings.DEFAULT + ", " + Trainer.DEFAULT + ", working sets",
                        FeatureSettings.DEFAULT, Trainer.DEFAULT, true),
                new Config("Baseline: word 1-2 TF-IDF + linear SVM (L2R_L2LOSS_SVC_DUAL C=1)", FeatureSettings.WORDS_ONLY,
                        new Trainer.Candidate(SolverType.L2R_L2LOSS_SVC_DUAL, 1), false)));
        if (args.length > 3 && args[3].equals("--whole-problems")) {
            configs.add(1, new Config("Switchboard's features and solver, liblinear on all rows of each problem",
                    FeatureSettings.DEFAULT, Trainer.DEFAULT, false));
        }
        System.out.println("| configuration | " + folds + "-fold CV accuracy | macro-F1 | training (fit on all texts, wall, "
                + threads + " threads) | training CPU | texts/s (1 thread) | model size |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Config config : configs) {
            Trainer trainer = new Trainer(threads, () -> false, Trainer.EPSILON,
                    config.workingSet() ? Trainer.WORKING_SET : 0);
            // FOLDS 0: times only, for catching a quiet minute on a shared machine
            Evaluation cv = null;
            if (folds > 0) {
                int[] fold = Trainer.stratifiedFolds(y, labels.length, folds, seed);
                double[][] scores = trainer.crossValidate(config.features(), config.candidate(), texts, y, labels, fold,
                        folds);
                int[][] confusion = new int[labels.length][labels.length];
                for (int i = 0; i < y.length; i++) {
                    confusion[y[i]][argmax(scores[i])]++;
                }
                cv = Evaluation.of(Arrays.asList(labels), confusion);
            }

            if (cv == null) {
                // without the cross-validation before it, the first fit would also time the JIT compiler
                trainer.fit(config.features(), config.candidate(), texts, y, labels, 1);
            }
            // training: median of 3 fits of the whole file, features included
            double[] wall = new double[3];
            double[] cpu = new double[3];
            LinearModel model = null;
            for (int r = 0; r < 3; r++) {
                long cpu0 = processCpu();
                long t0 = System.nanoTime();
                model = trainer.fit(config.features(), config.candidate(), texts, y, labels, 1);
                wall[r] = (System.nanoTime() - t0) / 1e9;
                cpu[r] = (processCpu() - cpu0) / 1e9;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);

            // classification: category and confidence of every text, one thread, after a warm-up
            ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
            TextFeatures.Scratch scratch = new TextFeatures.Scratch();
            double[] p = new double[labels.length];
            long sink = 0;
            for (int r = 0; r < 3; r++) {
                for (String t : texts) {
                    model.decide(t, scratch, p);
                    sink += model.probabilities(p);
                }
            }
            int rounds = 10;
            long c0 = threadsBean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (String t : texts) {
                    model.decide(t, scratch, p);
                    sink += model.probabilities(p);
                }
            }
            double predictWall = (System.nanoTime() - t0) / 1e9;
            double predictCpu = (threadsBean.getCurrentThreadCpuTime() - c0) / 1e9;
            long n = (long) rounds * texts.size();

            CountingStream bytes = new CountingStream();
            ModelFile.write(model, bytes);
            System.out.printf(Locale.ROOT,
                    "| %s | %s | %s | %.2f s | %.2f s | %,.0f (CPU time; %,.0f by wall clock) | %.1f MB (%,d features) |%n",
                    config.name(), cv == null ? "-" : String.format(Locale.ROOT, "%.4f", cv.accuracy()),
                    cv == null ? "-" : String.format(Locale.ROOT, "%.4f", cv.macroF1()), wall[1], cpu[1], n / predictCpu,
                    n / predictWall,
                    bytes.count / 1e6, model.features().size());
            if (sink == 42) {
                System.out.print("");
            }
        }
        if (folds > 0) {
            trainLikeTheCommand(texts, y, labels, threads);
        }
    }

    /**
     * What "switchboard classifier train" does besides the final fit: the candidates are cross-validated (3
     * folds, features fitted once per fold) to choose the solver and C, then the softmax scale is fitted on the
     * winner's out-of-fold values.
     */
    private static void trainLikeTheCommand(List<String> texts, int[] y, String[] labels, int threads)
            throws InterruptedException {
        long cpu0 = processCpu();
        long t0 = System.nanoTime();
        Trainer trainer = new Trainer(threads, () -> false);
        int[] fold = Trainer.stratifiedFolds(y, labels.length, 3, 42);
        double[][][] scores = trainer.crossValidate(FeatureSettings.DEFAULT, Trainer.CANDIDATES, texts, y, labels,
                fold, 3, f -> {
                });
        int best = 0;
        StringBuilder tried = new StringBuilder();
        for (int c = 0; c < scores.length; c++) {
            double accuracy = Trainer.accuracy(scores[c], y);
            tried.append(String.format(Locale.ROOT, "%s%s: %.4f", c == 0 ? "" : ", ", Trainer.CANDIDATES.get(c), accuracy));
            if (accuracy > Trainer.accuracy(scores[best], y)) {
                best = c;
            }
        }
        double scale = Trainer.fitScale(scores[best], y);
        trainer.fit(FeatureSettings.DEFAULT, Trainer.CANDIDATES.get(best), texts, y, labels, scale);
        System.out.printf(Locale.ROOT, "%nclassifier train path (3-fold search over %s; then fit): chose %s, "
                + "softmax scale %.2f, %.1f s wall, %.1f s CPU%n", tried, Trainer.CANDIDATES.get(best), scale,
                (System.nanoTime() - t0) / 1e9, (processCpu() - cpu0) / 1e9);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        return best;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
