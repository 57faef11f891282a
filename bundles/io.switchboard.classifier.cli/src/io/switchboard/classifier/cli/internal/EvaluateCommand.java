package io.switchboard.classifier.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.Evaluation;
import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;

/**
 * {@code switchboard classifier evaluate}: scores the active model on a CSV file, or with {@code --split}
 * trains on one part and scores on the other, or with {@code --folds} cross-validates. The last line is always
 * {@code accuracy=0.XXXX macro_f1=0.XXXX n=N}.
 */
@Component(service = Command.class)
public class EvaluateCommand implements Command {

    private static final String SPLIT = "--split";
    private static final String SEED = "--seed";
    private static final String FOLDS = "--folds";

    @Reference
    private TicketClassifier classifier;

    @Override
    public String name() {
        return "classifier evaluate";
    }

    @Override
    public String summary() {
        return Messages.Evaluate_summary;
    }

    @Override
    public String usage() {
        return Messages.Evaluate_usage;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parse(arguments, Set.of(ClassifierCommand.DATA, ClassifierCommand.TEXT_COLUMN,
                ClassifierCommand.LABEL_COLUMN, SPLIT, SEED, FOLDS), Set.of());
        args.expectPositional();
        String data = args.option(ClassifierCommand.DATA);
        if (data == null) {
            throw new UsageException(Messages.Command_missingData);
        }
        if (args.option(SPLIT) != null && args.option(FOLDS) != null) {
            throw new UsageException(Messages.Evaluate_splitOrFolds);
        }
        Double split = null;
        if (args.option(SPLIT) != null) {
            try {
                split = Double.parseDouble(args.option(SPLIT).trim());
            } catch (NumberFormatException e) {
                split = Double.NaN;
            }
            if (!(split > 0 && split < 1)) {
                throw new UsageException(NLS.bind(Messages.Evaluate_badSplit, args.option(SPLIT)));
            }
        }
        long seed;
        try {
            seed = Long.parseLong(args.option(SEED, "42").trim());
        } catch (NumberFormatException e) {
            throw new UsageException(NLS.bind(Messages.Evaluate_badSeed, args.option(SEED)));
        }
        int folds = args.intOption(FOLDS, 0, 2);
        List<LabeledText> texts = LabeledCsv.read(Path.of(data), args.option(ClassifierCommand.TEXT_COLUMN, "text"),
                args.option(ClassifierCommand.LABEL_COLUMN, "category"));
        Evaluation evaluation;
        TerminalProgress progress = TerminalProgress.of(context);
        try {
            if (split != null) {
                evaluation = classifier.evaluateSplit(texts, split, seed, progress);
            } else if (folds > 0) {
                evaluation = classifier.crossValidate(texts, folds, seed, progress);
            } else {
                evaluation = classifier.evaluate(texts);
            }
        } catch (ClassifierException e) {
            throw ClassifierCommand.fail(e);
        } finally {
            progress.clear();
        }
        ClassifierCommand.printEvaluation(context.out(), evaluation);
        return ExitCode.OK;
    }
}
