package io.switchboard.tickets;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.core.Progress;

/**
 * Teaches the classifier the team's own tickets: trains a new model on every stored ticket that has a category
 * (an agent's correction wins over the prediction it corrected) and activates it. Runs on demand and, when the
 * setting {@link #INTERVAL_SETTING} names a number of hours, on that schedule as a background job.
 */
public interface ClassifierRetraining {

    /** Settings key: hours between scheduled retrainings; 0 or absent means only on demand. */
    String INTERVAL_SETTING = "classifier.retrain.hours";

    /** Fewest categorised tickets worth training on; below this retraining is refused with a clear message. */
    int MINIMUM_TICKETS = 20;

    /**
     * Trains and activates a model on the store's tickets and corrections.
     *
     * @throws ClassifierException when there are too few tickets or categories, or training fails; the active
     *                             model stays
     */
    ModelInfo retrain(Progress progress) throws ClassifierException;
}
