package io.switchboard.classifier.cli.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;

/** {@code switchboard classifier rollback}: goes back to the version before the active one. */
@Component(service = Command.class)
public class RollbackCommand implements Command {

    @Reference
    private TicketClassifier classifier;

    @Override
    public String name() {
        return "classifier rollback";
    }

    @Override
    public String summary() {
        return Messages.Rollback_summary;
    }

    @Override
    public String usage() {
        return Messages.Rollback_usage;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments.expectNone(arguments);
        try {
            ClassifierCommand.printModel(context.out(), classifier.rollback());
        } catch (ClassifierException e) {
            throw ClassifierCommand.fail(e);
        }
        return ExitCode.OK;
    }
}
