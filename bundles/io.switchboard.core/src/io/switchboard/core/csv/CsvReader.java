package io.switchboard.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: fields separated by commas, quoted with double quotes (a quote
 * inside a quoted field is doubled), records ending in CRLF or LF, line breaks allowed inside quoted fields.
 *
 * <p>Bad input never stops the file: a malformed record is returned as a {@link CsvRecord} with an error (the
 * reader then resumes at the next line), so an import can report {@code line K: reason} and carry on. A field
 * longer than the limit is reported the same way instead of filling the heap.
 */
public final class CsvReader implements Closeable {

    /** Fields longer than this (in characters) are rejected unless another limit is given. */
    public static final int DEFAULT_MAX_FIELD_LENGTH = 1 << 20;

    private final Reader in;
    private final int maxFieldLength;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long charsRead;
    private boolean eof;

    public CsvReader(Reader in) {
        this(in, DEFAULT_MAX_FIELD_LENGTH);
    }

    public CsvReader(Reader in, int maxFieldLength) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
    }

    /** Characters consumed so far, for progress reporting. */
    public long charsRead() {
        return charsRead;
    }

    /**
     * The next record, or {@code null} at the end of the input. Blank lines are skipped.
     *
     * @throws IOException only when the underlying reader fails (including undecodable bytes)
     */
    public CsvRecord next() throws IOException {
        while (true) {
            if (peek() < 0) {
                return null;
            }
            long startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String error = null;
            boolean quoted = false;
            boolean afterQuote = false;
            boolean anything = false;
            while (true) {
                int c = read();
                if (c < 0) {
                    if (quoted) {
                        error = "unterminated quoted field (opened on line " + startLine + ")";
                    }
                    break;
                }
                anything = true;
                if (quoted) {
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            append(field, '"');
                        } else {
                            quoted = false;
                            afterQuote = true;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(field, (char) c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' && peek() == '\n') {
                    continue;
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c == '"' && field.length() == 0 && !afterQuote) {
                    quoted = true;
                } else if (afterQuote || c == '"') {
                    error = afterQuote ? "text after a closing quote in field " + (fields.size() + 1)
                            : "stray quote in unquoted field " + (fields.size() + 1);
                    skipRestOfLine();
                    break;
                } else {
                    append(field, (char) c);
                }
                if (field.length() > maxFieldLength) {
                    error = "field " + (fields.size() + 1) + " is longer than " + maxFieldLength + " characters";
                    if (quoted) {
                        skipQuotedField();
                    }
                    skipRestOfLine();
                    break;
                }
            }
            if (error != null) {
                return new CsvRecord(startLine, List.of(), error);
            }
            fields.add(field.toString());
            if (anything && !(fields.size() == 1 && fields.get(0).isEmpty())) {
                return new CsvRecord(startLine, fields, null);
            }
            // a blank line: read on
        }
    }

    private static void append(StringBuilder field, char c) {
        field.append(c);
    }

    private void skipQuotedField() throws IOException {
        int c;
        while ((c = read()) >= 0) {
            if (c == '\n') {
                line++;
            } else if (c == '"') {
                if (peek() == '"') {
                    read();
                } else {
                    return;
                }
            }
        }
    }

    private void skipRestOfLine() throws IOException {
        int c;
        while ((c = read()) >= 0) {
            if (c == '\n') {
                line++;
                return;
            }
        }
    }

    private int peek() throws IOException {
        if (position >= limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        if (position >= limit && !fill()) {
            return -1;
        }
        charsRead++;
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
