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
import io.switchboard.cli.InputFile;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;
import io.switchboard.customers.CustomerExporter;
import io.switchboard.customers.CustomerQuery;

/** {@code switchboard customers export FILE.csv [--country C] [--search TEXT]}: prints how many were written. */
@Component(service = Command.class)
public class ExportCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<CustomerExporter> exporter;

    @Override
    public String name() {
        return "customers export";
    }

    @Override
    public String summary() {
        return Messages.Export_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Export_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parse(arguments, Support.FILTERS, Set.of());
        String name = args.expectPositional("FILE.csv").get(0);
        CustomerQuery query = Support.query(args);
        CustomerExporter service = Support.service(exporter);
        TerminalProgress progress = TerminalProgress.of(context);
        long written;
        try {
            written = Support.writeAtomically(InputFile.path(name, Support.FILES),
                    out -> service.exportCsv(query, out, progress));
        } finally {
            progress.clear();
        }
        context.out().println(written);
        return ExitCode.OK;
    }
}
