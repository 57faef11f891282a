package io.switchboard.core.csv;

import java.util.List;

/**
 * One CSV record: the line it starts on, its fields, or the reason it could not be read. A record with an
 * error has no fields.
 */
public record CsvRecord(long line, List<String> fields, String error) {

    public boolean isValid() {
        return error == null;
    }

    /** The field at {@code index}, or the empty string when the record is shorter. */
    public String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }
}
