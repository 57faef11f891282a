package io.switchboard.customers.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
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
import io.switchboard.cli.InputFile;
import io.switchboard.cli.Output;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;
import io.switchboard.customers.CustomerImporter;
import io.switchboard.customers.CustomerImporter.ImportResult;

/**
 * {@code switchboard customers import FILE.csv [--dry-run]}. Admins script this: standard output is exactly one
 * {@code imported=N updated=U skipped=S} line, rejected rows go to standard error as {@code line K: reason}, and
 * so does, once, each column that is kept as a custom field.
 * rows imported before as one {@code already imported: lines 2..K} note. Progress shows on a terminal only.
 */
@Component(service = Command.class)
public class ImportCommand implements Command {

    static final String DRY_RUN = "--dry-run";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<CustomerImporter> importer;

    @Override
    public String name() {
        return "customers import";
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
        Arguments args = Arguments.parse(arguments, Set.of(), Set.of(DRY_RUN));
        String name = args.expectPositional("FILE.csv").get(0);
        // Checked here as well as by the importer, so the message is the same whatever the store says.
        Path file = InputFile.readable(name, Support.FILES);
        CustomerImporter service = Support.service(importer);
        TerminalProgress progress = TerminalProgress.of(context);
        ImportResult result;
        try {
            result = service.importCsv(file, args.flag(DRY_RUN), new CustomerImporter.RejectListener() {
                @Override
                public void rejected(long line, String reason) {
                    progress.message(Output.rejectedLine(line, reason));
                }

                @Override
                public void keptAsCustomField(String column) {
                    // Told once per column, so that a misspelt standard column is noticed.
                    progress.message(NLS.bind(Messages.Import_customField, column));
                }
            }, progress);
        } catch (IOException e) {
            throw InputFile.cannotRead(name, e, Support.FILES);
        } finally {
            progress.clear();
        }
        if (!result.already().isEmpty()) {
            context.err().println(Output.alreadyImported(result.already()));
        }
        // Rejected rows count as skipped: N + U + S is every data row of the file.
        context.out().println(Output.pairs("imported", result.imported(), "updated", result.updated(), "skipped",
                result.skipped() + result.rejected()));
        return ExitCode.OK;
    }
}
