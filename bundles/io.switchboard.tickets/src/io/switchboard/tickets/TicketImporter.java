package io.switchboard.tickets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.LineRange;

/**
 * Creates tickets from a UTF-8 CSV file with a header row, each through {@link TicketRepository#createOnce} (so
 * validated, classified and in the customer's timeline like every other new ticket). Columns are found by name in
 * any order: {@code subject}, {@code body} and {@code email} (of a stored customer) must be there; {@code
 * reference}, {@code type}, {@code priority}, {@code category}, {@code status}, {@code assignee}, {@code channel}
 * and {@code tags} (separated by {@code ;}) may be. A bad row is rejected and never touches the others.
 *
 * <p>Importing again is safe: a row with a {@code reference} is imported once whichever file it comes in, and a
 * row without one is recognised by the rows up to and including it, so the same file again, the rest of an
 * interrupted import or a file with rows appended creates only the tickets not stored yet.
 */
public interface TicketImporter {

    /** A row that was not imported and why: {@code line} is where its record starts. */
    record Reject(long line, String reason) {
    }

    /**
     * What an import did.
     *
     * @param skipped  rejected rows and rows imported before
     * @param rejects  the rejected rows, in file order
     * @param already  the lines of the rows imported before, in file order
     * @param warnings about the file as a whole (columns that are not used)
     */
    record Result(long imported, long skipped, List<Reject> rejects, List<LineRange> already, List<String> warnings) {
    }

    /**
     * @throws IOException naming the file when it cannot be imported at all (missing, unreadable, not UTF-8, no
     *                     header, a required column missing); nothing is written then
     */
    Result importCsv(Path file, Progress progress) throws IOException;
}
