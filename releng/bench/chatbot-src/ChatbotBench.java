import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.LearnReport;
import io.switchboard.chat.StatementPair;
import io.switchboard.chat.bot.internal.Bot;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;

/**
 * The chatbot's engine (io.switchboard.chat.bot, outside OSGi) on Banking77 as a FAQ, side by side with a
 * ChatterBot-style best match (difflib's ratio against every statement), then its answer latency at growing
 * numbers of known statements.
 */
public class ChatbotBench {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int baselineSample = Integer.parseInt(args[2]);
        int[] sizes = Arrays.stream(args[3].split(",")).filter(s -> !s.isBlank()).mapToInt(Integer::parseInt).toArray();
        Path corpus = args.length > 4 && Files.isDirectory(Path.of(args[4])) ? Path.of(args[4]) : null;

        List<String> texts = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(reader)) {
            List<String> header = csv.next().fields();
            int text = header.indexOf("text");
            int category = header.indexOf("category");
            for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
                if (!record.isValid()) {
                    throw new IOException(file + ":" + record.line() + ": " + record.error());
                }
                texts.add(record.field(text));
                categories.add(record.field(category));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int cut = (int) Math.round(order.size() * 0.8);
        List<StatementPair> train = new ArrayList<>();
        for (int i = 0; i < cut; i++) {
            int r = order.get(i);
            train.add(new StatementPair(texts.get(r), answer(categories.get(r))));
        }
        List<String> questions = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = cut; i < order.size(); i++) {
            questions.add(texts.get(order.get(i)));
            expected.add(answer(categories.get(order.get(i))));
        }
        System.out.printf(Locale.ROOT, "banking77: %d pairs learned, %d questions asked (80/20 split, seed %d)%n%n",
                train.size(), questions.size(), seed);

        // ---- quality
        Path folder = Files.createTempDirectory("chatbot-bench");
        Bot bot = new Bot(() -> folder, () -> Bot.DEFAULT_THRESHOLD);
        long t0 = System.nanoTime();
        LearnReport report = bot.learn(train, "banking77");
        bot.awaitModel(Long.MAX_VALUE / 2_000_000);
        double learnSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Bot reloaded = new Bot(() -> folder, () -> Bot.DEFAULT_THRESHOLD);
        reloaded.size();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        int n = questions.size();
        double[] confidence = new double[n];
        boolean[] right = new boolean[n];
        int handedOver = 0;
        int givenRight = 0;
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            BotAnswer answer = bot.answer(questions.get(i));
            List<BotAnswer> best = bot.suggest(questions.get(i), 1);
            right[i] = !best.isEmpty() && best.get(0).text().equals(expected.get(i));
            confidence[i] = best.isEmpty() ? 0 : best.get(0).confidence();
            if (answer.handOver()) {
                handedOver++;
            } else if (answer.text().equals(expected.get(i))) {
                givenRight++;
            }
        }
        double botMs = (System.nanoTime() - t0) / 1e6 / n / 2;
        int rightCount = 0;
        for (boolean b : right) {
            rightCount += b ? 1 : 0;
        }
        int given = n - handedOver;
        System.out.printf(Locale.ROOT, "learned=%d duplicates=%d in %.1f s (index and response model; reload from the data folder %.1f s)%n",
                report.learned(), report.duplicates(), learnSeconds, loadSeconds);
        System.out.println();
        System.out.println("| engine | right (best answer) | handed over | right among answers given | ms per answer |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| Switchboard chatbot, threshold %.2f | **%.4f** | %.4f | **%.4f** | %.2f |%n", Bot.DEFAULT_THRESHOLD,
                rightCount / (double) n, handedOver / (double) n, given == 0 ? 0 : givenRight / (double) given, botMs);

        // ChatterBot-style: difflib ratio against every statement, on a sample of the questions
        List<String> statements = train.stream().map(StatementPair::statement).toList();
        List<String> lowered = statements.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        int sample = Math.min(baselineSample, n);
        int baselineRight = 0;
        t0 = System.nanoTime();
        for (int i = 0; i < sample; i++) {
            String q = questions.get(i).toLowerCase(Locale.ROOT);
            double best = -1;
            int bestIndex = -1;
            for (int s = 0; s < lowered.size(); s++) {
                double ratio = Difflib.ratio(q, lowered.get(s));
                if (ratio > best) {
                    best = ratio;
                    bestIndex = s;
                }
            }
            if (train.get(bestIndex).response().equals(expected.get(i))) {
                baselineRight++;
            }
        }
        double baselineMs = (System.nanoTime() - t0) / 1e6 / sample;
        System.out.printf(Locale.ROOT, "| ChatterBot-style best match (difflib ratio against all %d statements, first %d questions, Java) | %.4f | 0 | %.4f | %.1f |%n",
                statements.size(), sample, baselineRight / (double) sample, baselineRight / (double) sample, baselineMs);
        System.out.println();
        System.out.println("Threshold sweep (Switchboard): share answered and right among those answered");
        System.out.println();
        System.out.println("| threshold | answered | right among answered |");
        System.out.println("|---|---|---|");
        for (double th : new double[] { 0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 }) {
            int above = 0;
            int aboveRight = 0;
            for (int i = 0; i < n; i++) {
                if (confidence[i] >= th) {
                    above++;
                    aboveRight += right[i] ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "| %.2f | %.4f | %.4f |%n", th, above / (double) n,
                    above == 0 ? 0 : aboveRight / (double) above);
        }
        // out of domain: what a FAQ-only bot should hand over
        if (corpus != null) {
            List<String> chitChat = new ArrayList<>();
            try (Stream<Path> files = Files.walk(corpus)) {
                for (Path yml : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                    for (String line : Files.readAllLines(yml, StandardCharsets.UTF_8)) {
                        String t = line.strip();
                        if (t.startsWith("- - ") || t.startsWith("- ")) {
                            t = t.substring(t.startsWith("- - ") ? 4 : 2).strip();
                            if (!t.isEmpty()) {
                                chitChat.add(t);
                            }
                        }
                    }
                }
            }
            int answered = 0;
            for (String q : chitChat) {
                if (!bot.answer(q).handOver()) {
                    answered++;
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Out of domain: of %d lines of the English ChatterBot corpus asked to this FAQ bot, %.4f were answered"
                    + " (the rest handed over)%n", chitChat.size(), answered / (double) chitChat.size());
        }
        bot = null;
        reloaded = null;
        deleteTree(folder);

        // ---- latency at growing knowledge: the FAQ plus generated chit-chat pairs
        System.out.println();
        System.out.println("Latency of one answer over the " + n + " questions (after one warm-up pass): wall time, and the"
                + " answering thread's CPU time (the wall time includes waiting for a core on a loaded machine)");
        System.out.println();
        System.out.println("| statements known | learn (s) | heap used after GC (MB) | p50 wall (ms) | p95 wall (ms) | p99 wall (ms) | p50 CPU (ms) | p95 CPU (ms) | p99 CPU (ms) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> vocabulary = vocabulary(texts);
        for (int size : sizes) {
            long heapBefore = usedHeap();
            Path dir = Files.createTempDirectory("chatbot-bench");
            Bot big = new Bot(() -> dir, () -> Bot.DEFAULT_THRESHOLD);
            List<StatementPair> pairs = new ArrayList<>(train);
            Random random = new Random(seed);
            for (int i = pairs.size(); i < size; i++) {
                pairs.add(new StatementPair(sentence(vocabulary, random), "Generated response " + (i / 2)));
            }
            t0 = System.nanoTime();
            big.learn(pairs, "generated");
            big.awaitModel(Long.MAX_VALUE / 2_000_000);
            double learn = (System.nanoTime() - t0) / 1e9;
            pairs = null;
            long heap = usedHeap() - heapBefore;
            // warm up, then time every question once
            for (int i = 0; i < n; i++) {
                big.answer(questions.get(i));
            }
            long[] nanos = new long[n];
            long[] cpu = new long[n];
            for (int i = 0; i < n; i++) {
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                big.answer(questions.get(i));
                nanos[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "| %,d | %.1f | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", big.size(), learn,
                    heap >> 20, nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[(int) (n * 0.99)] / 1e6,
                    cpu[n / 2] / 1e6, cpu[(int) (n * 0.95)] / 1e6, cpu[(int) (n * 0.99)] / 1e6);
            big = null;
            deleteTree(dir);
        }
    }

    static String answer(String category) {
        return "Answer about " + category.replace('_', ' ') + ".";
    }

    /** Words of the FAQ, most frequent first, for generated statements. */
    static List<String> vocabulary(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(w -> w));
        return words;
    }

    /** 3 to 14 words, drawn with a Zipf-like skew (common words often, rare words rarely). */
    static String sentence(List<String> vocabulary, Random random) {
        int length = 3 + random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            double u = random.nextDouble();
            int index = (int) Math.min(vocabulary.size() - 1, Math.floor(Math.pow(vocabulary.size(), u)) - 1);
            if (i > 0) {
                b.append(' ');
            }
            b.append(vocabulary.get(Math.max(0, index)));
        }
        return b.toString();
    }

    static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Python's difflib.SequenceMatcher(None, a, b).ratio(), without the junk heuristics (short texts). */
    static final class Difflib {

        static double ratio(String a, String b) {
            int total = a.length() + b.length();
            return total == 0 ? 1 : 2.0 * matches(a, 0, a.length(), b, 0, b.length()) / total;
        }

        private static int matches(String a, int alo, int ahi, String b, int blo, int bhi) {
            if (alo >= ahi || blo >= bhi) {
                return 0;
            }
            // longest common substring of a[alo:ahi] and b[blo:bhi], the earliest in a then b (as difflib)
            int bestI = alo;
            int bestJ = blo;
            int bestSize = 0;
            int[] previous = new int[bhi - blo + 1];
            int[] current = new int[bhi - blo + 1];
            for (int i = alo; i < ahi; i++) {
                char c = a.charAt(i);
                for (int j = blo; j < bhi; j++) {
                    int k = b.charAt(j) == c ? previous[j - blo] + 1 : 0;
                    current[j - blo + 1] = k;
                    if (k > bestSize) {
                        bestSize = k;
                        bestI = i - k + 1;
                        bestJ = j - k + 1;
                    }
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            if (bestSize == 0) {
                return 0;
            }
            return bestSize + matches(a, alo, bestI, b, blo, bestJ) + matches(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi);
        }
    }
}
