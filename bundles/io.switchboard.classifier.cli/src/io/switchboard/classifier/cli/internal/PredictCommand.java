package io.switchboard.classifier.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.classifier.Prediction;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;

/**
 * {@code switchboard classifier predict}: one text per line on stdin, {@code category<TAB>confidence} per line
 * on stdout ({@code unsure} below the threshold). Every line gets its answer, so output lines always match input
 * lines: a blank line is {@code unsure<TAB>0} (a script's stray empty line is not an error), and a line the
 * classifier refuses (too long) is {@code unsure<TAB>0} too, named on stderr, and makes the exit code 1. Only a
 * missing or damaged model stops the run, since then no line can be answered.
 */
@Component(service = Command.class)
public class PredictCommand implements Command {

    @Reference
    private TicketClassifier classifier;

    @Override
    public String name() {
        return "classifier predict";
    }

    @Override
    public String summary() {
        return Messages.Predict_summary;
    }

    @Override
    public String usage() {
        return Messages.Predict_usage;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments.expectNone(arguments);
        StringBuilder buffer = new StringBuilder(1 << 16);
        String none = Prediction.UNSURE + "\t" + ClassifierCommand.number(0) + "\n";
        long line = 0;
        long refused = 0;
        boolean modelAnswers = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8),
                1 << 16)) {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    buffer.append(none);
                    continue;
                }
                Prediction prediction;
                try {
                    prediction = classifier.predict(text);
                } catch (ClassifierException e) {
                    if (!modelAnswers && !modelAnswers()) {
                        // No model, or a damaged one: not this line's fault, and no other line can be answered.
                        context.out().print(buffer);
                        context.out().flush();
                        throw ClassifierCommand.fail(e);
                    }
                    refused++;
                    context.out().print(buffer.append(none));
                    context.out().flush();
                    buffer.setLength(0);
                    context.err().println(NLS.bind(Messages.Predict_badLine, line, e.getMessage()));
                    continue;
                }
                modelAnswers = true;
                buffer.append(prediction.unsure() ? Prediction.UNSURE : prediction.category()).append('\t')
                        .append(ClassifierCommand.number(prediction.confidence())).append('\n');
                if (buffer.length() > 60_000) {
                    context.out().print(buffer);
                    buffer.setLength(0);
                }
            }
        } catch (IOException e) {
            context.out().print(buffer);
            throw new CommandException(NLS.bind(Messages.Predict_cannotRead, e.getMessage()), e);
        }
        context.out().print(buffer);
        context.out().flush();
        if (refused > 0) {
            throw new CommandException(NLS.bind(Messages.Predict_refusedLines, refused, line));
        }
        return ExitCode.OK;
    }

    /** Whether the active model answers a plain text: tells a refused line from a missing or damaged model. */
    private boolean modelAnswers() {
        try {
            classifier.predict("?");
            return true;
        } catch (ClassifierException e) {
            return false;
        }
    }
}
