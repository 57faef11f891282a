package io.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;

import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;

/**
 * A sample of labelled texts kept in the calling test bundle, e.g. {@code data/banking77-sample.csv}: UTF-8
 * RFC 4180 CSV with a header row naming a text and a label column. Each test bundle keeps its own file (and its
 * attribution); this reads it.
 */
public final class LabeledSample {

    /** One labelled text. */
    public record Row(String text, String label) {
    }

    private LabeledSample() {
    }

    /** The rows of the calling bundle's {@code entry}, from the columns {@code text} and {@code category}. */
    public static List<Row> read(String entry) throws IOException {
        return read(Caller.bundle(), entry, "text", "category");
    }

    /** The rows of the calling bundle's {@code entry}, from the columns named. */
    public static List<Row> read(String entry, String textColumn, String labelColumn) throws IOException {
        return read(Caller.bundle(), entry, textColumn, labelColumn);
    }

    /** The calling bundle's {@code entry} copied into {@code folder} under its own name, so a command can read it. */
    public static Path copy(String entry, Path folder) throws IOException {
        Path file = folder.resolve(entry.substring(entry.lastIndexOf('/') + 1));
        try (InputStream in = open(Caller.bundle(), entry)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<Row> read(Bundle bundle, String entry, String textColumn, String labelColumn)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new InputStreamReader(open(bundle, entry), StandardCharsets.UTF_8))) {
            CsvRecord header = csv.next();
            if (header == null || !header.isValid()) {
                throw new AssertionError(entry + " has no header row");
            }
            int text = column(header, textColumn, entry);
            int label = column(header, labelColumn, entry);
            for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
                if (!record.isValid()) {
                    throw new AssertionError(entry + ":" + record.line() + ": " + record.error());
                }
                rows.add(new Row(record.field(text), record.field(label)));
            }
        }
        return rows;
    }

    private static int column(CsvRecord header, String name, String entry) {
        int index = header.fields().indexOf(name);
        if (index < 0) {
            throw new AssertionError(entry + " has no column '" + name + "'");
        }
        return index;
    }

    private static InputStream open(Bundle bundle, String entry) throws IOException {
        URL url = bundle.getEntry(entry);
        if (url == null) {
            throw new AssertionError("missing " + entry + " in " + bundle.getSymbolicName());
        }
        return url.openStream();
    }
}
