package io.switchboard.classifier;

import java.util.List;

/**
 * Quality of predictions against known categories.
 *
 * @param categories  the categories, in the order of {@code confusion}'s rows and columns
 * @param confusion   confusion[actual][predicted] counts
 * @param perCategory precision, recall and F1 of each category, in the order of {@code categories}
 */
public record Evaluation(int n, double accuracy, double macroF1, List<String> categories, int[][] confusion,
        List<CategoryScore> perCategory) {

    public record CategoryScore(String category, double precision, double recall, double f1, int support) {
    }

    /**
     * Scores from a confusion matrix. As in scikit-learn, a category never predicted has precision 0, and
     * macro-F1 averages over the categories that occur in the data or in the predictions.
     */
    public static Evaluation of(List<String> categories, int[][] confusion) {
        int k = categories.size();
        int n = 0;
        int right = 0;
        double f1Sum = 0;
        int present = 0;
        CategoryScore[] scores = new CategoryScore[k];
        for (int j = 0; j < k; j++) {
            int predicted = 0;
            int actual = 0;
            for (int i = 0; i < k; i++) {
                predicted += confusion[i][j];
                actual += confusion[j][i];
            }
            int hits = confusion[j][j];
            n += actual;
            right += hits;
            double precision = predicted == 0 ? 0 : (double) hits / predicted;
            double recall = actual == 0 ? 0 : (double) hits / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (actual + predicted > 0) {
                f1Sum += f1;
                present++;
            }
            scores[j] = new CategoryScore(categories.get(j), precision, recall, f1, actual);
        }
        return new Evaluation(n, n == 0 ? 0 : (double) right / n, present == 0 ? 0 : f1Sum / present, List.copyOf(categories),
                confusion, List.of(scores));
    }
}
