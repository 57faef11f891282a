package io.switchboard.tickets.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.switchboard.classifier.LabeledText;
import io.switchboard.core.csv.CsvReader;

/** The real services of the test runtime and the Banking77 samples of this bundle. */
final class Fixtures {

    static final String TRAIN_SAMPLE = "data/banking77-train-sample.csv";
    static final String HELDOUT_SAMPLE = "data/banking77-heldout-sample.csv";

    private Fixtures() {
    }

    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Fixtures.class).getBundleContext();
        ServiceReference<T> reference = context.getServiceReference(type);
        assertNotNull(reference, "no " + type.getSimpleName() + " service");
        return context.getService(reference);
    }

    /** A sample copied out of the bundle, so the page can read it by path as it reads the agent's files. */
    static Path file(String entry, Path folder) throws IOException {
        Path file = folder.resolve(Path.of(entry).getFileName().toString());
        try (InputStream in = stream(entry)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The sample's rows; RFC 4180 with quoted fields, read by core's CSV reader. */
    static List<LabeledText> read(String entry) throws IOException {
        List<LabeledText> rows = new ArrayList<>();
        try (Reader in = new InputStreamReader(stream(entry), StandardCharsets.UTF_8);
                CsvReader csv = new CsvReader(in)) {
            csv.next();
            for (var record = csv.next(); record != null; record = csv.next()) {
                rows.add(new LabeledText(record.field(0), record.field(1), entry + ":" + record.line()));
            }
        }
        return rows;
    }

    private static InputStream stream(String entry) throws IOException {
        URL url = FrameworkUtil.getBundle(Fixtures.class).getEntry(entry);
        assertNotNull(url, entry + " is not in the test bundle");
        return url.openStream();
    }
}
