package io.switchboard.tickets.cli.internal;

import java.io.PrintStream;
import java.util.List;

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
import io.switchboard.cli.Output;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;
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
        Arguments.expectNone(arguments);
        ClassifierRetraining service = Support.service(retraining);
        TerminalProgress progress = TerminalProgress.of(context);
        try {
            ModelInfo info;
            try {
                info = service.retrain(progress);
            } finally {
                progress.clear();
            }
            PrintStream out = context.out();
            out.println("version=" + info.version());
            out.println("texts=" + info.texts());
            out.println("categories=" + info.categories().size());
            Output.keyValues(out, info.settings());
            Output.measures(out, info.metrics());
        } catch (ClassifierException e) {
            throw new CommandException(Output.oneLine(e.getMessage()), e);
        }
        return ExitCode.OK;
    }
}
