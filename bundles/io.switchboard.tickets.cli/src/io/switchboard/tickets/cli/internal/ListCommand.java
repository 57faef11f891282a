package io.switchboard.tickets.cli.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;
import io.switchboard.core.csv.CsvWriter;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketSummary;

/** {@code switchboard tickets list [filters] [--limit N|all]}: CSV on standard output, newest first. */
@Component(service = Command.class)
public class ListCommand implements Command {

    static final String LIMIT = "--limit";
    static final String ALL = "all";
    static final int DEFAULT_LIMIT = 100;
    /** Rows fetched per query, so a long list is not held in memory. */
    static final int PAGE = 5000;
    static final List<String> HEADER = List.of("id", "created", "status", "priority", "type", "category", "assignee",
            "customer_id", "customer", "subject");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<TicketRepository> repository;

    @Override
    public String name() {
        return "tickets list";
    }

    @Override
    public String summary() {
        return Messages.List_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.List_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Set<String> options = new HashSet<>(Support.FILTERS);
        options.add(LIMIT);
        Arguments args = Arguments.parse(arguments, options, Set.of());
        args.expectPositional();
        long limit = limit(args.option(LIMIT));
        TicketQuery query = Support.query(args);
        TicketRepository tickets = Support.service(repository);
        long written = 0;
        try {
            Writer out = Support.stdout(context);
            CsvWriter csv = new CsvWriter(out);
            csv.write(HEADER);
            while (written < limit) {
                int size = (int) Math.min(PAGE, limit - written);
                List<TicketSummary> page = tickets.list(query.page((int) written, size));
                for (TicketSummary t : page) {
                    // Arrays.asList, not List.of: category, assignee and subject may be null
                    csv.write(Arrays.asList(Long.toString(t.id()), t.createdAt().toString(), lower(t.status()),
                            lower(t.priority()), lower(t.type()), t.category(), t.assignee(),
                            Long.toString(t.customerId()), t.customerName(), t.subject()));
                }
                written += page.size();
                csv.flush();
                if (context.out().checkError()) {
                    throw new CommandException(Messages.Tickets_stdoutFailed);
                }
                if (page.size() < size) {
                    break;
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new CommandException(Support.oneLine(e.getMessage()), e);
        }
        if (written == limit) {
            long total = tickets.count(query);
            if (total > written) {
                context.err().println(NLS.bind(Messages.List_truncated, written, total));
            }
        }
        return ExitCode.OK;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static long limit(String value) throws UsageException {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value.trim().equalsIgnoreCase(ALL)) {
            return Long.MAX_VALUE;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as a number that is too small
        }
        throw new UsageException(NLS.bind(Messages.List_badLimit, value));
    }
}
