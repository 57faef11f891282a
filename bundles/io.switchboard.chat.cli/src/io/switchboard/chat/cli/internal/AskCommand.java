package io.switchboard.chat.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.Chatbot;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.Output;
import io.switchboard.cli.UsageException;

/**
 * {@code switchboard chat ask}: one message a line on standard input, one {@code response<TAB>confidence} line per
 * message on standard output, so the output lines up with the input.
 */
@Component(service = Command.class)
public class AskCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Chatbot> chatbot;

    @Override
    public String name() {
        return "chat ask";
    }

    @Override
    public String summary() {
        return Messages.Ask_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Ask_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments.expectNone(arguments);
        Chatbot bot = Support.service(chatbot);
        Support.Lines lines = new Support.Lines(context.in());
        PrintStream err = context.err();
        try {
            Writer out = Output.stdout(context);
            while (true) {
                String message;
                BotAnswer answer;
                try {
                    message = lines.next();
                    if (message == null) {
                        break;
                    }
                    answer = bot.answer(message);
                } catch (CharacterCodingException e) {
                    err.println(Output.rejectedLine(lines.number(), Messages.Ask_notUtf8));
                    // the output still has a line for it: a message the bot cannot read goes to a person
                    answer = bot.answer("");
                }
                out.write(line(answer));
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            throw new CommandException(NLS.bind(Messages.Ask_cannotRead, Output.oneLine(e.getMessage())), e);
        }
        Output.checkStdout(context);
        return ExitCode.OK;
    }

    /** {@code response<TAB>confidence}: the text on one line, without tabs. */
    static String line(BotAnswer answer) {
        return Output.oneLine(answer.text()).replace('\t', ' ') + "\t" + Output.number(answer.confidence());
    }
}
