package io.switchboard.classifier.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.services.internal.FeatureSettings;
import io.switchboard.classifier.services.internal.LinearModel;
import io.switchboard.classifier.services.internal.TextFeatures;
import io.switchboard.classifier.services.internal.Trainer;

/** The trainer's own engine with the real liblinear bundle. */
class TrainerTest {

    /**
     * A first working set of 20 of the 220 other texts forces the rounds in which the rows left inside the margin
     * join the set; the result must be the model liblinear finds on all rows. At a tight tolerance the decision
     * values agreed to 0.002 here; stopping after the first round instead gave differences above 1.
     */
    @Test
    void workingSetsGiveTheModelOfTheWholeProblem() throws Exception {
        List<LabeledText> sample = Fixtures.sample();
        List<String> texts = sample.stream().map(LabeledText::text).toList();
        Map<String, Integer> index = Trainer.labelIndex(sample.stream().map(LabeledText::category).toList());
        int[] y = sample.stream().mapToInt(t -> index.get(t.category())).toArray();
        String[] labels = index.keySet().toArray(String[]::new);
        double epsilon = 0.01;
        LinearModel whole = new Trainer(2, () -> false, epsilon, 0).fit(FeatureSettings.DEFAULT, Trainer.DEFAULT,
                texts, y, labels, 1);
        LinearModel sets = new Trainer(2, () -> false, epsilon, 20).fit(FeatureSettings.DEFAULT, Trainer.DEFAULT,
                texts, y, labels, 1);

        TextFeatures.Scratch scratch = new TextFeatures.Scratch();
        double[] a = new double[labels.length];
        double[] b = new double[labels.length];
        double largest = 0;
        for (String text : texts) {
            whole.decide(text, scratch, a);
            sets.decide(text, scratch, b);
            for (int k = 0; k < labels.length; k++) {
                largest = Math.max(largest, Math.abs(a[k] - b[k]));
            }
            assertEquals(argmax(a), argmax(b), text);
        }
        assertTrue(largest < 0.01, "largest difference of a decision value: " + largest);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
