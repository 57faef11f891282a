package io.switchboard.classifier.cli.internal;

import java.util.List;
import java.util.Set;

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

/** {@code switchboard classifier activate VERSION}: switches to a stored version after checking its file. */
@Component(service = Command.class)
public class ActivateCommand implements Command {

    @Reference
    private TicketClassifier classifier;

    @Override
    public String name() {
        return "classifier activate";
    }

    @Override
    public String summary() {
        return Messages.Activate_summary;
    }

    @Override
    public String usage() {
        return Messages.Activate_usage;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        String version = Arguments.parse(arguments, Set.of(), Set.of()).expectPositional("VERSION").get(0);
        try {
            ClassifierCommand.printModel(context.out(), classifier.activate(version));
        } catch (ClassifierException e) {
            throw ClassifierCommand.fail(e);
        }
        return ExitCode.OK;
    }
}
