package io.switchboard.classifier.services.internal;

import de.bwaldvogel.liblinear.SolverType;

/**
 * A trained classifier: the fitted features, one weight vector per category (stored feature-major, so one
 * text's few hundred features touch contiguous memory) and the softmax temperature that turns decision values
 * into probabilities.
 */
public final class LinearModel {

    final TextFeatures features;
    final String[] labels;
    final SolverType solver;
    final double c;
    /** weights[f * labels.length + k]; the row after the last feature is the bias. */
    final float[] weights;
    /** Probabilities are softmax(scale * decision values); the scale is fitted on cross-validated predictions. */
    double scale;

    LinearModel(TextFeatures features, String[] labels, SolverType solver, double c, float[] weights, double scale) {
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
        // float accumulators: the loop over categories then compiles to SIMD instructions
        float[] sums = scratch.sums(k);
        int bias = features.size() * k;
        System.arraycopy(weights, bias, sums, 0, k);
        int[] ids = scratch.outIds;
        float[] values = scratch.outValues;
        float[] w = weights;
        for (int i = 0; i < nnz; i++) {
            int offset = ids[i] * k;
            float v = values[i];
            for (int j = 0; j < k; j++) {
                sums[j] += w[offset + j] * v;
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
        for (int i = 0; i < nnz && scratch.outIds[i] < features.wordCount; i++) {
            int id = scratch.outIds[i];
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
