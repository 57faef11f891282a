import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import de.bwaldvogel.liblinear.*;
import io.switchboard.core.csv.*;

/**
 * Throw-away experiments behind the "what was tried" table of docs/benchmarks.md: features built from strings
 * (slow, but easy to vary), liblinear one-vs-rest on all rows of each problem, 2 threads, stratified 5-fold
 * cross-validation with the same folds as ClassifierBench. Not the product's code: its "blocks=w2,c2-5" row
 * reproduces the product's former configuration (0.9062) exactly.
 *
 * Each argument is one model, e.g. "blocks=w2,c3-5;C=1;solver=svm". Keys: blocks (wN word 1..N-grams, cA-B
 * character A..B-grams inside words, xA-B across words, eA-B at word edges only), solver (svm, lr, l1, mcs),
 * C, eps, minDf, norm (d: digits to 0, s: light suffix stripping, a: keep apostrophes), bw (block weights),
 * nb (NB-SVM log-count-ratio scaling with this smoothing; nbb its interpolation), wpos (weight of the positive
 * class). With several arguments, their softmax probabilities are also averaged.
 *
 * A dense block of pretrained sentence-encoder vectors can be appended to the n-grams (see SentenceVectors and the
 * classifier-encoder script): dense=text (each text's own vector), dense=static (the normalised mean of its words'
 * vectors, each word encoded alone; sv=train keeps only words of the training folds, sw=idf weights them), dw (the
 * block's weight; the n-gram blocks together have norm 1), blocks=none (the dense block alone). The vectors are read
 * from the files that SentenceVectors wrote with the prefix given by -Dcache. time=1 also times prediction.
 */
