package io.switchboard.classifier.services.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import de.bwaldvogel.liblinear.SolverType;

/**
 * The binary form of a {@link LinearModel}. Only what prediction needs is stored (no training texts); a magic
 * header and an end marker catch truncated files, the SHA-256 in the version's properties catches the rest.
 */
public final class ModelFile {

    private static final long MAGIC = 0x5357424D444C0002L; // "SWBMDL" + format 2 (sparse weights)
    private static final int END = 0x454E4421;
    /** Far above any real model; a corrupt length must not make us allocate gigabytes. */
    private static final int MAX_ELEMENTS = 1 << 28;

    private ModelFile() {
    }

    public static void write(LinearModel model, OutputStream stream) throws IOException {
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
        // weights sparse: liblinear leaves most at exactly zero (a rare n-gram speaks for few categories)
        int k = model.labels.length;
        float[] w = model.weights;
        int rows = f.size() + 1;
        for (int row = 0; row < rows; row++) {
            int nonZero = 0;
            for (int j = 0; j < k; j++) {
                if (w[row * k + j] != 0) {
                    nonZero++;
                }
            }
            out.writeShort(nonZero);
            for (int j = 0; j < k; j++) {
                float value = w[row * k + j];
                if (value != 0) {
                    out.writeShort(j);
                    out.writeFloat(value);
                }
            }
        }
        out.writeInt(END);
        out.flush();
    }

    /** @throws IOException with a short reason when the stream is not a whole model */
    public static LinearModel read(InputStream stream) throws IOException {
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
            int k = labels.length;
            float[] weights = new float[(size + 1) * k];
            for (int row = 0; row <= size; row++) {
                int nonZero = in.readUnsignedShort();
                if (nonZero > k) {
                    throw new IOException("bad weight row " + row);
                }
                for (int e = 0; e < nonZero; e++) {
                    int j = in.readUnsignedShort();
                    if (j >= k) {
                        throw new IOException("bad category number " + j);
                    }
                    weights[row * k + j] = in.readFloat();
                }
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
}
