package io.switchboard.tickets.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CsvListing;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketSummary;

/** {@code switchboard tickets list [filters] [--limit N|all]}: CSV on standard output, newest first. */
@Component(service = Command.class)
public class ListCommand implements Command {

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
        Arguments args = Arguments.parseOptions(arguments, CsvListing.options(Support.FILTERS), Set.of());
        long limit = CsvListing.limit(args);
        TicketQuery query = Support.query(args);
        TicketRepository tickets = Support.service(repository);
        CsvListing listing = CsvListing.start(context, limit, HEADER);
        while (listing.wantsMore()) {
            int size = (int) Math.min(PAGE, listing.remaining());
            List<TicketSummary> page = tickets.list(query.page((int) listing.written(), size));
            for (TicketSummary t : page) {
                // Arrays.asList, not List.of: category, assignee and subject may be null
                listing.add(Arrays.asList(Long.toString(t.id()), t.createdAt().toString(), lower(t.status()),
                        lower(t.priority()), lower(t.type()), t.category(), t.assignee(),
                        Long.toString(t.customerId()), t.customerName(), t.subject()));
            }
            if (!listing.endPage() || page.size() < size) {
                break;
            }
        }
        listing.finish(() -> tickets.count(query), Messages.List_truncated);
        return ExitCode.OK;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
