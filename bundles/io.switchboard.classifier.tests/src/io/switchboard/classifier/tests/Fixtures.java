package io.switchboard.classifier.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.switchboard.classifier.LabeledText;
import io.switchboard.testing.LabeledSample;

/** The Banking77 sample, as labelled texts and as a file, shared by the tests. */
final class Fixtures {

    static final String SAMPLE = "data/banking77-sample.csv";

    private Fixtures() {
    }

    /** The sample file copied out of the bundle, so the CLI can read it by path. */
    static Path sampleFile(Path folder) throws IOException {
        return LabeledSample.copy(SAMPLE, folder);
    }

    static List<LabeledText> sample() throws IOException {
        return LabeledSample.read(SAMPLE).stream().map(row -> new LabeledText(row.text(), row.label()))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
