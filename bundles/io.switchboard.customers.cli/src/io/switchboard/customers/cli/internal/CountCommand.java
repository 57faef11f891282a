package io.switchboard.customers.cli.internal;

import java.util.List;
import java.util.Set;

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
import io.switchboard.customers.CustomerRepository;

/** {@code switchboard customers count [--country C] [--search TEXT]}: one number on standard output. */
@Component(service = Command.class)
public class CountCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<CustomerRepository> repository;

    @Override
    public String name() {
        return "customers count";
    }

    @Override
    public String summary() {
        return Messages.Count_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Count_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parseOptions(arguments, Support.FILTERS, Set.of());
        context.out().println(Support.service(repository).count(Support.query(args)));
        return ExitCode.OK;
    }
}
