package io.switchboard.customers.cli.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.DuplicateFinder;
import io.switchboard.customers.DuplicateFinder.DuplicateGroup;

/**
 * {@code switchboard customers duplicates}: blocks separated by an empty line, tab-separated fields, a
 * {@code group N} line with each reason and its evidence (one group per set of customers, however many reasons
 * make them alike), then one line per customer. Readable as it stands, and
 * {@code awk -v RS= -F'\t'} takes it apart.
 */
@Component(service = Command.class)
public class DuplicatesCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<DuplicateFinder> finder;

    @Override
    public String name() {
        return "customers duplicates";
    }

    @Override
    public String summary() {
        return Messages.Duplicates_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Duplicates_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments.expectNone(arguments);
        DuplicateFinder service = Support.service(finder);
        TerminalProgress progress = TerminalProgress.of(context);
        List<DuplicateGroup> groups;
        try {
            groups = service.findDuplicates(progress);
        } finally {
            progress.clear();
        }
        try {
            Writer out = Output.stdout(context);
            int number = 0;
            for (DuplicateGroup group : groups) {
                if (number > 0) {
                    out.write('\n');
                }
                List<String> fields = new ArrayList<>();
                fields.add("group " + ++number);
                group.reasons().forEach((reason, evidence) -> {
                    fields.add(reason.name());
                    fields.add(evidence);
                });
                line(out, fields.toArray(String[]::new));
                for (CustomerSummary c : group.customers()) {
                    line(out, Long.toString(c.id()), c.name(), c.email(), c.phone());
                }
            }
            out.flush();
            Output.checkStdout(context);
        } catch (IOException e) {
            throw new CommandException(InputFile.reason(e, Support.FILES), e);
        }
        context.err().println(NLS.bind(Messages.Duplicates_found, groups.size()));
        Set<DuplicateFinder.Reason> cut = DuplicateFinder.truncated(groups);
        if (!cut.isEmpty()) {
            context.err().println(NLS.bind(Messages.Duplicates_truncated, DuplicateFinder.MAX_GROUPS_PER_REASON,
                    cut.stream().map(Enum::name).collect(Collectors.joining(", "))));
        }
        return ExitCode.OK;
    }

    private static void line(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            // One record a line, one field per tab, whatever a name contains.
            out.write(fields[i] == null ? "" : fields[i].replaceAll("[\\t\\r\\n]+", " "));
        }
        out.write('\n');
    }
}
