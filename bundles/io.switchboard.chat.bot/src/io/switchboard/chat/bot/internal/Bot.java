package io.switchboard.chat.bot.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.LearnReport;
import io.switchboard.chat.LearnReport.Rejection;
import io.switchboard.chat.StatementPair;
import io.switchboard.core.DataFolderException;
import io.switchboard.core.Progress;

/**
 * The chatbot's engine, outside OSGi: learns statement/response pairs, stores them in a folder, answers from the
 * index of {@link Knowledge}. What it learned is read from the folder on first use, not before.
 *
 * <p>Thread-safe: one learning run at a time (they queue), any number of answers meanwhile; an answer uses the
 * knowledge published last and never waits for a learning run.
 */
public final class Bot {

    /**
     * Confidence below which the bot hands over by default; chosen on Banking77 so that the answers it gives are
     * right at least 97 times in 100 (docs/benchmarks.md, "Chatbot").
     */
    public static final double DEFAULT_THRESHOLD = 0.85;
    /** A statement in another language than the question counts this much of its similarity. */
    static final double OTHER_LANGUAGE = 0.5;
    /**
     * A statement this similar to the question answers it even when the response model disagrees (the question was
     * learned almost as asked).
     */
    static final double NEAR_EXACT = 0.9;
    /** Classes of the response model considered per question. */
    static final int MODEL_CANDIDATES = 8;

    /** The response model of the stored pairs, in the bot's folder. */
    public static final String MODEL_FILE = "model.bin";

    private final PairStore store;
    private final Supplier<Path> folder;
    private final DoubleSupplier threshold;
    private final Object lock = new Object();
    private final ConcurrentLinkedQueue<Knowledge.Scratch> scratches = new ConcurrentLinkedQueue<>();

    /** Null until loaded. */
    private volatile Knowledge knowledge;
    /** A response model is being trained in the background (under the lock). */
    private boolean training;
    private ExecutorService trainer;

    // What was learned, written only under the lock; published through a new Knowledge.
    private final ArrayList<String> statements = new ArrayList<>();
    private int[] responseOf = new int[1024];
    private final ArrayList<String> responses = new ArrayList<>();
    private final Map<String, Integer> responseIds = new HashMap<>();
    private LongIntHash pairKeys = new LongIntHash(1024);

    /**
     * @param folder    where the pairs are stored, asked on first use
     * @param threshold the current confidence threshold
     */
    public Bot(Supplier<Path> folder, DoubleSupplier threshold) {
        this.folder = folder;
        this.store = new PairStore(folder);
        this.threshold = threshold;
    }

    // ------------------------------------------------------------------------------------------------ learning

    public LearnReport learnCorpus(Path fileOrFolder, Progress progress) {
        List<Rejection> rejected = new ArrayList<>();
        List<StatementPair> pairs = new ArrayList<>();
        List<Path> files;
        try {
            files = CorpusReader.files(fileOrFolder);
        } catch (IOException e) {
            rejected.add(new Rejection(fileOrFolder.toString(), 0,
                    NLS.bind(Messages.Corpus_cannotRead, CorpusReader.oneLine(CorpusReader.reason(e)))));
            return new LearnReport(0, 0, rejected);
        }
        if (files.isEmpty()) {
            rejected.add(new Rejection(fileOrFolder.toString(), 0, Messages.Corpus_noFiles));
            return new LearnReport(0, 0, rejected);
        }
        progress.begin(Messages.Learn_corpusTask, files.size());
        int done = 0;
        for (Path file : files) {
            if (progress.isCanceled()) {
                break;
            }
            pairs.addAll(CorpusReader.read(file, file.toString(), rejected));
            progress.worked(++done);
        }
        return learn(pairs, rejected, progress, true);
    }

    public LearnReport learnPairs(Path csvFile, Progress progress) {
        List<Rejection> rejected = new ArrayList<>();
        List<StatementPair> pairs = PairsReader.read(csvFile, csvFile.toString(), rejected, progress);
        return learn(pairs, rejected, progress, true);
    }

