package io.switchboard.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

import io.switchboard.cli.internal.Messages;
import io.switchboard.core.csv.LineRange;

/**
 * How commands write what scripts read: results on standard output as UTF-8, {@code key=value} pairs and numbers
 * in one format, and messages for the person on one line each.
 */
public final class Output {

    private Output() {
    }

    /** A writer for results on standard output: UTF-8 whatever the platform's default, never closing the stream. */
    public static Writer stdout(CommandContext context) {
        return new BufferedWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8));
    }

    /**
     * Fails when standard output could not be written. A {@link PrintStream} never throws: this is how a closed
     * pipe ({@code | head}) or a full disk shows.
     */
    public static void checkStdout(CommandContext context) throws CommandException {
        if (context.out().checkError()) {
            throw new CommandException(Messages.Output_stdoutFailed);
        }
    }

    /** The text on one line: line breaks and the white space around them become one space; {@code null} is empty. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
    }

    /** A rejected input line as commands report it on standard error: {@code line K: reason}, on one line. */
    public static String rejectedLine(long line, String reason) {
        return "line " + line + ": " + oneLine(reason);
    }

    /**
     * The note an import prints once on standard error for the rows it skipped because they were imported before:
     * {@code already imported: lines 2..5, 8}.
     */
    public static String alreadyImported(List<LineRange> lines) {
        return NLS.bind(Messages.Output_alreadyImported, LineRange.text(lines));
    }

    /**
     * Pairs on one line, separated by spaces: {@code pairs("imported", 3, "skipped", 2)} is
     * {@code imported=3 skipped=2}.
     */
    public static String pairs(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values do not pair up");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]);
        }
        return line.toString();
    }

    /** One {@code key=value} line per entry, in the map's order, values as they are. */
    public static void keyValues(PrintStream out, Map<String, ?> values) {
        values.forEach((key, value) -> out.println(key + "=" + value));
    }

    /** One {@code key=value} line per measure, in the map's order, each value as {@link #measure}. */
    public static void measures(PrintStream out, Map<String, Double> values) {
        values.forEach((key, value) -> out.println(key + "=" + measure(value)));
    }

    /** A fraction or score: four decimals, a dot whatever the locale ({@code 0.9375}). */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** A whole value without decimals ({@code 240}), any other as {@link #number} ({@code 0.9375}). */
    public static String measure(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : number(value);
    }
}
