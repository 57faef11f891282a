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
 * on stdout ({@code unsure} below the threshold). A bad line stops the run, so output lines always match input
 * lines.
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
        long line = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8),
                1 << 16)) {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                Prediction prediction;
                try {
                    prediction = classifier.predict(text);
                } catch (ClassifierException e) {
                    context.out().print(buffer);
                    context.out().flush();
                    throw new CommandException(NLS.bind(Messages.Predict_badLine, line, e.getMessage()), e);
                }
                buffer.append(prediction.unsure() ? Prediction.UNSURE : prediction.category()).append('\t')
                        .append(ClassifierCommand.number(prediction.confidence())).append('\n');
                if (buffer.length() > 60_000) {
                    context.out().print(buffer);
                    buffer.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new CommandException(NLS.bind(Messages.Predict_cannotRead, e.getMessage()), e);
        }
        context.out().print(buffer);
        context.out().flush();
        return ExitCode.OK;
    }
}
