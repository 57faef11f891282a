import java.io.*;
import java.nio.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.Executor;
import ai.onnxruntime.*;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.*;
import io.switchboard.core.csv.*;

/**
 * Encodes every text of a labelled CSV file (column "text") with the all-MiniLM-L6-v2 sentence encoder (full or
 * quantised, from the langchain4j model jars) on one ONNX Runtime thread, and with "words" also every distinct lower
 * case word alone, and writes the normalised 384-dimension vectors for ClassifierExperiments (dense=text|static).
 * Prints the encoding speed. Usage: SentenceVectors DATA.csv full|q OUT-PREFIX [THREADS [words]]
 */
public class SentenceVectors {
    static class M extends AbstractInProcessEmbeddingModel {
        final OnnxBertBiEncoder enc;
        M(OnnxBertBiEncoder enc, Executor ex) { super(ex); this.enc = enc; }
        protected OnnxBertBiEncoder model() { return enc; }
        protected Integer knownDimension() { return 384; }
    }
    public static void main(String[] a) throws Exception {
        Path file = Path.of(a[0]); String variant = a[1]; String out = a[2]; int threads = a.length > 3 ? Integer.parseInt(a[3]) : 1;
        List<String> texts = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(r)) {
            List<String> h = csv.next().fields(); int t = h.indexOf("text");
            CsvRecord rec; while ((rec = csv.next()) != null) texts.add(rec.field(t));
        }
        String base = variant.equals("q") ? "all-minilm-l6-v2-q" : "all-minilm-l6-v2";
        ClassLoader cl = SentenceVectors.class.getClassLoader();
        byte[] onnx; try (InputStream in = cl.getResourceAsStream(base + ".onnx")) { onnx = in.readAllBytes(); }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(threads); so.setInterOpNumThreads(1);
        long tl = System.nanoTime();
        OrtSession sess = env.createSession(onnx, so);
        OnnxBertBiEncoder enc = new OnnxBertBiEncoder(env, sess, cl.getResourceAsStream(base + "-tokenizer.json"), PoolingMode.MEAN);
        M model = new M(enc, Runnable::run);
        System.out.printf("model %s: onnx %.1f MB, load %.2f s%n", base, onnx.length / 1e6, (System.nanoTime() - tl) / 1e9);
        // warm-up
        for (int i = 0; i < 50; i++) model.embed(texts.get(i));
        System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
        long t0 = System.nanoTime(), c0 = cpu();
        float[][] v = embedAll(model, texts);
        double wall = (System.nanoTime() - t0) / 1e9, cpu = (cpu() - c0) / 1e9;
        System.out.printf("texts: %d in %.1f s wall (%.1f s CPU) = %.0f texts/s wall%n", texts.size(), wall, cpu, texts.size() / wall);
        System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
        write(Path.of(out + "-texts.f32"), v);
        if (a.length > 4 && a[4].equals("words")) {
            TreeSet<String> words = new TreeSet<>();
            for (String s : texts) words.addAll(tokens(s));
            List<String> wl = new ArrayList<>(words);
            t0 = System.nanoTime(); c0 = cpu();
            float[][] wv = embedAll(model, wl);
            wall = (System.nanoTime() - t0) / 1e9; cpu = (cpu() - c0) / 1e9;
            System.out.printf("words: %d distinct in %.1f s wall (%.1f s CPU) = %.0f words/s%n", wl.size(), wall, cpu, wl.size() / wall);
            System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
            Files.write(Path.of(out + "-words.txt"), wl, StandardCharsets.UTF_8);
            write(Path.of(out + "-words.f32"), wv);
        }
    }
    static float[][] embedAll(M model, List<String> xs) {
        float[][] v = new float[xs.size()][];
        for (int i = 0; i < xs.size(); i += 500) {
            List<TextSegment> segs = new ArrayList<>();
            for (int j = i; j < Math.min(xs.size(), i + 500); j++) segs.add(TextSegment.from(xs.get(j)));
            List<Embedding> es = model.embedAll(segs).content();
            for (int j = 0; j < es.size(); j++) v[i + j] = normalise(es.get(j).vector());
        }
        return v;
    }
    static float[] normalise(float[] x) { double s = 0; for (float f : x) s += f * f; s = Math.sqrt(s); float[] r = x.clone(); if (s > 0) for (int i = 0; i < r.length; i++) r[i] /= s; return r; }
    static void write(Path p, float[][] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + v.length * v[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(v.length).putInt(v[0].length); for (float[] r : v) for (float f : r) b.putFloat(f);
        Files.write(p, b.array());
    }
    /** same tokenisation as ClassifierExperiments.tokens(text, "") */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>(); StringBuilder b = new StringBuilder(); String s = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= s.length(); i++) { char c = i < s.length() ? s.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) b.append(c); else if (b.length() > 0) { out.add(b.toString()); b.setLength(0); } }
        return out;
    }
    static long cpu() { return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }
}
