package io.switchboard.customers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.LineRange;

/**
 * Imports customers from UTF-8 CSV with a header row. Columns are found by name (any order; case, spaces and
 * punctuation do not matter; common other spellings in English and Chinese too, such as {@code E-Mail},
 * {@code Mobile} or {@code 电话}): {@code name,email,phone,country,city,company,language}; every other column
 * becomes a custom field, and a column named twice refuses the file. A row whose e-mail matches a stored customer,
 * or that has no e-mail and a phone number a stored customer has, updates that customer instead of adding a
 * second one, so importing the same rows again adds nobody.
 *
 * <p>Rows are committed in batches, and the file's progress is recorded in the same transaction, so an import
 * that is killed leaves only whole rows behind. Importing again is safe: the rows a former import stored are
 * recognised (the same file, the rest of an interrupted import, the file with rows appended) and skipped, as the
 * ticket import does, so rows without an e-mail address are not added twice.
 */
public interface CustomerImporter {

    /** Receives each rejected row as it is found, e.g. to print {@code line K: reason}. */
    @FunctionalInterface
    interface RejectListener {
        void rejected(long line, String reason);

        /**
         * A column of the header that is none of the known ones (nor one of their other spellings): its values are
         * kept as custom fields named by the header. Told once per import, before the first row, so that a
         * misspelt standard column does not go unnoticed.
         */
        default void keptAsCustomField(String column) {
        }
    }

    /**
     * What an import did (or, dry, would do).
     *
     * @param skipped rows left as they were: unchanged, or imported before
     * @param already the lines of the rows skipped because this file's import (or an import of the same rows, in
     *                the same order, with fewer rows after them) stored them before
     */
    record ImportResult(long imported, long updated, long skipped, long rejected, List<LineRange> already) {

        public ImportResult {
            already = List.copyOf(already);
        }

        /** A result without rows imported before. */
        public ImportResult(long imported, long updated, long skipped, long rejected) {
            this(imported, updated, skipped, rejected, List.of());
        }
    }

    /**
     * @param dryRun   check and count every row, write nothing
     * @throws IOException when the file cannot be read at all (missing, unreadable, not UTF-8, no header, no
     *                     {@code name} column); the message is one line naming the file
     */
    ImportResult importCsv(Path file, boolean dryRun, RejectListener rejects, Progress progress) throws IOException;
}
