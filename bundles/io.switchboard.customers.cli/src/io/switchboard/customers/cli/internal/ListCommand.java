package io.switchboard.customers.cli.internal;

import java.util.Arrays;
import java.util.List;
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
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;

/**
 * {@code switchboard customers list [--country C] [--search TEXT] [--limit N|all]}: CSV on standard output.
 * {@code --limit 0} is refused rather than read as "no limit" (see {@link Arguments#limitOption}).
 */
@Component(service = Command.class)
public class ListCommand implements Command {

    /** Rows fetched per page, so listing a million customers does not hold them all in memory. */
    static final int PAGE = 5000;
    static final List<String> HEADER = List.of("id", "name", "email", "phone", "country", "city", "company");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<CustomerRepository> repository;

    @Override
    public String name() {
        return "customers list";
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
        CustomerQuery query = Support.query(args);
        CustomerRepository customers = Support.service(repository);

        CsvListing listing = CsvListing.start(context, limit, HEADER);
        // Pages continue after the last customer written (keyset paging), never skipping an offset.
        customers.scan(query.page(0, (int) Math.min(PAGE, limit)), page -> {
            for (CustomerSummary c : page) {
                // Arrays.asList, not List.of: a customer without company or phone has nulls here.
                if (!listing.add(Arrays.asList(Long.toString(c.id()), c.name(), c.email(), c.phone(), c.country(),
                        c.city(), c.company()))) {
                    break;
                }
            }
            return listing.endPage();
        });
        listing.finish(() -> customers.count(query), Messages.List_truncated);
        return ExitCode.OK;
    }
}
