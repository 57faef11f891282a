package io.switchboard.customers.cli.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.cli.internal.CommandLine;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;

/** Runs the {@code switchboard} command line in this runtime, as the application does, and captures its output. */
final class Cli {

    /** Output of one run of the command line. */
    record Run(int exit, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }

        /** Standard output read as CSV, header included. */
        List<List<String>> csv() throws IOException {
            List<List<String>> rows = new ArrayList<>();
            try (CsvReader reader = new CsvReader(new StringReader(out))) {
                for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                    if (!record.isValid()) {
                        throw new AssertionError("line " + record.line() + ": " + record.error() + "\n" + out);
                    }
                    rows.add(record.fields());
                }
            }
            return rows;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Run run(String... args) throws InterruptedException {
        CommandLine commandLine = service(CommandLine.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commandLine.execute(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Cli.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        if (service == null) {
            throw new AssertionError("no " + type.getName() + " service registered");
        }
        return service;
    }
}
