package io.switchboard.customers.services.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.DataFolderException;
import io.switchboard.core.Progress;
import io.switchboard.core.SwitchboardTopics;
import io.switchboard.core.csv.CsvFile;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;
import io.switchboard.customers.ContactKind;
import io.switchboard.core.csv.LineRange;
import io.switchboard.core.csv.RowDigest;
import io.switchboard.customers.CustomerImporter.ImportResult;
import io.switchboard.customers.CustomerImporter.RejectListener;
import io.switchboard.customers.services.internal.Normalize.Limits;
import io.switchboard.store.Database;
import io.switchboard.store.DiskFull;

/**
 * The CSV import, built for files of millions of rows: rows are validated in Java, matched against stored
 * e-mail addresses with one indexed IN lookup per few hundred rows, and written with JDBC batches, a few
 * thousand rows per transaction. Each transaction also records the file (by SHA-256), the last line it covers and
 * the digest of the records up to it ({@link RowDigest}, as the ticket import keys its rows), so a killed import
 * leaves whole rows only, and a later import of the same file, or of a file that begins with the same rows,
 * skips the rows stored before and reports them as already imported.
 *
 * <p>Plain Java without OSGi, so that a test can run it in a separate JVM and kill it.
 */
public final class CsvImport {

    public static final int DEFAULT_BATCH_SIZE = 5000;
    /** Longer fields are rejected by the reader; the longest column we store holds 1,000 characters. */
    static final int MAX_FIELD_LENGTH = 100_000;

    /** The columns an export writes first; an import knows them, and more, by other names too ({@link ImportColumns}). */
    static final List<String> STANDARD_COLUMNS = List.of("name", "email", "phone", "country", "city", "company");

    /**
     * Files of at least this many lines go into an empty store in bulk ({@link BulkLoad}); smaller files, and every
     * file into a store that has customers, go in batches.
     */
    public static final long DEFAULT_BULK_LINES = 50_000;
    /** The status of an import whose bulk load began: its tables may be partly loaded. */
    static final String BULK = "BULK";

