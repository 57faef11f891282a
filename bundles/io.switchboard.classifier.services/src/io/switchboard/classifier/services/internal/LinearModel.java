package io.switchboard.classifier.services.internal;

import de.bwaldvogel.liblinear.SolverType;

/**
 * A trained classifier: the fitted features, the weights of every category and the softmax scale that turns
 * decision values into probabilities.
 */
public final class LinearModel {

    final TextFeatures features;
    final String[] labels;
    final SolverType solver;
    final double c;
    /**
     * weights[f * labels.length + k], feature-major so that each of a text's features reads one contiguous row;
     * the row after the last feature is the bias.
     */
    final float[] weights;
    /** Probabilities are softmax(scale * decision values); the scale is fitted on cross-validated predictions. */
    final double scale;

    LinearModel(TextFeatures features, String[] labels, SolverType solver, double c, float[] weights, double scale) {
        if (weights.length != (features.size() + 1) * labels.length) {
            throw new IllegalArgumentException("weights do not match features and categories");
        }
        this.features = features;
        this.labels = labels;
        this.solver = solver;
        this.c = c;
        this.weights = weights;
        this.scale = scale;
    }

    public String[] labels() {
        return labels.clone();
    }

    public SolverType solver() {
        return solver;
    }

    public double c() {
        return c;
    }

    public TextFeatures features() {
        return features;
    }

    /**
     * Decision values of every category for the text (into {@code scores}); the text's features stay in the
     * scratch for {@link #explain}.
     *
     * @return the number of the text's features the model knows
     */
    public int decide(String text, TextFeatures.Scratch scratch, double[] scores) {
        int k = labels.length;
        int nnz = features.transform(text, scratch);
        float[] sums = scratch.sums(k);
        float[] w = weights;
        System.arraycopy(w, features.size() * k, sums, 0, k);
        int[] ids = scratch.outIds;
        float[] x = scratch.outValues;
        int i = 0;
        // Four rows at a time: this loop did not run at vectorised speed (the JIT probably cannot rule out that
        // sums and w alias), so fewer loads and stores of sums per weight is what counts; 40 % faster than row by row.
        for (; i + 3 < nnz; i += 4) {
            int o1 = ids[i] * k;
            int o2 = ids[i + 1] * k;
            int o3 = ids[i + 2] * k;
            int o4 = ids[i + 3] * k;
            float x1 = x[i];
            float x2 = x[i + 1];
            float x3 = x[i + 2];
            float x4 = x[i + 3];
            for (int j = 0; j < sums.length; j++) {
                sums[j] += w[o1 + j] * x1 + w[o2 + j] * x2 + w[o3 + j] * x3 + w[o4 + j] * x4;
            }
        }
        for (; i < nnz; i++) {
            int o = ids[i] * k;
            float v = x[i];
            for (int j = 0; j < sums.length; j++) {
                sums[j] += w[o + j] * v;
            }
        }
        for (int j = 0; j < k; j++) {
            scores[j] = sums[j];
        }
        return nnz;
    }

    /** Turns decision values into probabilities in place and returns the index of the best category. */
    public int probabilities(double[] scores) {
        return softmax(scores, scale);
    }

    static int softmax(double[] scores, double scale) {
        int best = 0;
        for (int j = 1; j < scores.length; j++) {
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        double max = scores[best];
        double sum = 0;
        for (int j = 0; j < scores.length; j++) {
            scores[j] = Math.exp(scale * (scores[j] - max));
            sum += scores[j];
        }
        for (int j = 0; j < scores.length; j++) {
            scores[j] /= sum;
        }
        return best;
    }

    /**
     * The word n-grams of the last decided text that pushed most towards category {@code k}, best first: at most
     * {@code limit} terms with their contribution (feature value times weight).
     */
    public int explain(TextFeatures.Scratch scratch, int nnz, int k, int limit, String[] terms, double[] contributions) {
        int found = 0;
        int classes = labels.length;
        for (int i = 0; i < nnz; i++) {
            int id = scratch.outIds[i];
            if (id >= features.wordCount) {
                continue;
            }
            double contribution = scratch.outValues[i] * weights[id * classes + k];
            if (contribution <= 0) {
                continue;
            }
            int at = Math.min(found, limit - 1);
            if (found >= limit && contribution <= contributions[at]) {
                continue;
            }
            while (at > 0 && contributions[at - 1] < contribution) {
                contributions[at] = contributions[at - 1];
                terms[at] = terms[at - 1];
                at--;
            }
            contributions[at] = contribution;
            terms[at] = features.wordTerms[id];
            found = Math.min(found + 1, limit);
        }
        return found;
    }
}
