package io.switchboard.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.FrameworkUtil;

import io.switchboard.cli.internal.CommandLine;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;

/**
 * Runs the {@code switchboard} command line in this runtime, as the application does, and captures what it
 * writes: the whole contract (output, messages, exit code) is tested without starting a process.
 */
public final class Cli {

    /** Output of one run of the command line. */
    public record Run(int exit, String out, String err) {

        public List<String> outLines() {
            return out.lines().toList();
        }

        public List<String> errLines() {
            return err.lines().toList();
        }

        /** The last line of standard output, or empty. */
        public String lastLine() {
            List<String> lines = outLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        /** Standard output read as CSV, header included; a malformed record fails the test. */
        public List<List<String>> csv() throws IOException {
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

    /** One command line, with nothing on standard input. */
    public static Run run(String... args) {
        return runWithInput("", args);
    }

    /** One command line, with {@code stdin} (UTF-8) on standard input. */
    public static Run runWithInput(String stdin, String... args) {
        return runWithBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** One command line, with {@code stdin} on standard input as it is (for input that is not UTF-8). */
    public static Run runWithBytes(byte[] stdin, String... args) {
        CommandLine commandLine = Services.get(FrameworkUtil.getBundle(Cli.class).getBundleContext(),
                CommandLine.class, Services.TIMEOUT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commandLine.execute(List.of(args), new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
