package io.switchboard.customers.cli.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;

/**
 * {@code switchboard customers list [--country C] [--search TEXT] [--limit N|all]}: CSV on standard output.
 * {@code --limit 0} is refused rather than read as "no limit": {@code all} says that without surprising anyone.
 */
@Component(service = Command.class)
public class ListCommand implements Command {

    static final String LIMIT = "--limit";
    static final String ALL = "all";
    static final int DEFAULT_LIMIT = 100;
    /** Rows fetched per page, so listing a million customers does not hold them all in memory. */
    static final int PAGE = 5000;

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
        Set<String> options = new HashSet<>(Support.FILTERS);
        options.add(LIMIT);
        Arguments args = Arguments.parse(arguments, options, Set.of());
        args.expectPositional();
        long limit = limit(args.option(LIMIT));
        CustomerQuery query = Support.query(args);
        CustomerRepository customers = Support.service(repository);

        long[] written = { 0 };
        try {
            Writer out = Support.stdout(context);
            CsvWriter csv = new CsvWriter(out);
            csv.write("id", "name", "email", "phone", "country", "city", "company");
            IOException[] failure = new IOException[1];
            boolean[] stdoutFailed = new boolean[1];
            // Pages continue after the last customer written (keyset paging), never skipping an offset.
            customers.scan(query.page(0, (int) Math.min(PAGE, limit)), page -> {
                try {
                    for (CustomerSummary c : page) {
                        if (written[0] >= limit) {
                            break;
                        }
                        // Arrays.asList, not List.of: a customer without company or phone has nulls here.
                        csv.write(Arrays.asList(Long.toString(c.id()), c.name(), c.email(), c.phone(), c.country(),
                                c.city(), c.company()));
                        written[0]++;
                    }
                    csv.flush();
                } catch (IOException e) {
                    failure[0] = e;
                    return false;
                }
                // A PrintStream never throws: this is how a closed pipe (| head) or a full disk shows.
                stdoutFailed[0] = context.out().checkError();
                return !stdoutFailed[0] && written[0] < limit;
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            if (stdoutFailed[0]) {
                throw new CommandException(Messages.Customers_stdoutFailed);
            }
            csv.flush();
        } catch (IOException e) {
            throw new CommandException(Support.reason(e), e);
        }
        if (written[0] == limit) {
            long total = customers.count(query);
            if (total > written[0]) {
                context.err().println(NLS.bind(Messages.List_truncated, written[0], total));
            }
        }
        return ExitCode.OK;
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
