package io.switchboard.classifier.services.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

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

    /**
     * What training chooses from, by cross-validation: small on purpose, each candidate costs a fit per fold. Both
     * are one-vs-rest SVMs that the working set speeds up; Crammer-Singer ({@code MCSVM_CS}), a candidate before,
     * never won on Banking77 (0.8912 against 0.8967 in 3 folds) and cost more than the others together.
     */
    public static final List<Candidate> CANDIDATES = List.of(
            new Candidate(SolverType.L2R_L2LOSS_SVC_DUAL, 0.5),
            new Candidate(SolverType.L2R_L2LOSS_SVC_DUAL, 1),
            new Candidate(SolverType.L2R_L1LOSS_SVC_DUAL, 1));

    /** The candidate that won on Banking77; k-fold evaluation uses it without a nested search. */
    public static final Candidate DEFAULT = CANDIDATES.get(1);

    static {
        // liblinear prints every iteration to stdout unless told not to; the CLI's stdout is for results
        Linear.disableDebugOutput();
    }

    /**
     * Texts of other categories in the first working set of a one-vs-rest problem (see
     * {@link #solveOnWorkingSet}); with fewer texts than this in all, liblinear sees the whole problem at once.
     */
    public static final int WORKING_SET = 1000;

    private final int threads;
    private final BooleanSupplier canceled;
    private final double epsilon;
    private final int workingSet;

    public Trainer(int threads, BooleanSupplier canceled) {
        this(threads, canceled, EPSILON, WORKING_SET);
    }

    /**
     * @param workingSet texts of other categories in the first working set of each one-vs-rest problem (same
     *                   solution as the whole problem, a third to a half of the CPU time on Banking77), or 0 for
     *                   liblinear on all rows at once
     */
    public Trainer(int threads, BooleanSupplier canceled, double epsilon, int workingSet) {
        this.threads = Math.max(1, threads);
        this.canceled = canceled;
        this.epsilon = epsilon;
        this.workingSet = Math.max(0, workingSet);
    }

    /**
     * Trains on {@code texts} with {@code y[i]} the index of text i's label in {@code labels}.
     *
     * @throws InterruptedException when canceled
     */
    public LinearModel fit(FeatureSettings settings, Candidate candidate, List<String> texts, int[] y, String[] labels,
            double scale) throws InterruptedException {
        TextFeatures features = TextFeatures.fit(settings, texts);
        Rows rows = Rows.of(features, texts);
        float[] weights = solve(candidate, rows, y, labels.length, null);
        return new LinearModel(features, labels, candidate.solver(), candidate.c(), weights, scale);
    }

    /**
     * The training texts' vectors twice: as the {@link Feature} rows liblinear takes, and as flat arrays (CSR) for
     * the dot products that pick and check working sets. The last column is the bias, always 1.
     */
    static final class Rows {
        final Feature[][] x;
        /** Columns, the bias included. */
        final int n;
        final int[] start;
        final int[] ids;
        final float[] values;

        private Rows(Feature[][] x, int n, int[] start, int[] ids, float[] values) {
            this.x = x;
            this.n = n;
            this.start = start;
            this.ids = ids;
            this.values = values;
        }

        static Rows of(TextFeatures features, List<String> texts) {
            TextFeatures.Scratch scratch = new TextFeatures.Scratch();
            int l = texts.size();
            int bias = features.size();
            int[] start = new int[l + 1];
            int[] ids = new int[Math.max(16, l * 64)];
            float[] values = new float[ids.length];
            long[] packed = new long[256];
            for (int i = 0; i < l; i++) {
                int nnz = features.transform(texts.get(i), scratch);
                if (packed.length < nnz) {
                    packed = new long[nnz * 2];
                }
                // liblinear expects ascending feature numbers: sort id and value bits together, as one long
                for (int j = 0; j < nnz; j++) {
                    packed[j] = ((long) scratch.outIds[j] << 32) | (Float.floatToRawIntBits(scratch.outValues[j]) & 0xFFFFFFFFL);
                }
                Arrays.sort(packed, 0, nnz);
                int at = start[i];
                if (ids.length < at + nnz + 1) {
                    int size = Math.max(ids.length * 2, at + nnz + 1);
                    ids = Arrays.copyOf(ids, size);
                    values = Arrays.copyOf(values, size);
                }
                for (int j = 0; j < nnz; j++) {
                    ids[at + j] = (int) (packed[j] >>> 32);
                    values[at + j] = Float.intBitsToFloat((int) packed[j]);
                }
                ids[at + nnz] = bias;
                values[at + nnz] = 1;
                start[i + 1] = at + nnz + 1;
            }
            Feature[][] x = new Feature[l][];
            for (int i = 0; i < l; i++) {
                Feature[] row = new Feature[start[i + 1] - start[i]];
                for (int j = 0; j < row.length; j++) {
                    row[j] = new FeatureNode(ids[start[i] + j] + 1, values[start[i] + j]);
                }
                x[i] = row;
            }
            return new Rows(x, bias + 1, start, ids, values);
        }

        double dot(double[] w, int row) {
            double sum = 0;
            for (int j = start[row], end = start[row + 1]; j < end; j++) {
                sum += w[ids[j]] * values[j];
            }
            return sum;
        }
    }

    /**
     * @param sets null, or for each category the working set to start from (null: chosen by similarity), replaced
     *             by the final working set: the next candidate on the same rows starts where this one ended
     */
    private float[] solve(Candidate candidate, Rows rows, int[] y, int classes, boolean[][] sets)
            throws InterruptedException {
        int n = rows.n;
        float[] weights = new float[n * classes];
        if (candidate.solver() == SolverType.MCSVM_CS) {
            Problem problem = problem(rows.x, n);
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
                    double[] w = workingSet > 0 ? solveOnWorkingSet(candidate, rows, y, label, sets)
                            : solveBinary(candidate, rows.x, y, label, n);
                    for (int f = 0; f < n; f++) {
                        weights[f * classes + label] = (float) w[f];
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

    /** Category {@code label} against the rest on all rows; weights with a positive score meaning "is label". */
    private double[] solveBinary(Candidate candidate, Feature[][] x, int[] y, int label, int n) {
        Problem problem = problem(x, n);
        for (int i = 0; i < y.length; i++) {
            problem.y[i] = y[i] == label ? 1 : -1;
        }
        return binaryWeights(Linear.train(problem, parameter(candidate, label, epsilon)), n);
    }

    private static double[] binaryWeights(Model model, int n) {
        double[] w = model.getFeatureWeights();
        // liblinear orders the two labels by first appearance; +1 may come second
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] out = new double[n];
        for (int f = 0; f < n; f++) {
            out[f] = sign * w[f];
        }
        return out;
    }

    /**
     * The same one-vs-rest problem, solved by liblinear on a working set of rows: every text of the category and
     * the {@link #workingSet} other texts most like the category's centroid. Every row the solution leaves
     * inside the margin (y w·x < 1) joins the set and liblinear solves again, until no row outside is inside the
     * margin. The rows left out then have dual variable 0 and satisfy the optimality conditions of the whole
     * problem, so the answer is the whole problem's: on Banking77 (character 2-5-grams) the cross-validated accuracy
     * was 0.9066 against 0.9062, with about 2.3 rounds of some 1,550 rows instead of 10,003 rows per category.
     */
    private double[] solveOnWorkingSet(Candidate candidate, Rows rows, int[] y, int label, boolean[][] sets) {
        int l = y.length;
        int n = rows.n;
        if (sets != null && sets[label] != null) {
            boolean[] in = sets[label].clone();
            int size = 0;
            for (int i = 0; i < l; i++) {
                in[i] |= y[i] == label;
                size += in[i] ? 1 : 0;
            }
            return solveOnWorkingSet(candidate, rows, y, label, in, size, sets);
        }
        boolean[] in = new boolean[l];
        int size = 0;
        double[] centroid = new double[n];
        for (int i = 0; i < l; i++) {
            if (y[i] == label) {
                in[i] = true;
                size++;
                for (int j = rows.start[i]; j < rows.start[i + 1]; j++) {
                    centroid[rows.ids[j]] += rows.values[j];
                }
            }
        }
        centroid[n - 1] = 0;
        int others = l - size;
        int initial = Math.min(others, workingSet);
        if (initial < others) {
            double[] similarity = new double[others];
            int[] row = new int[others];
            int m = 0;
            for (int i = 0; i < l; i++) {
                if (!in[i]) {
                    similarity[m] = rows.dot(centroid, i);
                    row[m++] = i;
                }
            }
            double[] sorted = similarity.clone();
            Arrays.sort(sorted);
            double threshold = sorted[others - initial];
            for (int e = 0; e < others; e++) {
                if (similarity[e] >= threshold) {
                    in[row[e]] = true;
                    size++;
                }
            }
        } else {
            Arrays.fill(in, true);
            size = l;
        }
        return solveOnWorkingSet(candidate, rows, y, label, in, size, sets);
    }

    /** The rounds of liblinear on the working set {@code in} of {@code size} rows, until no row outside is left. */
    private double[] solveOnWorkingSet(Candidate candidate, Rows rows, int[] y, int label, boolean[] in, int size,
            boolean[][] sets) {
        int l = y.length;
        int n = rows.n;
        while (true) {
            Feature[][] sub = new Feature[size][];
            Problem problem = problem(sub, n);
            int r = 0;
            for (int i = 0; i < l; i++) {
                if (in[i]) {
                    sub[r] = rows.x[i];
                    problem.y[r++] = y[i] == label ? 1 : -1;
                }
            }
            double[] w = binaryWeights(Linear.train(problem, parameter(candidate, label, epsilon)), n);
            int added = 0;
            for (int i = 0; i < l; i++) {
                if (!in[i] && (y[i] == label ? 1 : -1) * rows.dot(w, i) < 1) {
                    in[i] = true;
                    added++;
                }
            }
            if (added == 0 || canceled.getAsBoolean()) {
                if (sets != null) {
                    sets[label] = in;
                }
                return w;
            }
            size += added;
        }
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
            Collections.shuffle(members, random);
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
        return crossValidate(settings, List.of(candidate), texts, y, labels, fold, folds, f -> {
        })[0];
    }

    /**
     * Decision values of every text for each candidate, each predicted by a model trained on the other folds. The
     * features of a fold are fitted once and shared by the candidates, and each candidate's one-vs-rest problems
     * start from the working sets the previous candidate ended with (usually one round of liblinear instead of two
     * or three; the result is the same, since every round checks all rows).
     *
     * @param foldDone told the number of folds done after each fold
     * @return scores[candidate][text][category]
     */
    public double[][][] crossValidate(FeatureSettings settings, List<Candidate> candidates, List<String> texts,
            int[] y, String[] labels, int[] fold, int folds, IntConsumer foldDone) throws InterruptedException {
        double[][][] scores = new double[candidates.size()][texts.size()][];
        for (int f = 0; f < folds; f++) {
            List<String> trainTexts = new ArrayList<>();
            int[] trainY = new int[texts.size()];
            int count = 0;
            for (int i = 0; i < texts.size(); i++) {
                if (fold[i] != f) {
                    trainTexts.add(texts.get(i));
                    trainY[count++] = y[i];
                }
            }
            trainY = Arrays.copyOf(trainY, count);
            TextFeatures features = TextFeatures.fit(settings, trainTexts);
            Rows rows = Rows.of(features, trainTexts);
            TextFeatures.Scratch scratch = new TextFeatures.Scratch();
            boolean[][] sets = new boolean[labels.length][];
            for (int c = 0; c < candidates.size(); c++) {
                Candidate candidate = candidates.get(c);
                LinearModel model = new LinearModel(features, labels, candidate.solver(), candidate.c(),
                        solve(candidate, rows, trainY, labels.length, sets), 1);
                for (int i = 0; i < texts.size(); i++) {
                    if (fold[i] == f) {
                        scores[c][i] = new double[labels.length];
                        model.decide(texts.get(i), scratch, scores[c][i]);
                    }
                }
            }
            foldDone.accept(f + 1);
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