public class ClassifierExperiments {
    static Map<String,float[]> textVec = new HashMap<>(), wordVec = new HashMap<>();
    static float[][] readF32(Path p) throws Exception { java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(p)).order(java.nio.ByteOrder.LITTLE_ENDIAN); int n = b.getInt(), d = b.getInt(); float[][] v = new float[n][d]; for (float[] r : v) for (int j = 0; j < d; j++) r[j] = b.getFloat(); return v; }
    /** dense block: "text" = cached sentence embedding; "static" = normalised mean of word vectors (words restricted to training folds with sv=train) */
    static float[] dense(String kind, String text, Set<String> allowed, Map<String,Double> wwt) {
        if (kind.equals("text")) return textVec.get(text);
        float[] m = new float[384]; int n = 0;
        for (String w : tokens(text, "")) { float[] v = wordVec.get(w); if (v == null || (allowed != null && !allowed.contains(w))) continue; double ww = wwt == null ? 1 : wwt.getOrDefault(w, 0.0); for (int j = 0; j < 384; j++) m[j] += ww * v[j]; n++; }
        double s = 0; for (float f : m) s += f * f; s = Math.sqrt(s); if (s > 0) for (int j = 0; j < 384; j++) m[j] /= s;
        return m;
    }
    static double macroF1(double[][] s) { int[] tp = new int[K], fp = new int[K], fn = new int[K];
        for (int i = 0; i < y.length; i++) { int b = 0; for (int j = 1; j < K; j++) if (s[i][j] > s[i][b]) b = j; if (b == y[i]) tp[b]++; else { fp[b]++; fn[y[i]]++; } }
        double f = 0; for (int k = 0; k < K; k++) { double d = 2 * tp[k] + fp[k] + fn[k]; f += d == 0 ? 0 : 2.0 * tp[k] / d; } return f / K; }
    static List<String> texts = new ArrayList<>(); static int[] y; static int K;
    static String norm = "";  // flags: d digits, s stem
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ClassifierExperiments DATA.csv SPEC [SPEC...]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        args = Arrays.copyOfRange(args, 1, args.length);
        List<String> cats = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(r)) {
            List<String> h = csv.next().fields(); int t = h.indexOf("text"), c = h.indexOf("category");
            CsvRecord rec; while ((rec = csv.next()) != null) { texts.add(rec.field(t)); cats.add(rec.field(c)); }
        }
        Map<String,Integer> idx = new LinkedHashMap<>(); for (String c : cats) idx.putIfAbsent(c, idx.size());
        String cache = System.getProperty("cache", "vectors/full");
        if (Files.exists(Path.of(cache + "-texts.f32"))) { float[][] tv = readF32(Path.of(cache + "-texts.f32")); for (int i = 0; i < texts.size(); i++) textVec.put(texts.get(i), tv[i]); }
        if (Files.exists(Path.of(cache + "-words.f32"))) { float[][] wv = readF32(Path.of(cache + "-words.f32")); List<String> wl = Files.readAllLines(Path.of(cache + "-words.txt"), StandardCharsets.UTF_8); for (int i = 0; i < wl.size(); i++) wordVec.put(wl.get(i), wv[i]); }
        System.out.printf("cache %s: %d text vectors, %d word vectors%n", cache, textVec.size(), wordVec.size());
        y = cats.stream().mapToInt(idx::get).toArray(); K = idx.size();
        Linear.disableDebugOutput();
        // args: each arg is a model spec; ensemble averages softmax probabilities
        // spec: blocks=w2,c2-5;solver=svm|lr|mcs;C=1;eps=0.5;minDf=2;norm=ds;w=1
        int[] fold = folds(5, 42);
        double[][][] allScores = new double[args.length][][];
        long c0 = cpu(); long t0 = System.nanoTime();
        for (int m = 0; m < args.length; m++) {
            allScores[m] = cv(args[m], fold, 5);
            System.out.printf("%s -> acc %.4f macroF1 %.4f%n", args[m], acc(allScores[m]), macroF1(allScores[m]));
        }
        if (args.length > 1) {
            // ensemble: sum of standardized? use softmax with fitted scale each
            for (double wt : new double[]{0.3, 0.5, 0.7}) {
                double[][] sum = new double[y.length][K];
                for (int m = 0; m < args.length; m++) {
                    double s = fitScale(allScores[m]);
                    double weight = args.length == 2 ? (m == 0 ? wt : 1 - wt) : 1.0 / args.length;
                    for (int i = 0; i < y.length; i++) { double[] p = allScores[m][i].clone(); softmax(p, s); for (int j = 0; j < K; j++) sum[i][j] += weight * p[j]; }
                }
                System.out.printf("ensemble prob avg w0=%.1f acc %.4f%n", wt, acc(sum));
                if (args.length != 2) break;
            }
        }
        System.out.printf("time wall %.1f cpu %.1f%n", (System.nanoTime()-t0)/1e9, (cpu()-c0)/1e9);
    }
    static Map<String,String> parse(String spec) { Map<String,String> m = new HashMap<>(); for (String kv : spec.split(";")) { String[] p = kv.split("=",2); m.put(p[0], p[1]); } return m; }

    static double[][] cv(String spec, int[] fold, int folds) throws Exception {
        Map<String,String> p = parse(spec);
        double[][] scores = new double[y.length][];
        for (int f = 0; f < folds; f++) {
            List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
            for (int i = 0; i < y.length; i++) (fold[i] == f ? te : tr).add(i);
            Model mdl = fit(p, tr);
            for (int i : te) scores[i] = mdl.decide(texts.get(i));
            if (f == folds - 1 && p.containsKey("time")) { long t = System.nanoTime(); double z = 0; for (int r = 0; r < 3; r++) for (String s : texts) z += mdl.decide(s)[0]; System.out.printf("  harness decide (features+scores, 1 thread): %.0f texts/s (%s)%n", 3 * texts.size() / ((System.nanoTime() - t) / 1e9), z == 1e-300 ? "" : "ok"); }
        }
        return scores;
    }

    // ---- features
    static String normTok(String t, String flags) {
        if (flags.contains("d")) t = t.replaceAll("[0-9]", "0");
        if (flags.contains("s")) t = stem(t);
        return t;
    }
    static String stem(String w) {
        if (w.length() <= 3) return w;
        if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length()-3) + "y";
        if (w.endsWith("ing") && w.length() > 5) return w.substring(0, w.length()-3);
        if (w.endsWith("ed") && w.length() > 4) return w.substring(0, w.length()-2);
        if (w.endsWith("es") && w.length() > 4 && !w.endsWith("ses")) return w.substring(0, w.length()-1);
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && w.length() > 3) return w.substring(0, w.length()-1);
        return w;
    }
    static List<String> tokens(String text, String flags) {
        List<String> out = new ArrayList<>(); StringBuilder b = new StringBuilder();
        String s = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean keep = Character.isLetterOrDigit(c) || (flags.contains("a") && c == '\'' );
            if (keep) b.append(c); else if (b.length() > 0) { out.add(normTok(b.toString(), flags)); b.setLength(0); }
        }
        return out;
    }
    /** block spec: wN (word 1..N), cA-B (char_wb), xA-B (char across words), kN skip bigram */
    static List<String> grams(String block, String text, String flags) {
        List<String> toks = tokens(text, flags); List<String> g = new ArrayList<>();
        char type = block.charAt(0);
        if (type == 'w') { int n = Integer.parseInt(block.substring(1));
            for (int i = 0; i < toks.size(); i++) { StringBuilder b = new StringBuilder(); for (int k = 0; k < n && i + k < toks.size(); k++) { if (k>0) b.append(' '); b.append(toks.get(i+k)); g.add(b.toString()); } }
        } else if (type == 'c' || type == 'x' || type == 'e') { String[] ab = block.substring(1).split("-"); int a = Integer.parseInt(ab[0]), bb = Integer.parseInt(ab[1]);
            List<String> words = type == 'x' ? List.of(" " + String.join(" ", toks) + " ") : toks.stream().map(w -> " " + w + " ").toList();
            for (String w : words) for (int i = 0; i < w.length(); i++) for (int n = a; n <= bb && i + n <= w.length(); n++) {
                if (type == 'e' && i != 0 && i + n != w.length()) continue;
                g.add(w.substring(i, i + n)); }
        }
        return g;
    }

    interface Model { double[] decide(String text); }

    static Model fit(Map<String,String> p, List<Integer> tr) throws Exception {
        String[] blocks = p.getOrDefault("blocks", "w2,c2-5").equals("none") ? new String[0] : p.getOrDefault("blocks", "w2,c2-5").split(",");
        String denseKind = p.get("dense"); double dw = Double.parseDouble(p.getOrDefault("dw", "1"));
        Set<String> allowed = null; if ("train".equals(p.get("sv"))) { allowed = new HashSet<>(); for (int i : tr) allowed.addAll(tokens(texts.get(i), "")); }
        Map<String,Double> wwt = null; if ("idf".equals(p.get("sw"))) { Map<String,Integer> df = new HashMap<>(); for (int i : tr) for (String w : new HashSet<>(tokens(texts.get(i), ""))) df.merge(w, 1, Integer::sum); wwt = new HashMap<>(); for (var e : df.entrySet()) wwt.put(e.getKey(), Math.log((1.0 + tr.size()) / (1 + e.getValue())) + 1); }
        final Set<String> allowedF = allowed; final Map<String,Double> wwtF = wwt; final int D = denseKind == null ? 0 : 384;
        String flags = p.getOrDefault("norm", "");
        int minDf = Integer.parseInt(p.getOrDefault("minDf", "2"));
        String[] bw = p.getOrDefault("bw", "").isEmpty() ? null : p.get("bw").split(",");
        // vocab per block
        List<Map<String,Integer>> vocab = new ArrayList<>(); List<double[]> idfs = new ArrayList<>(); int[] offset = new int[blocks.length + 1];
        for (int b = 0; b < blocks.length; b++) {
            Map<String,Integer> df = new HashMap<>();
            for (int i : tr) for (String g : new HashSet<>(grams(blocks[b], texts.get(i), flags))) df.merge(g, 1, Integer::sum);
            Map<String,Integer> v = new HashMap<>(); List<String> keys = new ArrayList<>(df.keySet()); Collections.sort(keys);
            for (String k : keys) if (df.get(k) >= minDf) v.put(k, v.size());
            double[] idf = new double[v.size()]; for (var e : v.entrySet()) idf[e.getValue()] = Math.log((1.0 + tr.size()) / (1 + df.get(e.getKey()))) + 1;
            vocab.add(v); idfs.add(idf); offset[b+1] = offset[b] + v.size();
        }
        double[] blockW = new double[blocks.length]; for (int b = 0; b < blocks.length; b++) blockW[b] = bw == null ? 1 / Math.sqrt(blocks.length) : Double.parseDouble(bw[b]);
        java.util.function.Function<String, FeatureNode[]> vec = text -> {
            List<FeatureNode> nodes = new ArrayList<>();
            for (int b = 0; b < blocks.length; b++) {
                Map<Integer,Integer> cnt = new TreeMap<>();
                for (String g : grams(blocks[b], text, flags)) { Integer id = vocab.get(b).get(g); if (id != null) cnt.merge(id, 1, Integer::sum); }
                double norm2 = 0; List<FeatureNode> bn = new ArrayList<>();
                for (var e : cnt.entrySet()) { double v = (1 + Math.log(e.getValue())) * idfs.get(b)[e.getKey()]; norm2 += v * v; bn.add(new FeatureNode(offset[b] + e.getKey() + 1, v)); }
                double sc = norm2 > 0 ? blockW[b] / Math.sqrt(norm2) : 0;
                for (FeatureNode n : bn) { n.value *= sc; nodes.add(n); }
            }
            if (D > 0) { float[] dv = dense(denseKind, text, allowedF, wwtF); for (int j = 0; j < D; j++) if (dv[j] != 0) nodes.add(new FeatureNode(offset[blocks.length] + 1 + j, dw * dv[j])); }
            nodes.add(new FeatureNode(offset[blocks.length] + D + 1, 1));
            return nodes.toArray(new FeatureNode[0]);
        };
        FeatureNode[][] x = new FeatureNode[tr.size()][]; int[] yy = new int[tr.size()];
        for (int i = 0; i < x.length; i++) { x[i] = vec.apply(texts.get(tr.get(i))); yy[i] = y[tr.get(i)]; }
        int n = offset[blocks.length] + D + 1;
        double C = Double.parseDouble(p.getOrDefault("C", "1")), eps = Double.parseDouble(p.getOrDefault("eps", "0.5"));
        String solver = p.getOrDefault("solver", "svm");
        SolverType st = switch (solver) { case "lr" -> SolverType.L2R_LR_DUAL; case "lrp" -> SolverType.L2R_LR; case "svmp" -> SolverType.L2R_L2LOSS_SVC; case "mcs" -> SolverType.MCSVM_CS; case "l1" -> SolverType.L2R_L1LOSS_SVC_DUAL; default -> SolverType.L2R_L2LOSS_SVC_DUAL; };
        double[][] w = new double[K][];
        boolean nb = p.containsKey("nb");
        double nbAlpha = nb ? Double.parseDouble(p.get("nb")) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(2); List<Future<?>> jobs = new ArrayList<>();
        for (int k = 0; k < K; k++) { int label = k; jobs.add(pool.submit(() -> {
            Problem pr = new Problem(); pr.l = x.length; pr.n = n; pr.bias = 1; pr.y = new double[x.length];
            for (int i = 0; i < x.length; i++) pr.y[i] = yy[i] == label ? 1 : -1;
            double[] r = null;
            if (nb) { // log-count ratio per feature, scale x
                double[] pp = new double[n + 1], qq = new double[n + 1]; Arrays.fill(pp, nbAlpha); Arrays.fill(qq, nbAlpha);
                for (int i = 0; i < x.length; i++) for (FeatureNode fn : x[i]) (yy[i] == label ? pp : qq)[fn.index] += fn.value;
                double sp = 0, sq = 0; for (int j = 1; j <= n; j++) { sp += pp[j]; sq += qq[j]; }
                r = new double[n + 1]; for (int j = 1; j <= n; j++) r[j] = Math.abs(Math.log((pp[j] / sp) / (qq[j] / sq)));
                double beta = Double.parseDouble(p.getOrDefault("nbb", "1"));
                for (int j = 1; j <= n; j++) r[j] = (1 - beta) + beta * r[j];
                r[n] = 1;
                FeatureNode[][] xs = new FeatureNode[x.length][];
                for (int i = 0; i < x.length; i++) { xs[i] = new FeatureNode[x[i].length]; for (int j = 0; j < x[i].length; j++) xs[i][j] = new FeatureNode(x[i][j].index, x[i][j].value * r[x[i][j].index]); }
                pr.x = xs;
            } else pr.x = x;
            Parameter par = new Parameter(st, C, eps); par.setRandom(new Random(label));
            if (p.containsKey("wpos")) par.setWeights(new double[]{Double.parseDouble(p.get("wpos")), 1}, new int[]{1, -1});
            de.bwaldvogel.liblinear.Model m = Linear.train(pr, par);
            double[] ww = m.getFeatureWeights(); double sign = m.getLabels()[0] == 1 ? 1 : -1;
            double[] out = new double[n + 1]; for (int j = 0; j < n; j++) out[j + 1] = sign * ww[j] * (r == null ? 1 : r[j + 1]);
            w[label] = out; }));
        }
        for (Future<?> j : jobs) j.get(); pool.shutdown();
        return text -> { FeatureNode[] v = vec.apply(text); double[] s = new double[K]; for (int k = 0; k < K; k++) { double d = 0; for (FeatureNode fn : v) d += w[k][fn.index] * fn.value; s[k] = d; } return s; };
    }

    static int[] folds(int folds, long seed) {
        Random random = new Random(seed); int[] fold = new int[y.length]; List<List<Integer>> by = new ArrayList<>();
        for (int k = 0; k < K; k++) by.add(new ArrayList<>()); for (int i = 0; i < y.length; i++) by.get(y[i]).add(i);
        int next = 0; for (List<Integer> m : by) { Collections.shuffle(m, random); for (int i : m) { fold[i] = next; next = (next + 1) % folds; } }
        return fold;
    }
    static double acc(double[][] s) { int r = 0; for (int i = 0; i < y.length; i++) { int b = 0; for (int j = 1; j < K; j++) if (s[i][j] > s[i][b]) b = j; if (b == y[i]) r++; } return (double) r / y.length; }
    static void softmax(double[] s, double scale) { double mx = Arrays.stream(s).max().getAsDouble(), sum = 0; for (int j = 0; j < s.length; j++) { s[j] = Math.exp(scale * (s[j] - mx)); sum += s[j]; } for (int j = 0; j < s.length; j++) s[j] /= sum; }
    static double fitScale(double[][] sc) { double best = 1, bl = Double.MAX_VALUE; for (double s = 0.5; s <= 64; s *= 1.19) { double l = 0; for (int i = 0; i < y.length; i++) { double[] p = sc[i].clone(); softmax(p, s); l -= Math.log(Math.max(p[y[i]], 1e-12)); } if (l < bl) { bl = l; best = s; } } return best; }
    static long cpu() { return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }
}