    /**
     * Learns pairs given directly (a closed conversation): the index has them when this returns, the response
     * model is trained again in the background (seconds for a large FAQ), so that closing a conversation does not
     * wait for it. Until then answers use the model trained before.
     */
    public LearnReport learn(List<StatementPair> pairs, String source) {
        return learn(pairs, new ArrayList<>(), Progress.NONE, false);
    }

    /**
     * Waits until the response model learned in the background (see {@link #learn(List, String)}) is published.
     *
     * @return false when it took longer than {@code timeoutMillis}
     */
    public boolean awaitModel(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (lock) {
            while (training) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return true;
        }
    }

    private LearnReport learn(List<StatementPair> pairs, List<Rejection> rejected, Progress progress, boolean modelNow) {
        synchronized (lock) {
            ensureLoaded();
            List<String> newStatements = new ArrayList<>();
            List<String> newResponses = new ArrayList<>();
            long duplicates = 0;
            for (StatementPair pair : pairs) {
                String statement = pair.statement().strip();
                String response = pair.response().strip();
                if (statement.isEmpty() || response.isEmpty()) {
                    continue;
                }
                long key = Terms.hash(Terms.normalize(statement) + '\u0000' + Terms.normalize(response));
                if (pairKeys.putIfAbsent(key, statements.size() + newStatements.size()) != statements.size()
                        + newStatements.size()) {
                    duplicates++;
                    continue;
                }
                newStatements.add(statement);
                newResponses.add(response);
            }
            if (!newStatements.isEmpty()) {
                try {
                    store.append(newStatements, newResponses, this::allPairsWith);
                } catch (IOException | RuntimeException e) {
                    // nothing of this run is kept in memory either: what is known stays what is stored
                    forgetKeys();
                    throw new DataFolderException(NLS.bind(Messages.Bot_cannotStore, folder.get(),
                            CorpusReader.oneLine(CorpusReader.reason(e instanceof IOException io ? io
                                    : new IOException(e.toString())))), e);
                }
                for (int i = 0; i < newStatements.size(); i++) {
                    add(newStatements.get(i), newResponses.get(i));
                }
                progress.begin(Messages.Learn_indexTask, -1);
                if (modelNow) {
                    publish();
                } else {
                    publishIndexThenTrain();
                }
            }
            return new LearnReport(newStatements.size(), duplicates, List.copyOf(rejected));
        }
    }

