package io.switchboard.tickets.cli.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.eclipse.osgi.util.NLS;

import io.switchboard.cli.Output;
import io.switchboard.core.Progress;
import io.switchboard.core.csv.CsvReader;
import io.switchboard.core.csv.CsvRecord;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.tickets.Ticket;
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

    /**
     * @param already the lines of the rows skipped because their tickets were imported before, as ranges
     *                {@code [first, last]} in file order
     */
    record Result(long imported, long skipped, List<long[]> already) {
    }

    private final TicketRepository tickets;
    private final CustomerRepository customers;

    TicketCsvImport(TicketRepository tickets, CustomerRepository customers) {
        this.tickets = tickets;
        this.customers = customers;
    }

    /**
     * @param rejects told {@code (line, reason)} for every row not imported
     * @param warnings told about the file as a whole (unused columns)
     * @throws IOException naming the file when it cannot be read at all (missing, not UTF-8, no header, no column)
     */
    Result importCsv(Path file, BiConsumer<Long, String> rejects, java.util.function.Consumer<String> warnings,
            Progress progress) throws IOException {
        long size = Files.size(file);
        progress.begin(NLS.bind(Messages.Import_task, file.getFileName()), size);
        Reader decoder = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        long imported = 0;
        long skipped = 0;
        long line = 0;
        List<long[]> already = new ArrayList<>();
        boolean previousAlready = false;
        try (CsvReader reader = new CsvReader(decoder)) {
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
                    warnings.accept(NLS.bind(Messages.Import_unusedColumn, file.getFileName(), name));
                }
            }
            Map<String, Optional<Customer>> byEmail = new LinkedHashMap<>();
            MessageDigest rows = sha256();
            digest(rows, header);
            for (CsvRecord record = reader.next(); record != null && !progress.isCanceled(); record = reader.next()) {
                line = record.line();
                digest(rows, record);
                boolean follows = previousAlready;
                previousAlready = false;
                try {
                    String key = importKey(record, columns, rows);
                    if (tickets.isImported(key)) {
                        skipped++;
                        addLine(already, record.line(), follows);
                        previousAlready = true;
                    } else if (tickets.createOnce(ticket(record, header.fields().size(), columns, byEmail), AGENT, key)
                            .isPresent()) {
                        imported++;
                    } else {
                        skipped++;
                        addLine(already, record.line(), follows);
                        previousAlready = true;
                    }
                } catch (IllegalArgumentException e) {
                    skipped++;
                    rejects.accept(record.line(), Output.oneLine(e.getMessage()));
                }
                progress.worked(reader.charsRead());
            }
        } catch (CharacterCodingException e) {
            throw new IOException(NLS.bind(Messages.Import_notUtf8, file, line + 1), e);
        }
        return new Result(imported, skipped, already);
    }

    /** {@code ref:REFERENCE} when the row has a reference, else {@code csv:} and the digest of the rows so far. */
    private static String importKey(CsvRecord record, Map<String, Integer> columns, MessageDigest rows) {
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
        try {
            return "csv:" + HexFormat.of().formatHex(((MessageDigest) rows.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds each field, length first, so that no two different rows feed the digest the same bytes. */
    private static void digest(MessageDigest rows, CsvRecord record) {
        List<String> fields = record.fields();
        rows.update(ByteBuffer.allocate(4).putInt(fields.size()).array());
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            rows.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            rows.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param follows whether the record before this one was already imported too (records span lines) */
    private static void addLine(List<long[]> ranges, long line, boolean follows) {
        if (follows && !ranges.isEmpty()) {
            ranges.get(ranges.size() - 1)[1] = line;
        } else {
            ranges.add(new long[] { line, line });
        }
    }

    /** {@code 2..5, 8}: the ranges as a person reads them. */
    static String lines(List<long[]> ranges) {
        List<String> parts = new ArrayList<>();
        for (long[] range : ranges) {
            parts.add(range[0] == range[1] ? Long.toString(range[0]) : range[0] + ".." + range[1]);
        }
        return String.join(", ", parts);
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
