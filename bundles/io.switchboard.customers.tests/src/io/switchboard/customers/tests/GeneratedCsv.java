package io.switchboard.customers.tests;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

/** Import files made up by the tests: a header, then one line per row number. */
final class GeneratedCsv {

    static Path write(Path file, String header, int rows, IntFunction<String> row) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header + "\n");
            for (int i = 0; i < rows; i++) {
                out.write(row.apply(i) + "\n");
            }
        }
        return file;
    }

    private GeneratedCsv() {
    }
}