    /** Every pair known before this learning run, for compacting the store. */
    private PairStore.AllPairs allPairsWith() {
        List<String> s = new ArrayList<>(statements);
        List<String> r = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            r.add(responses.get(responseOf[i]));
        }
        return new PairStore.AllPairs(s, r);
    }

    private void forgetKeys() {
        // rebuild the keys from what is known: rare (only when the data folder cannot be written)
        LongIntHash keys = new LongIntHash(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            keys.putIfAbsent(Terms.hash(Terms.normalize(statements.get(i)) + '\u0000'
                    + Terms.normalize(responses.get(responseOf[i]))), i);
        }
        pairKeys = keys;
    }

    private void add(String statement, String response) {
        String normalized = Terms.normalize(response);
        Integer id = responseIds.get(normalized);
        if (id == null) {
            id = responses.size();
            responses.add(response);
            responseIds.put(normalized, id);
        }
        int s = statements.size();
        if (s == responseOf.length) {
            responseOf = Arrays.copyOf(responseOf, s * 2);
        }
        responseOf[s] = id;
        statements.add(statement);
    }

    /** Builds and publishes the knowledge of every pair learned, with its response model. */
    private void publish() {
        Knowledge index = index(null);
        knowledge = index.withModel(model(index.statements, index.responseOf, index.responses.length));
    }

    /**
     * Publishes the new index at once, with the response model trained before (responses are only ever appended, so
     * its classes still name the same responses), and trains the new model on a background thread.
     */
    private void publishIndexThenTrain() {
        Knowledge before = knowledge;
        knowledge = index(before == null ? null : before.model);
        if (!training) {
            training = true;
            trainer().execute(this::trainLatest);
        }
    }

    private Knowledge index(ResponseModel model) {
        String[] s = statements.toArray(new String[0]);
        int[] r = Arrays.copyOf(responseOf, s.length);
        boolean[] chinese = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            chinese[i] = Terms.CHINESE.equals(Terms.language(s[i]));
        }
        return new Knowledge(s, r, responses.toArray(new String[0]), chinese, model);
    }

    /** On the training thread: the model of the knowledge published last, published unless more was learned. */
    private void trainLatest() {
        while (true) {
            Knowledge base = knowledge;
            ResponseModel model = null;
            try {
                model = model(base.statements, base.responseOf, base.responses.length);
            } catch (RuntimeException e) {
                // answers go on with the model before; the next start trains again
            }
            synchronized (lock) {
                if (knowledge == base) {
                    knowledge = base.withModel(model);
                    training = false;
                    lock.notifyAll();
                    return;
                }
                // learned more (or cleared) meanwhile: train on that
                if (knowledge.size() == 0) {
                    training = false;
                    lock.notifyAll();
                    return;
                }
            }
        }
    }

    /** Stops the background training (the component is deactivated); what was learned is stored already. */
    public synchronized void close() {
        if (trainer != null) {
            trainer.shutdownNow();
            trainer = null;
        }
    }

    private synchronized Executor trainer() {
        if (trainer == null) {
            trainer = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "switchboard chatbot: response model");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            });
        }
        return trainer;
    }

    /**
     * The response model of these pairs: the one stored for them, else a new one, trained and stored (training
     * takes seconds; reading it back a fraction of that).
     */
    private ResponseModel model(String[] s, int[] r, int responseCount) {
        long fingerprint = s.length;
        for (int i = 0; i < s.length; i++) {
            fingerprint = Terms.mix(fingerprint * 31 + Terms.hash(s[i]) + r[i]);
        }
        Path file = folder.get().resolve(MODEL_FILE);
        ResponseModel model = ResponseModel.load(file, fingerprint, responseCount);
        if (model != null) {
            return model;
        }
        try {
            model = ResponseModel.train(s, r, responseCount);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            if (model != null) {
                model.save(file, fingerprint);
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // answers work without the stored model; the next start trains it again
        }
        return model;
    }

    private Knowledge ensureLoaded() {
        Knowledge current = knowledge;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (knowledge == null) {
                try {
                    store.load((statement, response) -> {
                        long key = Terms.hash(Terms.normalize(statement) + '\u0000' + Terms.normalize(response));
                        if (pairKeys.putIfAbsent(key, statements.size()) == statements.size()) {
                            add(statement, response);
                        }
                    });
                } catch (IOException e) {
                    throw new DataFolderException(NLS.bind(Messages.Bot_cannotLoad, folder.get(),
                            CorpusReader.oneLine(CorpusReader.reason(e))), e);
                }
                if (statements.isEmpty()) {
                    knowledge = Knowledge.EMPTY;
                } else {
                    publish();
                }
            }
            return knowledge;
        }
    }

    public void clear() {
        synchronized (lock) {
            try {
                Files.deleteIfExists(folder.get().resolve(MODEL_FILE));
                store.clear();
            } catch (IOException e) {
                throw new DataFolderException(NLS.bind(Messages.Bot_cannotStore, folder.get(),
                        CorpusReader.oneLine(CorpusReader.reason(e))), e);
            }
            statements.clear();
            responses.clear();
            responseIds.clear();
            pairKeys = new LongIntHash(1024);
            knowledge = Knowledge.EMPTY;
        }
    }

    /**
     * How many responses the response model of the published knowledge answers (0: there is none, the index
     * answers alone).
     */
    public int modelResponses() {
        ResponseModel model = ensureLoaded().model;
        return model == null ? 0 : model.classes();
    }

    public long size() {
        return ensureLoaded().size();
    }

    // ----------------------------------------------------------------------------------------------- answering

    public double threshold() {
        return threshold.getAsDouble();
    }

    public BotAnswer answer(String message) {
        String language = Terms.language(message == null ? "" : message);
        if (message == null || message.isBlank()) {
            return handOver(language, 0);
        }
        Knowledge current = ensureLoaded();
        Knowledge.Scratch scratch = borrow();
        try {
            int found = rank(current, message, language, scratch);
            double confidence = found == 0 ? 0 : scratch.confidences[0];
            if (found == 0 || confidence < threshold()) {
                return handOver(language, confidence);
            }
            return new BotAnswer(current.responses[scratch.responses[0]], confidence, false, language);
        } finally {
            scratches.offer(scratch);
        }
    }

    public List<BotAnswer> suggest(String message, int limit) {
        if (message == null || message.isBlank() || limit <= 0) {
            return List.of();
        }
        String language = Terms.language(message);
        Knowledge current = ensureLoaded();
        Knowledge.Scratch scratch = borrow();
        try {
            int found = rank(current, message, language, scratch);
            List<BotAnswer> answers = new ArrayList<>();
            for (int i = 0; i < found && answers.size() < limit; i++) {
                answers.add(new BotAnswer(current.responses[scratch.responses[i]], scratch.confidences[i], false,
                        language));
            }
            return answers;
        } finally {
            scratches.offer(scratch);
        }
    }

    private Knowledge.Scratch borrow() {
        Knowledge.Scratch scratch = scratches.poll();
        return scratch != null ? scratch : new Knowledge.Scratch();
    }

    private static BotAnswer handOver(String language, double confidence) {
        return new BotAnswer(Sentences.handOver(language), confidence, true, language);
    }

    /**
     * The candidate responses of the message with their confidence, distinct and best first, into the scratch's
     * {@code responses}/{@code confidences}.
     *
     * @return how many
     */
    static int rank(Knowledge knowledge, String message, String language, Knowledge.Scratch scratch) {
        boolean chinese = Terms.CHINESE.equals(language);
        int[] candidates = scratch.responses;
        double[] confidences = scratch.confidences;
        int found = 0;
        int hits = knowledge.search(message, scratch);
        for (int j = 0; j < hits; j++) {
            int s = scratch.hitIds[j];
            double similarity = Math.min(1, scratch.hitScores[j]) * (knowledge.chinese[s] == chinese ? 1 : OTHER_LANGUAGE);
            int response = knowledge.responseOf[s];
            if (knowledge.model != null && knowledge.model.covers(response) && similarity < NEAR_EXACT) {
                // the model knows this response from all its statements: one similar statement says less
                continue;
            }
            found = offer(candidates, confidences, found, response, similarity);
        }
        ResponseModel model = knowledge.model;
        if (model != null) {
            double[] p = scratch.modelScores(model.classes());
            if (model.classify(message, scratch.features, p) >= 0) {
                for (int m = 0; m < MODEL_CANDIDATES && m < p.length; m++) {
                    int best = 0;
                    for (int k = 1; k < p.length; k++) {
                        if (p[k] > p[best]) {
                            best = k;
                        }
                    }
                    if (p[best] <= 0) {
                        break;
                    }
                    int response = model.responseOf[best];
                    boolean sameLanguage = Terms.CHINESE.equals(Terms.language(knowledge.responses[response])) == chinese;
                    found = offer(candidates, confidences, found, response, p[best] * (sameLanguage ? 1 : OTHER_LANGUAGE));
                    p[best] = -1;
                }
            }
        }
        // best first (a few dozen at most)
        for (int i = 1; i < found; i++) {
            int r = candidates[i];
            double c = confidences[i];
            int at = i;
            while (at > 0 && confidences[at - 1] < c) {
                candidates[at] = candidates[at - 1];
                confidences[at] = confidences[at - 1];
                at--;
            }
            candidates[at] = r;
            confidences[at] = c;
        }
        return found;
    }

    /** Adds the response or raises its confidence to {@code confidence}. */
    private static int offer(int[] candidates, double[] confidences, int found, int response, double confidence) {
        for (int i = 0; i < found; i++) {
            if (candidates[i] == response) {
                confidences[i] = Math.max(confidences[i], confidence);
                return found;
            }
        }
        if (found == candidates.length) {
            return found;
        }
        candidates[found] = response;
        confidences[found] = confidence;
        return found + 1;
    }
}
