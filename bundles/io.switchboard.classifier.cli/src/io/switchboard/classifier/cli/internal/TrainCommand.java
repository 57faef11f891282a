package io.switchboard.classifier.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;

/** {@code switchboard classifier train}: trains on a CSV file, stores and activates the model. */
@Component(service = Command.class)
public class TrainCommand implements Command {

    @Reference
    private TicketClassifier classifier;

    @Override
    public String name() {
        return "classifier train";
    }

    @Override
    public String summary() {
        return Messages.Train_summary;
    }

    @Override
    public String usage() {
        return Messages.Train_usage;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parse(arguments,
                Set.of(ClassifierCommand.DATA, ClassifierCommand.TEXT_COLUMN, ClassifierCommand.LABEL_COLUMN), Set.of());
        args.expectPositional();
        String data = args.option(ClassifierCommand.DATA);
        if (data == null) {
            throw new UsageException(Messages.Command_missingData);
        }
        List<LabeledText> texts = LabeledCsv.read(Path.of(data), args.option(ClassifierCommand.TEXT_COLUMN, "text"),
                args.option(ClassifierCommand.LABEL_COLUMN, "category"));
        TerminalProgress progress = TerminalProgress.of(context);
        ModelInfo info;
        try {
            info = classifier.train(texts, progress);
        } catch (ClassifierException e) {
            throw ClassifierCommand.fail(e);
        } finally {
            progress.clear();
        }
        ClassifierCommand.printModel(context.out(), info);
        return ExitCode.OK;
    }
}
