package io.switchboard.customers.services.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * Values in the text a bulk load hands Derby's import ({@link io.switchboard.store.Database#bulkLoad}): numbers as
 * they are, text in double quotes with quotes inside doubled, no value as nothing between the commas.
 */
final class LoadLine {

    static void number(Writer out, long value) throws IOException {
        out.write(Long.toString(value));
    }

    /** A quoted value, quotes inside doubled. */
    static void text(Writer out, String value) throws IOException {
        out.write('"');
        int from = 0;
        for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', from)) {
            out.write(value, from, i + 1 - from);
            out.write('"');
            from = i + 1;
        }
        out.write(value, from, value.length() - from);
        out.write('"');
    }

    /** The value, or nothing for {@code null}. */
    static void optional(Writer out, String value) throws IOException {
        if (value != null) {
            text(out, value);
        }
    }

    /** The value and its key ({@link Normalize#text}), each followed by a comma; nothing for {@code null}. */
    static void textAndKey(Writer out, String value) throws IOException {
        if (value != null) {
            text(out, value);
            out.write(',');
            text(out, Normalize.text(value));
        } else {
            out.write(',');
        }
        out.write(',');
    }

    private LoadLine() {
    }
}
