package io.switchboard.tickets.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
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
import io.switchboard.cli.Output;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;
import io.switchboard.tickets.TicketImporter;
import io.switchboard.tickets.TicketImporter.Reject;

/**
 * {@code switchboard tickets import FILE.csv}: standard output is exactly one {@code imported=N skipped=S} line,
 * rejected rows go to standard error as {@code line K: reason}, and rows imported before as one
 * {@code already imported: lines 2..K} note. The import itself is the {@link TicketImporter} service.
 */
@Component(service = Command.class)
public class ImportCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<TicketImporter> importer;

    @Override
    public String name() {
        return "tickets import";
    }

    @Override
    public String summary() {
        return Messages.Import_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Import_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parse(arguments, Set.of(), Set.of());
        String name = args.expectPositional("FILE.csv").get(0);
        Path file = InputFile.readable(name, Support.FILES);
        TicketImporter service = Support.service(importer);
        TerminalProgress progress = TerminalProgress.of(context);
        TicketImporter.Result result;
        try {
            result = service.importCsv(file, progress);
        } catch (IOException e) {
            throw InputFile.cannotRead(name, e, Support.FILES);
        } finally {
            progress.clear();
        }
        result.warnings().forEach(context.err()::println);
        for (Reject reject : result.rejects()) {
            context.err().println(Output.rejectedLine(reject.line(), reject.reason()));
        }
        if (!result.already().isEmpty()) {
            context.err().println(Output.alreadyImported(result.already()));
        }
        context.out().println(Output.pairs("imported", result.imported(), "skipped", result.skipped()));
        return ExitCode.OK;
    }
}
