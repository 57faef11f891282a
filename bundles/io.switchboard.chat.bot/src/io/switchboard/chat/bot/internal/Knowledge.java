package io.switchboard.chat.bot.internal;

import java.util.Arrays;

import io.switchboard.classifier.services.internal.TextFeatures;

/**
 * One immutable state of what the bot knows: the statements, their responses, the inverted index over the
 * statements and, when the knowledge looks like a FAQ, a linear model over the responses. Learning builds a new
 * one and publishes it; answering reads whichever was published last, so answers never wait for learning.
 *
 * <p>The index: every term (see {@link Terms}) has its postings, the statements that contain it, as
 * {@code statement << 4 | min(tf, 15)} in one array (compressed rows). Similarity is the cosine of TF-IDF vectors
 * (sublinear tf, smoothed idf). A query only reads the postings of its own terms, the rarest first and at most
 * {@link #postingBudget} in all; the common terms left over (in a large knowledge) are counted only when the best
 * candidates are scored exactly at the end.
 */
final class Knowledge {

    /**
     * Postings read per query at most, rarest terms first; the terms left over are counted only in the exact
     * re-scoring of the best candidates. This bounds the time of an answer whatever the size of the knowledge.
     */
    static int postingBudget = 20_000;
    /** Statements scored exactly after the accumulation, and so the most candidates a query considers. */
    static final int CANDIDATES = 48;
    static final float[] TF = new float[16];

    static {
        for (int i = 1; i < TF.length; i++) {
            TF[i] = (float) (1 + Math.log(i));
        }
    }

    static final Knowledge EMPTY = new Knowledge(new String[0], new int[0], new String[0], new boolean[0], null);

    final String[] statements;
    final int[] responseOf;
    final String[] responses;
    /** Whether each statement is Chinese ({@link Terms#language}). */
    final boolean[] chinese;
    /** Over the FAQ-like responses, or null. */
    final ResponseModel model;

    final LongIntHash termIds;
    final int[] start;
    final int[] postings;
    final float[] idf;
    final float[] norms;
    final float unknownIdf;

    Knowledge(String[] statements, int[] responseOf, String[] responses, boolean[] chinese, ResponseModel model) {
        this.statements = statements;
        this.responseOf = responseOf;
        this.responses = responses;
        this.chinese = chinese;
        this.model = model;
        int n = statements.length;
        Terms terms = new Terms();
        LongIntHash ids = new LongIntHash(Math.max(16, n));
        int[] df = new int[1024];
        for (int s = 0; s < n; s++) {
            int size = terms.scan(statements[s]);
            for (int i = 0; i < size; i++) {
                int id = ids.putIfAbsent(terms.hashes[i], ids.size());
                if (id == df.length) {
                    df = Arrays.copyOf(df, df.length * 2);
                }
                df[id]++;
            }
        }
        int termCount = ids.size();
        start = new int[termCount + 1];
        idf = new float[termCount];
        for (int t = 0; t < termCount; t++) {
            start[t + 1] = start[t] + df[t];
            idf[t] = (float) (Math.log((1.0 + n) / (1.0 + df[t])) + 1);
        }
        unknownIdf = (float) (Math.log(1.0 + n) + 1);
        postings = new int[start[termCount]];
        int[] fill = Arrays.copyOf(start, termCount);
        norms = new float[n];
        for (int s = 0; s < n; s++) {
            int size = terms.scan(statements[s]);
            double norm = 0;
            for (int i = 0; i < size; i++) {
                int id = ids.get(terms.hashes[i], -1);
                int tf = Math.min(terms.counts[i], 15);
                postings[fill[id]++] = s << 4 | tf;
                double w = TF[tf] * idf[id];
                norm += w * w;
            }
            norms[s] = (float) Math.sqrt(norm);
        }
        termIds = ids;
    }

    /** The same knowledge with another response model (trained after it was published). */
    private Knowledge(Knowledge index, ResponseModel model) {
        this.statements = index.statements;
        this.responseOf = index.responseOf;
        this.responses = index.responses;
        this.chinese = index.chinese;
        this.model = model;
        this.termIds = index.termIds;
        this.start = index.start;
        this.postings = index.postings;
        this.idf = index.idf;
        this.norms = index.norms;
        this.unknownIdf = index.unknownIdf;
    }

    Knowledge withModel(ResponseModel newModel) {
        return new Knowledge(this, newModel);
    }

    int size() {
        return statements.length;
    }

