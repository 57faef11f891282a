package io.switchboard.chat.bot.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;

import io.switchboard.chat.LearnReport.Rejection;
import io.switchboard.chat.StatementPair;
import io.switchboard.core.Progress;
import io.switchboard.core.csv.CsvFile;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;

/**
 * Reads question/answer pairs from an RFC 4180 CSV file with a header naming the columns {@code question} and
 * {@code answer} (in any order, other columns ignored). The file is checked to be UTF-8 as a whole first
 * ({@link CsvFile#check}), so a file in another encoding teaches nothing rather than half of it.
 */
final class PairsReader {

    static final int MAX_FIELD_LENGTH = 1 << 20;

    /** How {@link CsvFile#check} names the line that is not UTF-8. */
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private PairsReader() {
    }

    static List<StatementPair> read(Path file, String name, List<Rejection> rejected, Progress progress) {
        List<StatementPair> pairs = new ArrayList<>();
        CsvFile.Check check;
        try {
            check = CsvFile.check(file);
        } catch (IOException e) {
            rejected.add(new Rejection(name, lineOf(e.getMessage()), CorpusReader.oneLine(CorpusReader.reason(e))));
            return pairs;
        }
        progress.begin(Messages.Learn_pairsTask, check.lines());
        try (CsvReader reader = CsvFile.open(file, MAX_FIELD_LENGTH)) {
            CsvRecord header = reader.next();
            if (header == null) {
                rejected.add(new Rejection(name, 1, NLS.bind(Messages.Pairs_badHeader, "")));
                return pairs;
            }
            List<String> columns = header.isValid() ? header.fields().stream()
                    .map(f -> f.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "")).toList() : List.of();
            int question = columns.indexOf("question");
            int answer = columns.indexOf("answer");
            if (question < 0 || answer < 0) {
                rejected.add(new Rejection(name, header.line(),
                        NLS.bind(Messages.Pairs_badHeader, header.isValid() ? String.join(",", header.fields()) : header.error())));
                return pairs;
            }
            long count = 0;
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                if (!record.isValid()) {
                    rejected.add(new Rejection(name, record.line(), NLS.bind(Messages.Pairs_badRecord, record.error())));
                    continue;
                }
                String q = record.field(question).strip();
                String a = record.field(answer).strip();
                if (q.isEmpty() || a.isEmpty()) {
                    if (record.fields().size() > 1 || !record.field(0).isBlank()) {
                        rejected.add(new Rejection(name, record.line(), Messages.Pairs_empty));
                    }
                    continue;
                }
                pairs.add(new StatementPair(q, a));
                if (++count % 1000 == 0) {
                    progress.worked(record.line());
                    if (progress.isCanceled()) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            rejected.add(new Rejection(name, 0, NLS.bind(Messages.Pairs_cannotRead, CorpusReader.reason(e))));
        }
        return pairs;
    }

    /** The line a {@link CsvFile#check} message names ("... line 7 ..."), or 0. */
    private static long lineOf(String message) {
        if (message == null) {
            return 0;
        }
        Matcher m = LINE.matcher(message);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
