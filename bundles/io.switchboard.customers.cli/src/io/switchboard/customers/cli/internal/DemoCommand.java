package io.switchboard.customers.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;
import io.switchboard.customers.DemoContribution;
import io.switchboard.customers.DemoDataGenerator;
import io.switchboard.customers.DemoDataGenerator.DemoResult;
import io.switchboard.customers.DemoDataGenerator.Scenario;
import io.switchboard.customers.demo.DemoCustomers;

/**
 * {@code switchboard demo --scenario S [--customers N] [--seed S] [--csv FILE]}. With {@code --csv} it needs no
 * store at all, which is the point: benchmark files of any size, made quickly and the same every time.
 */
@Component(service = Command.class)
public class DemoCommand implements Command {

    static final String SCENARIO = "--scenario";
    static final String CUSTOMERS = "--customers";
    static final String SEED = "--seed";
    static final String CSV = "--csv";
    static final int DEFAULT_CUSTOMERS = 200;
    static final long DEFAULT_SEED = 1;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<DemoDataGenerator> generator;

    /** Other capabilities' demo data (tickets, ...), added after the customers; none is needed. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ComponentServiceObjects<DemoContribution>> contributions;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return Messages.Demo_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Demo_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parse(arguments, Set.of(SCENARIO, CUSTOMERS, SEED, CSV), Set.of());
        args.expectPositional();
        Scenario scenario = scenario(args.option(SCENARIO));
        int customers = args.intOption(CUSTOMERS, DEFAULT_CUSTOMERS, 1);
        long seed = seed(args.option(SEED));
        TerminalProgress progress = TerminalProgress.of(context);
        String result;
        try {
            if (args.option(CSV) != null) {
                long written = Support.writeAtomically(InputFile.path(args.option(CSV), Support.FILES),
                        out -> DemoCustomers.writeCsv(scenario, customers, seed, out, progress));
                result = "customers=" + written;
            } else {
                DemoResult done = Support.service(generator).generate(scenario, customers, seed, progress);
                result = "customers=" + done.customers() + " transactions=" + done.transactions() + " needs="
                        + done.needs() + " interactions=" + done.interactions();
                List<ComponentServiceObjects<DemoContribution>> more = contributions;
                for (ComponentServiceObjects<DemoContribution> objects : more == null
                        ? List.<ComponentServiceObjects<DemoContribution>>of() : more) {
                    DemoContribution contribution = objects.getService();
                    if (contribution != null) {
                        try {
                            String added = contribution.contribute(scenario, customers, seed, progress);
                            if (added != null && !added.isBlank()) {
                                result += " " + added.trim();
                            }
                        } finally {
                            objects.ungetService(contribution);
                        }
                    }
                }
            }
        } finally {
            progress.clear();
        }
        context.out().println(result);
        return ExitCode.OK;
    }

    private static Scenario scenario(String value) throws UsageException {
        String valid = Arrays.stream(Scenario.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (value == null) {
            throw new UsageException(NLS.bind(Messages.Demo_missingScenario, valid));
        }
        try {
            return Scenario.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(NLS.bind(Messages.Demo_unknownScenario, value, valid));
        }
    }

    private static long seed(String value) throws UsageException {
        if (value == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(NLS.bind(Messages.Demo_badSeed, value));
        }
    }
}