    /**
     * The statements most similar to the text, best first, into the scratch's {@code hitIds}/{@code hitScores}.
     *
     * @return the number of hits, at most {@link #CANDIDATES}
     */
    int search(String text, Scratch scratch) {
        int n = statements.length;
        if (n == 0) {
            return 0;
        }
        Terms query = scratch.query;
        int size = query.scan(text);
        float[] acc = scratch.accumulators(n);
        int[] touched = scratch.touched;
        int touchedCount = 0;
        double queryNorm = 0;
        boolean skipped = false;
        int[] termOf = scratch.termOf(size);
        float[] weightOf = scratch.weightOf;
        for (int i = 0; i < size; i++) {
            int id = termIds.get(query.hashes[i], -1);
            termOf[i] = id;
            float w = TF[Math.min(query.counts[i], 15)] * (id < 0 ? unknownIdf : idf[id]);
            weightOf[i] = w;
            queryNorm += w * w;
        }
        // the rarest terms first, as long as the budget of postings lasts: rare terms say most about a statement,
        // and the commonest ones (read last, or not at all) are counted exactly for the best candidates below
        int[] order = scratch.order(size);
        int known = 0;
        for (int i = 0; i < size; i++) {
            int id = termOf[i];
            if (id < 0) {
                continue;
            }
            int df = start[id + 1] - start[id];
            int at = known++;
            while (at > 0 && df < start[termOf[order[at - 1]] + 1] - start[termOf[order[at - 1]]]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
        int budget = postingBudget;
        for (int o = 0; o < known; o++) {
            int i = order[o];
            int id = termOf[i];
            int from = start[id];
            int to = start[id + 1];
            if (to - from > budget) {
                skipped = true;
                if (o > 0) {
                    break;
                }
                // even the rarest term is common: read the first of its postings
                to = from + budget;
            }
            budget -= to - from;
            float w = weightOf[i] * idf[id];
            for (int p = from; p < to; p++) {
                int posting = postings[p];
                int s = posting >>> 4;
                if (acc[s] == 0) {
                    if (touchedCount == touched.length) {
                        touched = scratch.growTouched();
                    }
                    touched[touchedCount++] = s;
                }
                acc[s] += w * TF[posting & 15];
            }
        }
        // the best candidates by partial cosine (a small insertion-sorted list)
        int[] hitIds = scratch.hitIds;
        float[] hitScores = scratch.hitScores;
        int hits = 0;
        for (int j = 0; j < touchedCount; j++) {
            int s = touched[j];
            float score = acc[s] / norms[s];
            acc[s] = 0;
            if (hits == CANDIDATES && score <= hitScores[hits - 1]) {
                continue;
            }
            int at = hits == CANDIDATES ? hits - 1 : hits++;
            while (at > 0 && hitScores[at - 1] < score) {
                hitScores[at] = hitScores[at - 1];
                hitIds[at] = hitIds[at - 1];
                at--;
            }
            hitScores[at] = score;
            hitIds[at] = s;
        }
        float inverseQueryNorm = (float) (1 / Math.sqrt(queryNorm));
        for (int j = 0; j < hits; j++) {
            hitScores[j] = skipped ? exact(hitIds[j], query, termOf, weightOf, scratch.candidate)
                    * inverseQueryNorm / norms[hitIds[j]] : hitScores[j] * inverseQueryNorm;
        }
        if (skipped) {
            // exact scores may change the order
            for (int j = 1; j < hits; j++) {
                float score = hitScores[j];
                int id = hitIds[j];
                int at = j;
                while (at > 0 && hitScores[at - 1] < score) {
                    hitScores[at] = hitScores[at - 1];
                    hitIds[at] = hitIds[at - 1];
                    at--;
                }
                hitScores[at] = score;
                hitIds[at] = id;
            }
        }
        return hits;
    }

    /** The dot product of the query and one statement, every shared term counted (both term lists are sorted). */
    private float exact(int statement, Terms query, int[] termOf, float[] weightOf, Terms candidate) {
        int size = candidate.scan(statements[statement]);
        float dot = 0;
        int i = 0;
        int j = 0;
        while (i < query.size && j < size) {
            long a = query.hashes[i];
            long b = candidate.hashes[j];
            if (a == b) {
                if (termOf[i] >= 0) {
                    dot += weightOf[i] * idf[termOf[i]] * TF[Math.min(candidate.counts[j], 15)];
                }
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** Per-thread buffers of a search: nothing is allocated per statement, and nothing per query once grown. */
    static final class Scratch {
        final Terms query = new Terms();
        final Terms candidate = new Terms();
        final int[] hitIds = new int[CANDIDATES];
        final float[] hitScores = new float[CANDIDATES];
        int[] touched = new int[1024];
        private float[] acc = new float[0];
        private int[] termOf = new int[64];
        float[] weightOf = new float[64];
        double[] modelScores = new double[0];
        final TextFeatures.Scratch features = new TextFeatures.Scratch();
        /** Candidate responses of one question and their confidence, best first after {@code Bot.rank}. */
        final int[] responses = new int[2 * CANDIDATES];
        final double[] confidences = new double[2 * CANDIDATES];

        float[] accumulators(int n) {
            if (acc.length < n) {
                acc = new float[Math.max(n, acc.length + acc.length / 2)];
            }
            return acc;
        }

        int[] growTouched() {
            touched = Arrays.copyOf(touched, touched.length * 2);
            return touched;
        }

        private int[] order = new int[64];

        int[] order(int size) {
            if (order.length < size) {
                order = new int[size];
            }
            return order;
        }

        int[] termOf(int size) {
            if (termOf.length < size) {
                termOf = new int[size];
                weightOf = new float[size];
            }
            return termOf;
        }

        double[] modelScores(int k) {
            if (modelScores.length != k) {
                modelScores = new double[k];
            }
            return modelScores;
        }
    }

}
