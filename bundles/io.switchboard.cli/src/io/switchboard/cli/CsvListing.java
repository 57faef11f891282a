package io.switchboard.cli;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.csv.CsvWriter;

/**
 * A list command's result: UTF-8 CSV (RFC 4180) on standard output, a header and at most {@code limit} rows,
 * written page by page so a long list is never held in memory. When the limit cuts the list short, standard
 * error says so.
 *
 * <pre>
 * Arguments args = Arguments.parseOptions(arguments, CsvListing.options(FILTERS), Set.of());
 * CsvListing listing = CsvListing.start(context, CsvListing.limit(args), HEADER);
 * for (each page, while listing.wantsMore()) {
 *     for (row : page) listing.add(row);
 *     if (!listing.endPage()) break;
 * }
 * listing.finish(() -> service.count(query), Messages.List_truncated);
 * </pre>
 *
 * {@link #add} and {@link #endPage} do not throw, so they can be called from a service's callback; a failure
 * makes them return {@code false} and is thrown by {@link #finish}.
 */
public final class CsvListing {

    /** The option that limits a list: {@code --limit N|all} (see {@link Arguments#limitOption}). */
    public static final String LIMIT = "--limit";
    /** The rows a list shows without {@code --limit}. */
    public static final long DEFAULT_LIMIT = 100;

    private final CommandContext context;
    private final long limit;
    private final CsvWriter csv;
    private long written;
    private CommandException failure;

    private CsvListing(CommandContext context, long limit) {
        this.context = context;
        this.limit = limit;
        this.csv = new CsvWriter(Output.stdout(context));
    }

    /** A list command's value options: its filters and {@link #LIMIT}. */
    public static Set<String> options(Set<String> filters) {
        Set<String> options = new HashSet<>(filters);
        options.add(LIMIT);
        return options;
    }

    /** The {@link #LIMIT} given, {@link #DEFAULT_LIMIT} without one, {@link Long#MAX_VALUE} for {@code all}. */
    public static long limit(Arguments args) throws UsageException {
        return args.limitOption(LIMIT, DEFAULT_LIMIT);
    }

    /**
     * Starts the listing by writing the header.
     *
     * @param limit the most rows to write; {@link Long#MAX_VALUE} for all
     */
    public static CsvListing start(CommandContext context, long limit, List<String> header) {
        CsvListing listing = new CsvListing(context, limit);
        listing.write(header);
        return listing;
    }

    /**
     * Writes a row, unless the limit is reached or writing failed.
     *
     * @param row the fields; {@code null} fields are written empty ({@code Arrays.asList} allows them)
     * @return whether the row was written
     */
    public boolean add(List<String> row) {
        if (failure != null || written >= limit) {
            return false;
        }
        if (write(row)) {
            written++;
            return true;
        }
        return false;
    }

    /**
     * Ends a page: flushes it to standard output and checks that it arrived.
     *
     * @return whether to go on: nothing failed and the limit is not reached
     */
    public boolean endPage() {
        if (failure == null) {
            try {
                csv.flush();
                Output.checkStdout(context);
            } catch (IOException e) {
                failure = new CommandException(reason(e), e);
            } catch (CommandException e) {
                failure = e;
            }
        }
        return failure == null && wantsMore();
    }

    /** Whether the limit still leaves room for rows (and nothing failed). */
    public boolean wantsMore() {
        return failure == null && written < limit;
    }

    /** How many more rows the limit allows. */
    public long remaining() {
        return limit - written;
    }

    /** The rows written so far. */
    public long written() {
        return written;
    }

    /**
     * Ends the listing: flushes the last rows, then, when the limit was reached and {@code total} says there are
     * more, prints {@code truncated} (bound to the rows written and the total) on standard error.
     *
     * @throws CommandException when writing failed at any point
     */
    public void finish(LongSupplier total, String truncated) throws CommandException {
        endPage();
        if (failure != null) {
            throw failure;
        }
        if (written == limit) {
            long all = total.getAsLong();
            if (all > written) {
                context.err().println(NLS.bind(truncated, written, all));
            }
        }
    }

    private boolean write(List<String> fields) {
        try {
            csv.write(fields);
            return true;
        } catch (IOException e) {
            failure = new CommandException(reason(e), e);
            return false;
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : Output.oneLine(e.getMessage());
    }
}
