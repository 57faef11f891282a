package io.switchboard.tickets.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;
import io.switchboard.core.Progress;
import io.switchboard.tickets.ClassifierRetraining;

/**
 * {@code switchboard classifier retrain}: trains and activates a model on the store's tickets and corrections.
 * Part of the classifier's command group, but here, because it needs the tickets.
 */
@Component(service = Command.class)
public class RetrainCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ClassifierRetraining> retraining;

    @Override
    public String name() {
        return "classifier retrain";
    }

    @Override
    public String summary() {
        return Messages.Retrain_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Retrain_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments.parse(arguments, Set.of(), Set.of()).expectPositional();
        ClassifierRetraining service = Support.service(retraining);
        try {
            ModelInfo info = service.retrain(progress(context.err()));
            PrintStream out = context.out();
            out.println("version=" + info.version());
            out.println("texts=" + info.texts());
            out.println("categories=" + info.categories().size());
            info.settings().forEach((key, value) -> out.println(key + "=" + value));
            info.metrics().forEach((key, value) -> out.println(key + "=" + (value == Math.rint(value)
                    ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%.4f", value))));
        } catch (ClassifierException e) {
            throw new CommandException(Support.oneLine(e.getMessage()), e);
        }
        return ExitCode.OK;
    }

    /** Progress as a line on standard error every tenth of the work, as the other classifier commands do. */
    private static Progress progress(PrintStream err) {
        return new Progress() {
            private String task;
            private long total;
            private long shown = -1;

            @Override
            public void begin(String name, long totalWork) {
                task = name;
                total = totalWork;
                shown = -1;
            }

            @Override
            public void worked(long done) {
                if (total > 0) {
                    long tenth = done * 10 / total;
                    if (tenth != shown) {
                        shown = tenth;
                        err.println(task + ": " + tenth * 10 + " %");
                    }
                }
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
    }
}
