package io.switchboard.classifier.services.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import de.bwaldvogel.liblinear.SolverType;

/**
 * The binary form of a {@link LinearModel}. Only what prediction needs is stored (no training texts); a magic
 * header and an end marker catch truncated files, the SHA-256 in the version's properties catches the rest.
 */
final class ModelFile {

    private static final long MAGIC = 0x5357424D444C0001L; // "SWBMDL" + format 1
    private static final int END = 0x454E4421;
    /** Far above any real model; a corrupt length must not make us allocate gigabytes. */
    private static final int MAX_ELEMENTS = 1 << 28;

    private ModelFile() {
    }

    static void write(LinearModel model, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        TextFeatures f = model.features;
        out.writeLong(MAGIC);
        FeatureSettings s = f.settings;
        out.writeInt(s.wordMaxN());
        out.writeInt(s.charMinN());
        out.writeInt(s.charMaxN());
        out.writeInt(s.minDf());
        out.writeInt(f.hashes.length);
        out.writeInt(f.wordCount);
        for (long h : f.hashes) {
            out.writeLong(h);
        }
        for (float v : f.idf) {
            out.writeFloat(v);
        }
        for (String term : f.wordTerms) {
            out.writeUTF(term);
        }
        out.writeInt(model.labels.length);
        for (String label : model.labels) {
            out.writeUTF(label);
        }
        out.writeUTF(model.solver.name());
        out.writeDouble(model.c);
        out.writeDouble(model.scale);
        out.writeInt(model.weights.length);
        for (float w : model.weights) {
            out.writeFloat(w);
        }
        out.writeInt(END);
        out.flush();
    }

    /** @throws IOException with a short reason when the stream is not a whole model */
    static LinearModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        try {
            if (in.readLong() != MAGIC) {
                throw new IOException("not a Switchboard model file");
            }
            FeatureSettings settings = new FeatureSettings(in.readInt(), in.readInt(), in.readInt(), in.readInt());
            int size = count(in.readInt());
            int wordCount = in.readInt();
            if (wordCount < 0 || wordCount > size) {
                throw new IOException("bad word count");
            }
            long[] hashes = new long[size];
            for (int i = 0; i < size; i++) {
                hashes[i] = in.readLong();
            }
            float[] idf = new float[size];
            for (int i = 0; i < size; i++) {
                idf[i] = in.readFloat();
            }
            String[] terms = new String[wordCount];
            for (int i = 0; i < wordCount; i++) {
                terms[i] = in.readUTF();
            }
            String[] labels = new String[count(in.readInt())];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUTF();
            }
            SolverType solver = SolverType.valueOf(in.readUTF());
            double c = in.readDouble();
            double scale = in.readDouble();
            int weightCount = count(in.readInt());
            if (weightCount != (size + 1) * labels.length) {
                throw new IOException("weights do not match features and categories");
            }
            float[] weights = new float[weightCount];
            for (int i = 0; i < weightCount; i++) {
                weights[i] = in.readFloat();
            }
            if (in.readInt() != END || in.read() >= 0) {
                throw new IOException("bad end of file");
            }
            return new LinearModel(new TextFeatures(settings, hashes, wordCount, idf, terms), labels, solver, c,
                    weights, scale);
        } catch (EOFException e) {
            throw new IOException("file is truncated", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad settings in file: " + e.getMessage(), e);
        }
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > MAX_ELEMENTS) {
            throw new IOException("bad length " + n);
        }
        return n;
    }

    static String hex(byte[] digest) {
        StringBuilder b = new StringBuilder();
        for (byte x : digest) {
            b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return b.toString();
    }

    static boolean sameWeights(LinearModel a, LinearModel b) {
        return Arrays.equals(a.weights, b.weights);
    }
}
