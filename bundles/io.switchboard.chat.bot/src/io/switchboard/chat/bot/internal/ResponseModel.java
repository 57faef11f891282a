package io.switchboard.chat.bot.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.classifier.services.internal.FeatureSettings;
import io.switchboard.classifier.services.internal.LinearModel;
import io.switchboard.classifier.services.internal.ModelFile;
import io.switchboard.classifier.services.internal.TextFeatures;
import io.switchboard.classifier.services.internal.Trainer;

/**
 * When many statements share a response (a FAQ: many ways to ask one thing), the responses are classes and a
 * linear model over them (the ticket classifier's features and liblinear solver) generalises better than the
 * nearest statement: on Banking77 0.90 instead of 0.76 right (docs/benchmarks.md). Trained on the responses that
 * have at least {@link #MIN_STATEMENTS} statements, when there are between 2 and {@link #MAX_CLASSES} of them and
 * the knowledge is {@link #faqLike}.
 */
final class ResponseModel {

    static final int MIN_STATEMENTS = 3;
    static final int MAX_CLASSES = 5_000;
    /** Above this many texts the model is not trained while learning (training time grows with texts x classes). */
    static final int MAX_TEXTS = 200_000;
    /** Cross-validation (for the softmax scale) only up to this many texts; above it, {@link #DEFAULT_SCALE}. */
    static final int MAX_CROSS_VALIDATED = 30_000;
    static final double DEFAULT_SCALE = 4;

    final LinearModel model;
    /** The response of each class. */
    final int[] responseOf;
    /** Whether each response (of the knowledge) is one of the model's classes. */
    final boolean[] covers;

    private ResponseModel(LinearModel model, int[] responseOf, int responses) {
        this.model = model;
        this.responseOf = responseOf;
        this.covers = new boolean[responses];
        for (int r : responseOf) {
            covers[r] = true;
        }
    }

    /** Whether the response is one of the classes (responses learned after the model was trained are not). */
    boolean covers(int response) {
        return response < covers.length && covers[response];
    }

    int classes() {
        return responseOf.length;
    }

    /**
     * A model over the responses with enough statements, or null when the knowledge is not like that.
     */
    static ResponseModel train(String[] statements, int[] responseOf, int responses) throws InterruptedException {
        int[] perResponse = new int[responses];
        for (int r : responseOf) {
            perResponse[r]++;
        }
        int[] classOf = new int[responses];
        List<Integer> classResponses = new ArrayList<>();
        long texts = 0;
        for (int r = 0; r < responses; r++) {
            if (perResponse[r] >= MIN_STATEMENTS) {
                classOf[r] = classResponses.size();
                classResponses.add(r);
                texts += perResponse[r];
            } else {
                classOf[r] = -1;
            }
        }
        if (classResponses.size() < 2 || classResponses.size() > MAX_CLASSES || texts > MAX_TEXTS
                || !faqLike(classResponses.size(), texts, statements.length)) {
            return null;
        }
        List<String> x = new ArrayList<>((int) texts);
        int[] y = new int[(int) texts];
        for (int s = 0; s < statements.length; s++) {
            int k = classOf[responseOf[s]];
            if (k >= 0) {
                y[x.size()] = k;
                x.add(statements[s]);
            }
        }
        String[] labels = new String[classResponses.size()];
        int[] classResponse = new int[labels.length];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = Integer.toString(classResponses.get(k));
            classResponse[k] = classResponses.get(k);
        }
        Trainer trainer = new Trainer(Runtime.getRuntime().availableProcessors(), Thread.currentThread()::isInterrupted);
        double scale = DEFAULT_SCALE;
        if (x.size() <= MAX_CROSS_VALIDATED) {
            int folds = 3;
            int[] fold = Trainer.stratifiedFolds(y, labels.length, folds, 42);
            double[][] scores = trainer.crossValidate(FeatureSettings.DEFAULT, Trainer.DEFAULT, x, y, labels, fold, folds);
            scale = Trainer.fitScale(scores, y);
        }
        LinearModel model = trainer.fit(FeatureSettings.DEFAULT, Trainer.DEFAULT, x, y, labels, scale);
        return new ResponseModel(model, classResponse, responses);
    }

    /**
     * Whether the responses with several statements are what the knowledge is about: most of its statements, or a
     * FAQ of its own ({@link #FAQ_CLASSES} answers, {@link #FAQ_TEXTS} questions) beside other knowledge. In a
     * chit-chat corpus a few responses ("Yes.", "Paris") have several statements; a model over only those would be
     * sure of one of them for any question (a softmax over few classes), and answer what it should hand over.
     */
    static boolean faqLike(int classes, long classTexts, int statements) {
        return classTexts * 2 >= statements || (classes >= FAQ_CLASSES && classTexts >= FAQ_TEXTS);
    }

    static final int FAQ_CLASSES = 20;
    static final int FAQ_TEXTS = 1_000;

    private static final long MAGIC = 0x5342434D4F44454CL; // "SBCMODEL"

    /**
     * Stores the model beside the pairs it was trained on ({@code fingerprint} says which), written beside the file
     * and moved over it.
     */
    void save(Path file, long fingerprint) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "model-", ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream))) {
                out.writeLong(MAGIC);
                out.writeLong(fingerprint);
                out.flush();
                ModelFile.write(model, out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The model stored for exactly these pairs, or null (none stored, another knowledge's, or damaged). */
    static ResponseModel load(Path file, long fingerprint, int responses) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream stream = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 16))) {
            if (in.readLong() != MAGIC || in.readLong() != fingerprint) {
                return null;
            }
            LinearModel model = ModelFile.read(in);
            String[] labels = model.labels();
            int[] responseOf = new int[labels.length];
            for (int k = 0; k < labels.length; k++) {
                responseOf[k] = Integer.parseInt(labels[k]);
                if (responseOf[k] < 0 || responseOf[k] >= responses) {
                    return null;
                }
            }
            return new ResponseModel(model, responseOf, responses);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Probabilities of every class for the text, into {@code scores}.
     *
     * @return the best class, or -1 when the model knows none of the text's features
     */
    int classify(String text, TextFeatures.Scratch scratch, double[] scores) {
        int known = model.decide(text, scratch, scores);
        if (known == 0) {
            return -1;
        }
        return model.probabilities(scores);
    }
}
