package io.switchboard.tickets.services.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.CsvFile;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;
import io.switchboard.core.csv.LineRange;
import io.switchboard.core.csv.RowDigest;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketImporter.Reject;
import io.switchboard.tickets.TicketImporter.Result;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketType;

/**
 * Tickets from a UTF-8 CSV file with a header row. Columns are found by name in any order: {@code subject},
 * {@code body} and {@code email} must be there; {@code type}, {@code priority}, {@code category}, {@code status},
 * {@code assignee}, {@code channel} and {@code tags} (separated by {@code ;}) may be. The customer is found by
 * e-mail address. Each row is one ticket created through the repository (validated, classified, in the timeline),
 * so a bad row is reported and skipped and never touches the others.
 *
 * <p>Importing is idempotent: every ticket is stored under an import key in its own transaction. A row with a
 * {@code reference} (an external id) is keyed by it, so a second row or file with the same reference is not
 * imported again. Any other row is keyed by the SHA-256 of the file's header and rows up to and including it, so
 * the same file again, the file after a killed import, or the file with rows appended imports only the rows not
 * stored yet; rows already stored are counted as skipped and reported as one "already imported" note.
 */
final class TicketCsvImport {

    static final List<String> REQUIRED = List.of("subject", "body", "email");
    static final List<String> OPTIONAL = List.of("reference", "type", "priority", "category", "status", "assignee",
            "channel", "tags");
    /** The longest reference; its import key is {@code ref:} and the reference. */
    static final int REFERENCE = 96;
    static final String AGENT = "import";

    private final TicketRepository tickets;
    private final CustomerRepository customers;

    TicketCsvImport(TicketRepository tickets, CustomerRepository customers) {
        this.tickets = tickets;
        this.customers = customers;
    }

    /**
     * @throws IOException naming the file when it cannot be read at all (missing, not UTF-8, no header, no column);
     *                     the whole file is checked before the first ticket is written
     */
    Result importCsv(Path file, Progress progress) throws IOException {
        CsvFile.Check check = CsvFile.check(file);
        progress.begin(NLS.bind(Messages.Import_task, file.getFileName()), check.lines());
        long imported = 0;
        long skipped = 0;
        long line = 0;
        List<Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LineRange.Builder already = new LineRange.Builder();
        boolean previousAlready = false;
        try (CsvReader reader = CsvFile.open(file, CsvReader.DEFAULT_MAX_FIELD_LENGTH)) {
            CsvRecord header = reader.next();
            if (header == null) {
                throw new IOException(NLS.bind(Messages.Import_noHeader, file));
            }
            if (!header.isValid()) {
                throw new IOException(NLS.bind(Messages.Import_badHeader, file, header.error()));
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                    throw new IOException(NLS.bind(Messages.Import_duplicateColumn, file, name));
                }
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    throw new IOException(NLS.bind(Messages.Import_missingColumn, file, required));
                }
            }
            for (String name : columns.keySet()) {
                if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                    warnings.add(NLS.bind(Messages.Import_unusedColumn, file.getFileName(), name));
                }
            }
            Map<String, Optional<Customer>> byEmail = new LinkedHashMap<>();
            RowDigest rows = new RowDigest();
            rows.add(header);
            for (CsvRecord record = reader.next(); record != null && !progress.isCanceled(); record = reader.next()) {
                line = record.line();
                rows.add(record);
                boolean follows = previousAlready;
                previousAlready = false;
                try {
                    String key = importKey(record, columns, rows);
                    if (tickets.isImported(key) || tickets
                            .createOnce(ticket(record, header.fields().size(), columns, byEmail), AGENT, key).isEmpty()) {
                        skipped++;
                        already.add(record.line(), follows);
                        previousAlready = true;
                    } else {
                        imported++;
                    }
                } catch (IllegalArgumentException e) {
                    skipped++;
                    rejects.add(new Reject(record.line(), e.getMessage()));
                }
                progress.worked(record.line());
            }
        } catch (CharacterCodingException e) {
            // The file changed since it was checked.
            throw CsvFile.notUtf8(file, line + 1, e);
        }
        progress.worked(check.lines());
        return new Result(imported, skipped, rejects, already.build(), warnings);
    }

    /** {@code ref:REFERENCE} when the row has a reference, else {@code csv:} and the digest of the rows so far. */
    private static String importKey(CsvRecord record, Map<String, Integer> columns, RowDigest rows) {
        Integer index = columns.get("reference");
        if (record.isValid() && index != null && index < record.fields().size()) {
            String reference = record.field(index).trim();
            if (reference.length() > REFERENCE) {
                throw new IllegalArgumentException(NLS.bind(Messages.Import_referenceTooLong, REFERENCE));
            }
            if (!reference.isEmpty()) {
                return "ref:" + reference;
            }
        }
        return "csv:" + rows.hex();
    }

    private Ticket ticket(CsvRecord record, int width, Map<String, Integer> columns,
            Map<String, Optional<Customer>> byEmail) {
        if (!record.isValid()) {
            throw new IllegalArgumentException(NLS.bind(Messages.Import_badRecord, record.error()));
        }
        if (record.fields().size() != width) {
            throw new IllegalArgumentException(NLS.bind(Messages.Import_wrongFieldCount, width, record.fields().size()));
        }
        String email = value(record, columns, "email");
        if (email == null) {
            throw new IllegalArgumentException(Messages.Import_missingEmail);
        }
        Customer customer = byEmail.computeIfAbsent(email.toLowerCase(Locale.ROOT), customers::findByEmail)
                .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Import_unknownEmail, email)));
        Ticket ticket = new Ticket(customer.getId(), value(record, columns, "subject"), value(record, columns, "body"));
        ticket.setType(choice(record, columns, "type", TicketType.values(), TicketType.INQUIRY));
        ticket.setPriority(choice(record, columns, "priority", TicketPriority.values(), TicketPriority.NORMAL));
        ticket.setStatus(choice(record, columns, "status", TicketStatus.values(), TicketStatus.NEW));
        ticket.setChannel(choice(record, columns, "channel", Channel.values(), Channel.MAIL));
        ticket.setCategory(value(record, columns, "category"));
        ticket.setAssignee(value(record, columns, "assignee"));
        String tags = value(record, columns, "tags");
        if (tags != null) {
            ticket.setTags(new LinkedHashSet<>(List.of(tags.split(";"))));
        }
        return ticket;
    }

    private static String value(CsvRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            return null;
        }
        String value = record.field(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static <E extends Enum<E>> E choice(CsvRecord record, Map<String, Integer> columns, String name,
            E[] values, E fallback) {
        String value = value(record, columns, name);
        if (value == null) {
            return fallback;
        }
        for (E candidate : values) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        List<String> valid = new ArrayList<>();
        for (E candidate : values) {
            valid.add(candidate.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(NLS.bind(Messages.Import_badChoice,
                new Object[] { name, value, String.join(", ", valid) }));
    }
}
