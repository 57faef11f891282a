package io.switchboard.classifier.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;

import io.switchboard.classifier.LabeledText;
import io.switchboard.cli.CommandException;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;

/** Labelled texts from an RFC 4180 CSV file with a header row; every problem names the file and line. */
final class LabeledCsv {

    private LabeledCsv() {
    }

    static List<LabeledText> read(Path file, String textColumn, String labelColumn) throws CommandException {
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CsvReader csv = new CsvReader(reader)) {
            CsvRecord header = csv.next();
            if (header == null) {
                throw new CommandException(NLS.bind(Messages.Csv_empty, name));
            }
            if (!header.isValid()) {
                throw new CommandException(NLS.bind(Messages.Csv_badRecord, new Object[] { name, header.line(),
                        header.error() }));
            }
            List<String> columns = header.fields().stream().map(LabeledCsv::stripBom).map(String::trim).toList();
            int text = column(columns, textColumn, name);
            int label = column(columns, labelColumn, name);
            List<LabeledText> data = new ArrayList<>();
            CsvRecord record;
            while ((record = csv.next()) != null) {
                if (!record.isValid()) {
                    throw new CommandException(NLS.bind(Messages.Csv_badRecord, new Object[] { name, record.line(),
                            record.error() }));
                }
                data.add(new LabeledText(record.field(text), record.field(label).trim(), name + ":" + record.line()));
            }
            if (data.isEmpty()) {
                throw new CommandException(NLS.bind(Messages.Csv_noRows, name));
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new CommandException(NLS.bind(Messages.Csv_noFile, name), e);
        } catch (CharacterCodingException e) {
            throw new CommandException(NLS.bind(Messages.Csv_notUtf8, name), e);
        } catch (IOException e) {
            throw new CommandException(NLS.bind(Messages.Csv_cannotRead, name, e.getMessage()), e);
        }
    }

    private static int column(List<String> columns, String wanted, String file) throws CommandException {
        int index = columns.indexOf(wanted);
        if (index < 0) {
            throw new CommandException(NLS.bind(Messages.Csv_noColumn, new Object[] { file, wanted,
                    String.join(", ", columns) }));
        }
        return index;
    }

    private static String stripBom(String field) {
        return field.startsWith("\uFEFF") ? field.substring(1) : field;
    }
}
