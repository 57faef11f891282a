package io.switchboard.classifier.services.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Fits {@link LinearModel}s with liblinear. One-vs-rest solvers are trained as independent binary problems on
 * all cores (liblinear's Java port trains its one-vs-rest classes one after another); Crammer-Singer is a
 * single multi-class problem.
 */
public final class Trainer {

    /** A liblinear solver with its cost C. */
    public record Candidate(SolverType solver, double c) {
        @Override
        public String toString() {
            return solver.name() + " C=" + c;
        }
    }

    /**
     * liblinear's stopping tolerance, five times its default for the dual solvers: on Banking77 the
     * cross-validated accuracy was the same (0.9062) with 7-8 instead of 12-13 passes; at 2 it fell to 0.8996.
     */
    public static final double EPSILON = 0.5;

    /** What training chooses from, by cross-validation: small on purpose, each candidate costs a few fits. */
    public static final List<Candidate> CANDIDATES = List.of(
            new Candidate(SolverType.L2R_L2LOSS_SVC_DUAL, 0.5),
            new Candidate(SolverType.L2R_L2LOSS_SVC_DUAL, 1),
            new Candidate(SolverType.MCSVM_CS, 0.5));

    /** The candidate that won on Banking77; k-fold evaluation uses it without a nested search. */
    public static final Candidate DEFAULT = CANDIDATES.get(1);

    static {
        // liblinear prints every iteration to stdout unless told not to; the CLI's stdout is for results
        Linear.disableDebugOutput();
    }

    private final int threads;
    private final BooleanSupplier canceled;
    private final double epsilon;

    public Trainer(int threads, BooleanSupplier canceled) {
        this(threads, canceled, EPSILON);
    }

    public Trainer(int threads, BooleanSupplier canceled, double epsilon) {
        this.threads = Math.max(1, threads);
        this.canceled = canceled;
        this.epsilon = epsilon;
    }

    /**
     * Trains on {@code texts} with {@code y[i]} the index of text i's label in {@code labels}.
     *
     * @throws InterruptedException when canceled
     */
    public LinearModel fit(FeatureSettings settings, Candidate candidate, List<String> texts, int[] y, String[] labels,
            double scale) throws InterruptedException {
        TextFeatures features = TextFeatures.fit(settings, texts);
        Feature[][] x = vectors(features, texts);
        float[] weights = solve(candidate, x, y, labels.length, features.size());
        return new LinearModel(features, labels, candidate.solver(), candidate.c(), weights, scale);
    }

    static Feature[][] vectors(TextFeatures features, List<String> texts) {
        TextFeatures.Scratch scratch = new TextFeatures.Scratch();
        Feature[][] x = new Feature[texts.size()][];
        int biasIndex = features.size() + 1;
        for (int i = 0; i < x.length; i++) {
            int nnz = features.transform(texts.get(i), scratch);
            Feature[] row = new Feature[nnz + 1];
            for (int j = 0; j < nnz; j++) {
                row[j] = new FeatureNode(scratch.outIds[j] + 1, scratch.outValues[j]);
            }
            // liblinear expects ascending feature numbers
            Arrays.sort(row, 0, nnz, (a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
            row[nnz] = new FeatureNode(biasIndex, 1);
            x[i] = row;
        }
        return x;
    }

    private float[] solve(Candidate candidate, Feature[][] x, int[] y, int classes, int featureCount)
            throws InterruptedException {
        int n = featureCount + 1;
        float[] weights = new float[n * classes];
        if (candidate.solver() == SolverType.MCSVM_CS) {
            Problem problem = problem(x, n);
            for (int i = 0; i < y.length; i++) {
                problem.y[i] = y[i];
            }
            Model model = Linear.train(problem, parameter(candidate, 0, epsilon));
            double[] w = model.getFeatureWeights();
            int[] order = model.getLabels();
            int k = model.getNrClass();
            for (int f = 0; f < n; f++) {
                for (int j = 0; j < k; j++) {
                    weights[f * classes + order[j]] = (float) w[f * k + j];
                }
            }
            return weights;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, classes));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                int label = k;
                jobs.add(pool.submit(() -> {
                    if (canceled.getAsBoolean()) {
                        return;
                    }
                    Problem problem = problem(x, n);
                    for (int i = 0; i < y.length; i++) {
                        problem.y[i] = y[i] == label ? 1 : -1;
                    }
                    Model model = Linear.train(problem, parameter(candidate, label, epsilon));
                    double[] w = model.getFeatureWeights();
                    // liblinear orders the two labels by first appearance; +1 may come second
                    double sign = model.getLabels()[0] == 1 ? 1 : -1;
                    for (int f = 0; f < n; f++) {
                        weights[f * classes + label] = (float) (sign * w[f]);
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("liblinear failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (canceled.getAsBoolean()) {
            throw new InterruptedException("training canceled");
        }
        return weights;
    }

    private static Problem problem(Feature[][] x, int n) {
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = n;
        problem.x = x;
        problem.y = new double[x.length];
        problem.bias = 1;
        return problem;
    }

    private static Parameter parameter(Candidate candidate, int seed, double epsilon) {
        Parameter parameter = new Parameter(candidate.solver(), candidate.c(), epsilon);
        // liblinear's dual solvers shuffle with a Random; one per problem keeps threads apart and results repeatable
        parameter.setRandom(new Random(seed));
        return parameter;
    }

    /** Stratified folds: each category is spread evenly over the folds, in a shuffled order fixed by the seed. */
    public static int[] stratifiedFolds(int[] y, int classes, int folds, long seed) {
        Random random = new Random(seed);
        int[] fold = new int[y.length];
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i]).add(i);
        }
        int next = 0;
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    /** Decision values of every text, each predicted by a model trained on the other folds. */
    public double[][] crossValidate(FeatureSettings settings, Candidate candidate, List<String> texts, int[] y,
            String[] labels, int[] fold, int folds) throws InterruptedException {
        double[][] scores = new double[texts.size()][];
        for (int f = 0; f < folds; f++) {
            List<String> trainTexts = new ArrayList<>();
            List<Integer> trainY = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (fold[i] != f) {
                    trainTexts.add(texts.get(i));
                    trainY.add(y[i]);
                }
            }
            LinearModel model = fit(settings, candidate, trainTexts, trainY.stream().mapToInt(Integer::intValue).toArray(),
                    labels, 1);
            TextFeatures.Scratch scratch = new TextFeatures.Scratch();
            for (int i = 0; i < texts.size(); i++) {
                if (fold[i] == f) {
                    scores[i] = new double[labels.length];
                    model.decide(texts.get(i), scratch, scores[i]);
                }
            }
        }
        return scores;
    }

    public static double accuracy(double[][] scores, int[] y) {
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            if (argmax(scores[i]) == y[i]) {
                right++;
            }
        }
        return (double) right / y.length;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The softmax scale that minimises log-loss on cross-validated decision values: SVM margins are not
     * probabilities, and their spread differs between solvers and C.
     */
    public static double fitScale(double[][] scores, int[] y) {
        double best = 1;
        double bestLoss = Double.MAX_VALUE;
        for (double scale = 0.5; scale <= 32; scale *= 1.189207) {
            double loss = 0;
            double[] p = new double[scores[0].length];
            for (int i = 0; i < y.length; i++) {
                System.arraycopy(scores[i], 0, p, 0, p.length);
                LinearModel.softmax(p, scale);
                loss -= Math.log(Math.max(p[y[i]], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = scale;
            }
        }
        return best;
    }

    /** Labels in first-appearance order and each text's label index. */
    public static Map<String, Integer> labelIndex(List<String> categories) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String category : categories) {
            index.putIfAbsent(category, index.size());
        }
        return index;
    }

    static int[] indices(List<String> categories, Map<String, Integer> index) {
        return categories.stream().mapToInt(index::get).toArray();
    }

    static String[] names(Map<String, Integer> index) {
        String[] names = new String[index.size()];
        index.forEach((name, i) -> names[i] = name);
        return names;
    }
}
