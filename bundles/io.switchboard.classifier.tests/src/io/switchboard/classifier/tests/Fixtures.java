package io.switchboard.classifier.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.classifier.LabeledText;
import io.switchboard.cli.internal.CommandLine;

/** Services, the Banking77 sample and in-process runs of the command line, shared by the tests. */
final class Fixtures {

    static final String SAMPLE = "data/banking77-sample.csv";

    private Fixtures() {
    }

    record Run(int exit, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        if (service == null) {
            throw new AssertionError("no " + type.getName() + " service registered");
        }
        return service;
    }

    static Run cli(String stdin, String... args) throws Exception {
        CommandLine commandLine = service(CommandLine.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commandLine.execute(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The sample file copied out of the bundle, so the CLI can read it by path. */
    static Path sampleFile(Path folder) throws IOException {
        Path file = folder.resolve("banking77-sample.csv");
        try (InputStream in = sampleStream()) {
            Files.copy(in, file);
        }
        return file;
    }

    static List<LabeledText> sample() throws IOException {
        // the sample is plain: no field contains a line break, so splitting lines is enough here
        List<LabeledText> data = new ArrayList<>();
        try (InputStream in = sampleStream()) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                int comma = line.lastIndexOf(',');
                String text = line.substring(0, comma);
                if (text.startsWith("\"")) {
                    text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
                }
                data.add(new LabeledText(text, line.substring(comma + 1)));
            }
        }
        return data;
    }

    private static InputStream sampleStream() throws IOException {
        URL url = FrameworkUtil.getBundle(Fixtures.class).getEntry(SAMPLE);
        if (url == null) {
            throw new AssertionError("missing " + SAMPLE);
        }
        return url.openStream();
    }
}