    /**
     * Forgets which rows earlier imports stored, when an agent deletes a customer: the deleted customer may have
     * come from any of them, and importing that file again must bring the customer back, not skip the row as
     * already imported. Rows that match by e-mail or phone still update instead of adding a customer twice. An
     * import killed while loading in bulk keeps its record: the next run must finish that load.
     */
    static void forgetImportedRows(Connection connection) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(
                "DELETE FROM import_progress WHERE status <> '" + BULK + "'")) {
            forget.executeUpdate();
        }
    }

    private final CustomerStore store;
    private final int batchSize;
    private final long bulkLines;

    public CsvImport(CustomerStore store, int batchSize) {
        this(store, batchSize, DEFAULT_BULK_LINES);
    }

    /** {@code bulkLines}: the fewest lines a file needs to be loaded in bulk into an empty store. */
    public CsvImport(CustomerStore store, int batchSize, long bulkLines) {
        this.store = store;
        this.batchSize = batchSize;
        this.bulkLines = bulkLines;
    }

    public ImportResult importCsv(Path file, boolean dryRun, RejectListener rejects, Progress progress)
            throws IOException {
        RejectListener listener = rejects != null ? rejects : (line, reason) -> {
        };
        Progress monitor = progress != null ? progress : Progress.NONE;
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw CsvFile.cannotRead(file, e);
        }
        CsvFile.Check check = CsvFile.check(file);
        monitor.begin(NLS.bind(Messages.Import_task, file.getFileName()), size);
        Run run = new Run(file, check.sha256(), dryRun, listener);
        try {
            return importRows(file, size, run, check, monitor);
        } catch (RuntimeException e) {
            if (!dryRun && (DiskFull.causedBy(e) || DiskFull.at(store.database().location()))) {
                throw run.diskFull(e);
            }
            throw e;
        }
    }

    private ImportResult importRows(Path file, long size, Run run, CsvFile.Check check, Progress monitor)
            throws IOException {
        boolean dryRun = run.dryRun;
        run.recognise();
        BulkLoad bulk = null;
        if (run.bulkInterrupted) {
            bulk = BulkLoad.resume(store, check.lines());
        }
        if (bulk == null && !dryRun && run.resumeAfter == 0 && check.lines() >= bulkLines && store.isEmpty()) {
            bulk = BulkLoad.start(store, check.lines());
        }
        if (bulk != null) {
            try {
                return importInBulk(file, size, run, bulk, monitor);
            } finally {
                bulk.close();
            }
        }
        if (!dryRun) {
            store.importBegins();
        }
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
                CsvReader reader = new CsvReader(new InputStreamReader(counting, CsvFile.strictUtf8()), MAX_FIELD_LENGTH)) {
            Columns columns = header(file, reader, run);
            List<Row> batch = new ArrayList<>(batchSize);
            CsvRecord record;
            while ((record = reader.next()) != null) {
                run.digest(record);
                if (record.line() <= run.resumeAfter) {
                    // Stored before; checked again only to report the rows that were rejected then, as before.
                    run.importedBefore(record.line(), columns.row(record, run) != null);
                    continue;
                }
                run.lastLine = record.line();
                Row row = columns.row(record, run);
                if (row != null) {
                    batch.add(row);
                }
                if (batch.size() >= batchSize) {
                    run.flush(batch, false);
                    batch.clear();
                    monitor.worked(counting.count);
                    if (monitor.isCanceled()) {
                        return run.result();
                    }
                }
            }
            run.flush(batch, true);
            monitor.worked(size);
        } catch (CharacterCodingException e) {
            throw CsvFile.notUtf8(file, run.lastLine + 1, e);
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
        if (!dryRun) {
            // The index syncs to disk every few batches; the end of the import is the last of them.
            store.importedBatch(0, 0, List.of(), true);
        }
        if (!dryRun && run.written > 0) {
            store.events().post(SwitchboardTopics.CUSTOMER_UPDATED, null);
        }
        return run.result();
    }

    /**
     * The whole file into an empty store: rows are checked and streamed to Derby's bulk load of each table, and to
     * the text index, each in a thread of its own; at the end of the file Derby commits each table and builds its
     * indexes once. A second row with an e-mail already seen is kept aside and applied afterwards, in the
     * transaction that marks the import done, as in a batched import. Killed while parsing, nothing is stored;
     * killed during the loads, the import is marked {@value #BULK} and the same file imported again parses it
     * again (giving the same ids) and loads just the tables that are still empty. A cancelled import stores
     * nothing.
     */
    private ImportResult importInBulk(Path file, long size, Run run, BulkLoad bulk, Progress monitor)
            throws IOException {
        List<Row> repeated = new ArrayList<>();
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
                CsvReader reader = new CsvReader(new InputStreamReader(counting, CsvFile.strictUtf8()), MAX_FIELD_LENGTH)) {
            Columns columns = header(file, reader, run);
            CsvRecord record;
            long rows = 0;
            while ((record = reader.next()) != null) {
                run.digest(record);
                run.lastLine = record.line();
                Row row = columns.row(record, run);
                if (row == null) {
                    continue;
                }
                if (bulk.add(row)) {
                    run.imported++;
                } else {
                    repeated.add(row);
                }
                if ((++rows & 8191) == 0) {
                    monitor.worked(counting.count);
                    if (monitor.isCanceled()) {
                        bulk.abort();
                        return new ImportResult(0, 0, 0, run.rejected);
                    }
                }
            }
        } catch (CharacterCodingException e) {
            bulk.abort();
            throw CsvFile.notUtf8(file, run.lastLine + 1, e);
        } catch (IOException | RuntimeException e) {
            bulk.abort();
            throw e;
        }
        Written written = null;
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            try {
                // Each table is committed once its rows end; this mark lets an import killed after that resume.
                run.recordProgress(connection, BULK, Timestamp.from(Instant.now()));
                connection.commit();
                monitor.worked(size);
                // The file is read; each table Derby has loaded (and committed) is reported as more of the same.
                bulk.load(() -> monitor.worked(size));
                for (List<Row> chunk : Batches.chunks(repeated, batchSize)) {
                    // The text index takes the loaded customers only when the load is done: match in the database.
                    Written more = run.apply(connection, chunk, false);
                    written = written == null ? more : written.and(more);
                }
                run.recordProgress(connection, true, Timestamp.from(Instant.now()));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                Database.rollback(connection, e);
                bulk.abort();
                throw e;
            }
        } catch (SQLException e) {
            throw CustomerStore.failure(e);
        }
        run.written += bulk.loaded();
        bulk.finish();
        if (written != null) {
            store.importedBatch(written.firstNew(), written.newCount(), written.changed(), false);
        }
        store.importedBatch(0, 0, List.of(), true);
        monitor.worked(size);
        if (run.written > 0) {
            store.events().post(SwitchboardTopics.CUSTOMER_UPDATED, null);
        }
        return run.result();
    }

    private static Columns header(Path file, CsvReader reader, Run run) throws IOException {
        CsvRecord header = reader.next();
        if (header == null) {
            throw new IOException(NLS.bind(Messages.Import_noHeader, file));
        }
        if (!header.isValid()) {
            throw new IOException(NLS.bind(Messages.Import_badHeader, file, header.error()));
        }
        run.rows.add(header);
        Columns columns = Columns.of(file, header);
        // Once per import, before any row: a misspelt standard column is noticed before it fills custom fields.
        columns.customNames().forEach(run.rejects::keptAsCustomField);
        return columns;
    }

    /** One valid data row, trimmed; empty strings for empty cells. */
    record Row(long line, String name, String email, String phone, String country, String city, String company,
            String language, Map<String, String> fields) {

        String emailKey() {
            return email.isEmpty() ? null : Normalize.email(email);
        }

        String phoneKey() {
            return phone.isEmpty() ? null : Normalize.phone(phone);
        }

        /** What the customer's row stores of this row ({@link CustomerRows}). */
        CustomerRows.Values values() {
            return new CustomerRows.Values(name, company, country, city, language, fields);
        }
    }

    /**
     * Where each column is; columns that are none of {@link ImportColumns} become custom fields named by their
     * header.
     */
    private record Columns(int size, int[] standard, List<Integer> customIndexes, List<String> customNames) {

        /** Refuses a header that names a column twice (by {@link ImportColumns#key}): one of them would be lost. */
        static Columns of(Path file, CsvRecord header) throws IOException {
            int[] standard = new int[ImportColumns.values().length];
            Arrays.fill(standard, -1);
            List<Integer> customIndexes = new ArrayList<>();
            List<String> customNames = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                String name = header.fields().get(i).strip();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1).strip();
                }
                if (name.isEmpty()) {
                    continue;
                }
                ImportColumns column = ImportColumns.of(name);
                String key = column != null ? column.name() : "field " + ImportColumns.key(name);
                String earlier = seen.putIfAbsent(key, name);
                if (earlier != null) {
                    throw new IOException(NLS.bind(Messages.Import_repeatedColumn,
                            new Object[] { file, header.line(), name, earlier }));
                }
                if (column != null) {
                    standard[column.ordinal()] = i;
                } else if (name.length() > Limits.FIELD_NAME) {
                    // Refused rather than dropped: the column's data would be lost without a word.
                    throw new IOException(NLS.bind(Messages.Import_badHeader, file,
                            NLS.bind(Messages.Import_tooLong, "column " + (i + 1), Limits.FIELD_NAME)));
                } else {
                    customIndexes.add(i);
                    customNames.add(name);
                }
            }
            if (standard[ImportColumns.NAME.ordinal()] < 0) {
                throw new IOException(NLS.bind(Messages.Import_noNameColumn, file));
            }
            return new Columns(header.fields().size(), standard, customIndexes, customNames);
        }

        /** The row, or {@code null} after reporting why it is rejected. */
        Row row(CsvRecord record, Run run) {
            if (!record.isValid()) {
                return run.reject(record.line(), NLS.bind(Messages.Import_badRecord, record.error()));
            }
            if (record.fields().size() != size) {
                return run.reject(record.line(),
                        NLS.bind(Messages.Import_wrongFieldCount, size, record.fields().size()));
            }
            String name = value(record, ImportColumns.NAME);
            String email = value(record, ImportColumns.EMAIL);
            String phone = value(record, ImportColumns.PHONE);
            String country = value(record, ImportColumns.COUNTRY);
            String city = value(record, ImportColumns.CITY);
            String company = value(record, ImportColumns.COMPANY);
            String language = value(record, ImportColumns.LANGUAGE);
            if (name.isEmpty()) {
                return run.reject(record.line(), Messages.Import_missingName);
            }
            if (!email.isEmpty() && !Normalize.isEmail(email)) {
                return run.reject(record.line(), NLS.bind(Messages.Import_invalidEmail, email));
            }
            if (!phone.isEmpty() && !Normalize.isPhone(phone)) {
                return run.reject(record.line(), NLS.bind(Messages.Import_invalidPhone, phone));
            }
            String tooLong = tooLong("name", name, Limits.NAME);
            tooLong = tooLong != null ? tooLong : tooLong("country", country, Limits.COUNTRY);
            tooLong = tooLong != null ? tooLong : tooLong("city", city, Limits.CITY);
            tooLong = tooLong != null ? tooLong : tooLong("company", company, Limits.COMPANY);
            tooLong = tooLong != null ? tooLong : tooLong("language", language, Limits.LANGUAGE);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < customIndexes.size() && tooLong == null; i++) {
                String value = record.field(customIndexes.get(i)).strip();
                tooLong = tooLong(customNames.get(i), value, Limits.FIELD_VALUE);
                if (!value.isEmpty()) {
                    fields.put(customNames.get(i), value);
                }
            }
            if (tooLong == null && !CustomFieldColumns.fits(fields)) {
                tooLong = NLS.bind(Messages.Import_tooLong, "custom fields", CustomFieldColumns.MAX_LENGTH);
            }
            if (tooLong != null) {
                return run.reject(record.line(), tooLong);
            }
            return new Row(record.line(), name, email, phone, country, city, company, language, fields);
        }

        private String value(CsvRecord record, ImportColumns column) {
            int index = standard[column.ordinal()];
            return index < 0 ? "" : record.field(index).strip();
        }

        private static String tooLong(String column, String value, int limit) {
            return value.length() > limit ? NLS.bind(Messages.Import_tooLong, column, limit) : null;
        }
    }

    /** A customer as stored, as far as an import row can change it. */
    private static final class Snapshot {
        String name;
        String company;
        String country;
        String city;
        String language;
        final Set<String> phoneKeys = new HashSet<>();
        /** As stored: names as spelt, in their order. */
        final Map<String, String> fields = new LinkedHashMap<>();
        /** The spelling stored for each name's key. */
        final Map<String, String> fieldNames = new HashMap<>();

        void putField(String name, String value) {
            String stored = fieldNames.putIfAbsent(Normalize.text(name), name);
            fields.put(stored != null ? stored : name, value);
        }

        /** Whether the row's fields, added to these, still fit the customer's row. */
        boolean fits(Row row) {
            if (row.fields().isEmpty()) {
                return true;
            }
            Snapshot merged = new Snapshot();
            fields.forEach(merged::putField);
            row.fields().forEach(merged::putField);
            return CustomFieldColumns.fits(merged.fields);
        }
        /** The place after the customer's last contact point (its key with the customer's id is unique). */
        int nextPlace;
        boolean hasPhone;
    }

    /** The state of one import: counts, the line reached, and (dry runs only) e-mails that would be added. */
    private final class Run {
        final Path file;
        final String hash;
        final boolean dryRun;
        final RejectListener rejects;
        long resumeAfter;
        /** The file's earlier import stopped during a bulk load. */
        boolean bulkInterrupted;
        long lastLine;
        long imported;
        long updated;
        long skipped;
        long rejected;
        long written;
        final Set<String> dryRunEmails = new HashSet<>();
        /** Phones of the rows a dry run would add, so that a later row without e-mail counts as an update. */
        final Set<String> dryRunPhones = new HashSet<>();
        /** The file's records so far, header first; stored with the progress, to recognise them in a later run. */
        final RowDigest rows = new RowDigest();
        /** The digest after the first data row: which earlier imports may have begun with the same rows. */
        String head;
        final LineRange.Builder already = new LineRange.Builder();
        private boolean previousAlready;

        Run(Path file, String hash, boolean dryRun, RejectListener rejects) {
            this.file = file;
            this.hash = hash;
            this.dryRun = dryRun;
            this.rejects = rejects;
        }

        /** What the store holds of the file for sure: the rows up to the last committed line. */
        long committedLine;
        long committedRows;

        /**
         * This run's rows: those an earlier run stored are recognised and count as skipped, so that imported +
         * updated + skipped + rejected is still every data row of the file, and "imported" is what is new.
         */
        ImportResult result() {
            return new ImportResult(imported, updated, skipped, rejected, already.build());
        }

        /** After a commit: the rows read so far are stored. */
        void committed() {
            committedLine = lastLine;
            committedRows = imported + updated + skipped;
        }

        /** The one line a full disk gets: what is stored for sure, and what to do. */
        DataFolderException diskFull(RuntimeException e) {
            return new DataFolderException(committedLine == 0
                    ? NLS.bind(Messages.Import_diskFullNothing, store.database().location())
                    : NLS.bind(Messages.Import_diskFull, new Object[] { store.database().location(),
                            Long.toString(committedRows), Long.toString(committedLine) }), e);
        }

        Row reject(long line, String reason) {
            rejected++;
            rejects.rejected(line, reason);
            return null;
        }

        /** Adds a record (after the header) to the digest of the file's rows. */
        void digest(CsvRecord record) {
            rows.add(record);
            if (head == null) {
                head = rows.hex();
            }
        }

        /** A row an earlier import read: skipped and reported once with the others, unless it is rejected again. */
        void importedBefore(long line, boolean valid) {
            if (valid) {
                skipped++;
                already.add(line, previousAlready);
            }
            previousAlready = valid;
        }

        /**
         * Finds the rows of this file that earlier imports stored, as the ticket import recognises its rows: the same
         * file (finished, or interrupted: its recorded last line), or an earlier file whose rows this one begins
         * with (the digest of the rows up to the earlier import's last line is the same). Those rows are skipped,
         * so importing the same rows again never adds a customer twice; into a store without customers nothing is
         * skipped. An import killed while loading in bulk is loaded again instead (its tables may be partly loaded).
         */
        void recognise() throws IOException {
            Map<Long, Set<String>> earlier = new HashMap<>();
            Set<String> heads = new HashSet<>();
            try (Connection connection = store.connect();
                    PreparedStatement select = connection.prepareStatement("SELECT file_hash, last_line, status,"
                            + " head_digest, rows_digest FROM import_progress")) {
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long line = row.getLong(2);
                        String status = row.getString(3);
                        if (hash.equals(row.getString(1))) {
                            if (!BULK.equals(status)) {
                                resumeAfter = Math.max(resumeAfter, line);
                            } else if (!dryRun) {
                                // Killed while the database loaded tables in bulk: load what is missing.
                                bulkInterrupted = true;
                            }
                        } else if (!BULK.equals(status) && row.getString(4) != null && row.getString(5) != null) {
                            heads.add(row.getString(4));
                            earlier.computeIfAbsent(line, k -> new HashSet<>()).add(row.getString(5));
                        }
                    }
                }
            } catch (SQLException e) {
                throw CustomerStore.failure(e);
            }
            if (bulkInterrupted) {
                return;
            }
            if (store.isEmpty()) {
                // What earlier imports stored is gone (the customers were deleted): nothing is skipped.
                resumeAfter = 0;
                return;
            }
            if (!earlier.isEmpty()) {
                resumeAfter = Math.max(resumeAfter, longestImportedBeginning(heads, earlier));
            }
            lastLine = resumeAfter;
        }

        /**
         * The last line of the longest beginning of the file that an earlier import stored, {@code 0} if none: the
         * file is read up to the last line an earlier import with the same first row reached.
         */
        private long longestImportedBeginning(Set<String> heads, Map<Long, Set<String>> earlier) throws IOException {
            long found = 0;
            long line = 0;
            try (CsvReader reader = CsvFile.open(file, MAX_FIELD_LENGTH)) {
                RowDigest digest = new RowDigest();
                CsvRecord record = reader.next();
                if (record == null) {
                    return 0;
                }
                digest.add(record);
                long until = 0;
                for (CsvRecord next = reader.next(); next != null; next = reader.next()) {
                    line = next.line();
                    digest.add(next);
                    if (until == 0) {
                        if (!heads.contains(digest.hex())) {
                            return 0;
                        }
                        until = earlier.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
                    }
                    Set<String> stored = earlier.get(line);
                    if (stored != null && stored.contains(digest.hex())) {
                        found = line;
                    }
                    if (line >= until) {
                        break;
                    }
                }
            } catch (CharacterCodingException e) {
                throw CsvFile.notUtf8(file, line + 1, e);
            }
            return found;
        }

        /** One batch in one transaction, which also records the progress; then the index follows. */
        void flush(List<Row> batch, boolean done) throws SQLException {
            Written written;
            try (Connection connection = store.connect()) {
                connection.setAutoCommit(false);
                try {
                    written = apply(connection, batch, true);
                    if (written != null) {
                        recordProgress(connection, done, Timestamp.from(Instant.now()));
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    Database.rollback(connection, e);
                    throw e;
                }
            }
            committed();
            if (written != null) {
                store.importedBatch(written.firstNew(), written.newCount(), written.changed(), false);
            }
        }

        /**
         * Matches the batch's rows with stored customers and (unless this is a dry run, which returns
         * {@code null}) writes them in the connection's transaction, without committing.
         */
        Written apply(Connection connection, List<Row> batch, boolean viaIndex) throws SQLException {
            List<Row> inserts = new ArrayList<>();
            // The place in inserts of the new customer with each e-mail key, and with each phone key.
            Map<String, Integer> newByEmail = new HashMap<>();
            Map<String, Integer> newByPhone = new HashMap<>();
            Map<Long, List<Row>> updates = new LinkedHashMap<>();
            Map<String, Long> existing = lookupEmails(connection, batch, viaIndex);
            Map<String, Long> existingPhones = lookupPhones(connection, batch, viaIndex);
            for (Row row : batch) {
                // A row with an e-mail address is that address's customer; one without is the customer with its
                // phone, so that importing the same rows again never adds anybody.
                String key = row.emailKey();
                String phoneKey = key == null ? row.phoneKey() : null;
                Long id = key != null ? existing.get(key) : phoneKey != null ? existingPhones.get(phoneKey) : null;
                if (id != null) {
                    updates.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
                    continue;
                }
                Integer pending = key != null ? newByEmail.get(key) : phoneKey != null ? newByPhone.get(phoneKey) : null;
                if (pending != null) {
                    // The same person twice in one batch: the later row completes the first.
                    Row merged = absorb(inserts.get(pending), row);
                    if (!CustomFieldColumns.fits(merged.fields())) {
                        reject(row.line(), tooManyFields());
                        continue;
                    }
                    inserts.set(pending, merged);
                    if (merged.phoneKey() != null) {
                        newByPhone.putIfAbsent(merged.phoneKey(), pending);
                    }
                    updated++;
                    continue;
                }
                if (dryRun && key != null && !dryRunEmails.add(key)
                        || dryRun && phoneKey != null && !dryRunPhones.add(phoneKey)) {
                    updated++;
                    continue;
                }
                if (key != null) {
                    newByEmail.put(key, inserts.size());
                }
                if (row.phoneKey() != null) {
                    newByPhone.putIfAbsent(row.phoneKey(), inserts.size());
                    if (dryRun) {
                        dryRunPhones.add(row.phoneKey());
                    }
                }
                inserts.add(row);
                imported++;
            }
            Map<Long, Snapshot> snapshots = snapshots(connection, updates.keySet());
            Writes writes = new Writes();
            for (Map.Entry<Long, List<Row>> update : updates.entrySet()) {
                Snapshot snapshot = snapshots.get(update.getKey());
                for (Row row : update.getValue()) {
                    if (!snapshot.fits(row)) {
                        reject(row.line(), tooManyFields());
                    } else if (apply(update.getKey(), snapshot, row, writes)) {
                        updated++;
                    } else {
                        skipped++;
                    }
                }
            }
            if (dryRun) {
                return null;
            }
            Written result = write(connection, inserts, snapshots, writes);
            written += inserts.size() + writes.touched.size();
            return result;
        }

        private static String tooManyFields() {
            return NLS.bind(Messages.Import_tooLong, "custom fields", CustomFieldColumns.MAX_LENGTH);
        }

        private Row absorb(Row first, Row later) {
            Map<String, String> fields = new LinkedHashMap<>(first.fields());
            fields.putAll(later.fields());
            return new Row(first.line(), later.name(), pick(first.email(), later.email()),
                    pick(later.phone(), first.phone()), pick(later.country(), first.country()),
                    pick(later.city(), first.city()), pick(later.company(), first.company()),
                    pick(later.language(), first.language()), fields);
        }

        private String pick(String preferred, String fallback) {
            return preferred.isEmpty() ? fallback : preferred;
        }

        /** Applies a row to a stored customer; empty cells keep what is stored. True if anything changed. */
        private boolean apply(long id, Snapshot snapshot, Row row, Writes writes) {
            boolean changed = false;
            if (!row.name().equals(snapshot.name)) {
                snapshot.name = row.name();
                changed = true;
            }
            if (!row.company().isEmpty() && !row.company().equals(snapshot.company)) {
                snapshot.company = row.company();
                changed = true;
            }
            if (!row.country().isEmpty() && !row.country().equals(snapshot.country)) {
                snapshot.country = row.country();
                changed = true;
            }
            if (!row.city().isEmpty() && !row.city().equals(snapshot.city)) {
                snapshot.city = row.city();
                changed = true;
            }
            if (!row.language().isEmpty() && !row.language().equals(snapshot.language)) {
                snapshot.language = row.language();
                changed = true;
            }
            String phoneKey = row.phoneKey();
            if (phoneKey != null && snapshot.phoneKeys.add(phoneKey)) {
                writes.phones.add(new Object[] { id, snapshot.nextPlace++, row.phone(), phoneKey, !snapshot.hasPhone });
                snapshot.hasPhone = true;
                changed = true;
            }
            for (Map.Entry<String, String> field : row.fields().entrySet()) {
                String name = snapshot.fieldNames.get(Normalize.text(field.getKey()));
                if (name == null || !field.getValue().equals(snapshot.fields.get(name))) {
                    snapshot.putField(field.getKey(), field.getValue());
                    changed = true;
                }
            }
            if (changed) {
                writes.touched.add(id);
            }
            return changed;
        }

        private Written write(Connection connection, List<Row> inserts, Map<Long, Snapshot> snapshots, Writes writes)
                throws SQLException {
            int points = writes.phones.size();
            for (Row row : inserts) {
                points += (row.email().isEmpty() ? 0 : 1) + (row.phone().isEmpty() ? 0 : 1);
            }
            long nextCustomer = inserts.isEmpty() ? 0
                    : store.database().allocateIds(CustomerStore.SEQ_CUSTOMERS, inserts.size());
            long firstCustomer = nextCustomer;
            long nextPoint = points == 0 ? 0 : store.database().allocateIds(CustomerStore.SEQ_CONTACT_POINTS, points);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement customers = connection.prepareStatement(CustomerRows.INSERT);
                    PreparedStatement contacts = connection.prepareStatement(ContactPointRows.INSERT)) {
                for (Row row : inserts) {
                    long id = nextCustomer++;
                    CustomerRows.bindInsert(customers, id, row.values(), now);
                    customers.addBatch();
                    int order = 0;
                    if (!row.email().isEmpty()) {
                        ContactPointRows.addInsert(contacts, nextPoint++, id, order++, ContactKind.EMAIL, row.email(),
                                null, true);
                    }
                    if (!row.phone().isEmpty()) {
                        ContactPointRows.addInsert(contacts, nextPoint++, id, order, ContactKind.MOBILE, row.phone(),
                                null, true);
                    }
                }
                for (Object[] phone : writes.phones) {
                    ContactPointRows.addInsert(contacts, nextPoint++, (Long) phone[0], (Integer) phone[1],
                            ContactKind.MOBILE, (String) phone[2], null, (Boolean) phone[4]);
                }
                customers.executeBatch();
                contacts.executeBatch();
                updateCustomers(connection, snapshots, writes, now);
            }
            Set<Long> changed = new LinkedHashSet<>(writes.touched);
            writes.phones.forEach(phone -> changed.add((Long) phone[0]));
            return new Written(firstCustomer, inserts.size(), changed);
        }

        private void updateCustomers(Connection connection, Map<Long, Snapshot> snapshots, Writes writes,
                Timestamp now) throws SQLException {
            if (writes.touched.isEmpty()) {
                return;
            }
            // The rows were read in this transaction (snapshots): no version to check.
            try (PreparedStatement update = connection.prepareStatement(CustomerRows.UPDATE)) {
                for (Long id : writes.touched) {
                    Snapshot snapshot = snapshots.get(id);
                    CustomerRows.bindUpdate(update, id, new CustomerRows.Values(snapshot.name, snapshot.company,
                            snapshot.country, snapshot.city, snapshot.language, snapshot.fields), now);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }

        /** Same transaction as the rows: after a crash, the record and the data agree. */
        void recordProgress(Connection connection, boolean done, Timestamp now) throws SQLException {
            recordProgress(connection, done ? "DONE" : "RUNNING", now);
        }

        void recordProgress(Connection connection, String status, Timestamp now) throws SQLException {
            String digest = rows.hex();
            try (PreparedStatement update = connection.prepareStatement("UPDATE import_progress SET file_name = ?,"
                    + " last_line = ?, rows_imported = ?, rows_updated = ?, rows_skipped = ?, rows_rejected = ?,"
                    + " status = ?, updated_at = ?, head_digest = ?, rows_digest = ? WHERE file_hash = ?")) {
                update.setString(1, fileName());
                update.setLong(2, lastLine);
                update.setLong(3, imported);
                update.setLong(4, updated);
                update.setLong(5, skipped);
                update.setLong(6, rejected);
                update.setString(7, status);
                update.setTimestamp(8, now);
                update.setString(9, head);
                update.setString(10, digest);
                update.setString(11, hash);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_progress (file_hash,"
                    + " file_name, last_line, rows_imported, rows_updated, rows_skipped, rows_rejected, status,"
                    + " started_at, updated_at, head_digest, rows_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash);
                insert.setString(2, fileName());
                insert.setLong(3, lastLine);
                insert.setLong(4, imported);
                insert.setLong(5, updated);
                insert.setLong(6, skipped);
                insert.setLong(7, rejected);
                insert.setString(8, status);
                insert.setTimestamp(9, now);
                insert.setTimestamp(10, now);
                insert.setString(11, head);
                insert.setString(12, digest);
                insert.executeUpdate();
            }
        }

        private String fileName() {
            String name = file.toAbsolutePath().toString();
            return name.length() <= 1000 ? name : name.substring(name.length() - 1000);
        }
    }

    /** What a committed batch wrote: new customers with consecutive ids, and changed ones; the index follows. */
    private record Written(long firstNew, int newCount, Set<Long> changed) {

        /** Both, for writes in one transaction; the new customers of {@code more} join the changed ones. */
        Written and(Written more) {
            Set<Long> all = new LinkedHashSet<>(changed);
            all.addAll(more.changed());
            if (newCount == 0) {
                return new Written(more.firstNew(), more.newCount(), all);
            }
            for (long id = more.firstNew(); id < more.firstNew() + more.newCount(); id++) {
                all.add(id);
            }
            return new Written(firstNew, newCount, all);
        }
    }

    /** What a batch changes in customers that are already stored. */
    private static final class Writes {
        final Set<Long> touched = new LinkedHashSet<>();
        final List<Object[]> phones = new ArrayList<>();
    }

    /**
     * Stored customers by e-mail key, for the rows of a batch that have one; the oldest customer wins. Through the
     * text index when it is ready and {@code viaIndex}; else the database alone, which has no index on the keys
     * (each one would cost a bulk import a sort of every contact point) and so reads all contact points once.
     */
    private Map<String, Long> lookupEmails(Connection connection, List<Row> batch, boolean viaIndex)
            throws SQLException {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(
                batch.stream().map(Row::emailKey).filter(k -> k != null).toList()));
        Map<String, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        if (viaIndex) {
            Map<String, Long> indexed = store.customersByEmail(connection, keys);
            if (indexed != null) {
                return indexed;
            }
        }
        Set<String> wanted = new HashSet<>(keys);
        try (PreparedStatement select = connection
                .prepareStatement("SELECT contact_key, customer_id FROM contact_points WHERE kind = 'EMAIL'");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                if (wanted.contains(row.getString(1))) {
                    found.merge(row.getString(1), row.getLong(2), Math::min);
                }
            }
        }
        return found;
    }

    /**
     * Stored customers by phone key, for the rows of a batch that have a phone and no e-mail address; the oldest
     * customer wins. Like {@link #lookupEmails}: through the text index when it is ready and {@code viaIndex}, each
     * candidate confirmed by its rows in the database; else one read of the phone numbers in the database.
     */
    private Map<String, Long> lookupPhones(Connection connection, List<Row> batch, boolean viaIndex)
            throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        for (Row row : batch) {
            if (row.emailKey() == null && row.phoneKey() != null) {
                keys.add(row.phoneKey());
            }
        }
        Map<String, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        if (viaIndex) {
            Map<String, Long> indexed = store.customersByPhone(connection, keys);
            if (indexed != null) {
                return indexed;
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT contact_key, customer_id FROM contact_points"
                + " WHERE kind IN ('MOBILE', 'LANDLINE')");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                if (keys.contains(row.getString(1))) {
                    found.merge(row.getString(1), row.getLong(2), Math::min);
                }
            }
        }
        return found;
    }

    private static Map<Long, Snapshot> snapshots(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, Snapshot> snapshots = new HashMap<>();
        for (List<Long> chunk : Batches.chunks(new ArrayList<>(ids), Batches.IN_SIZE)) {
            String in = " IN (" + Batches.placeholders(chunk.size()) + ")";
            try (PreparedStatement select = connection
                    .prepareStatement("SELECT id, name, company, country, city, custom_fields, language FROM customers"
                            + " WHERE id" + in)) {
                setIds(select, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Snapshot snapshot = new Snapshot();
                        snapshot.name = row.getString(2);
                        snapshot.company = row.getString(3);
                        snapshot.country = row.getString(4);
                        snapshot.city = row.getString(5);
                        CustomFieldColumns.unpack(row.getString(6)).forEach(snapshot::putField);
                        snapshot.language = row.getString(7);
                        snapshots.put(row.getLong(1), snapshot);
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT customer_id, kind, contact_key, sort_order FROM contact_points WHERE customer_id" + in)) {
                setIds(select, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Snapshot snapshot = snapshots.get(row.getLong(1));
                        snapshot.nextPlace = Math.max(snapshot.nextPlace, row.getInt(4) + 1);
                        String kind = row.getString(2);
                        if (kind.equals("MOBILE") || kind.equals("LANDLINE")) {
                            snapshot.phoneKeys.add(row.getString(3));
                            snapshot.hasPhone = true;
                        }
                    }
                }
            }
        }
        return snapshots;
    }

    private static void setIds(PreparedStatement select, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            select.setLong(i + 1, ids.get(i));
        }
    }

    /** Bytes read so far, for progress in bytes of the file. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(new BufferedInputStream(in, 1 << 16));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
