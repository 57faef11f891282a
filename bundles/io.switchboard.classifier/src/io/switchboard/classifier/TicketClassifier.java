package io.switchboard.classifier;

import java.util.List;
import java.util.Optional;

import io.switchboard.core.Progress;

/**
 * Predicts the category (and so the queue) of a customer-service text, says how sure it is and which words drove
 * the answer, and learns from labelled texts. Models are versioned in the data folder; exactly one is active.
 *
 * <p>Implementations are thread-safe. Prediction is fast enough to run on every incoming ticket in the caller's
 * thread; training and evaluation are long work and report to a {@link Progress}.
 */
public interface TicketClassifier {

    /** Settings key of the confidence below which a prediction is "unsure" (a number between 0 and 1). */
    String THRESHOLD_SETTING = "classifier.threshold";

    /** Threshold when the settings name none. */
    double DEFAULT_THRESHOLD = 0.5;

    /**
     * The active model's prediction.
     *
     * @throws ClassifierException when no model is active, the model cannot be read, or the text is empty or too long
     */
    Prediction predict(String text) throws ClassifierException;

    /** The confidence below which predictions are unsure, from the settings. */
    double threshold();

    /**
     * Trains a model (features, solver and C chosen by cross-validation on {@code data}), stores it as a new
     * version and activates it.
     *
     * @throws ClassifierException when the data is unusable (fewer than two categories, bad texts) or storing fails
     */
    ModelInfo train(List<LabeledText> data, Progress progress) throws ClassifierException;

    /**
     * Scores the active model on labelled texts.
     *
     * @throws ClassifierException when a text's category is unknown to the model, or no model is active
     */
    Evaluation evaluate(List<LabeledText> data) throws ClassifierException;

    /**
     * Trains on a shuffled, stratified part of {@code data} and scores on the rest ({@code testSize} of each
     * category); no model is stored.
     */
    Evaluation evaluateSplit(List<LabeledText> data, double testSize, long seed, Progress progress)
            throws ClassifierException;

    /** K-fold cross-validation with the default solver and C (no nested settings search); no model is stored. */
    Evaluation crossValidate(List<LabeledText> data, int folds, long seed, Progress progress) throws ClassifierException;

    /** Every stored version, oldest first. */
    List<ModelInfo> models() throws ClassifierException;

    Optional<ModelInfo> activeModel() throws ClassifierException;

    /**
     * Makes a stored version the active one, after checking that its file is whole.
     *
     * @throws ClassifierException when the version does not exist or its file is damaged; the active model stays
     */
    ModelInfo activate(String version) throws ClassifierException;

    /**
     * Activates the newest version older than the active one.
     *
     * @throws ClassifierException when there is none
     */
    ModelInfo rollback() throws ClassifierException;
}
