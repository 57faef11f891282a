package io.switchboard.chat.cli.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;

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
 * {@code switchboard chat}: the terminal channel. Greets in the user's language, then answers each line typed until
 * {@code exit} (or the end of input).
 */
@Component(service = Command.class)
public class ChatCommand implements Command {

    static final String EXIT = "exit";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Chatbot> chatbot;

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String summary() {
        return Messages.Chat_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Chat_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments.expectNone(arguments);
        Chatbot bot = Support.service(chatbot);
        Support.Lines lines = new Support.Lines(context.in());
        try {
            Writer out = Output.stdout(context);
            out.write(Messages.Chat_greeting);
            out.write('\n');
            out.flush();
            while (true) {
                String message;
                try {
                    message = lines.next();
                } catch (CharacterCodingException e) {
                    context.err().println(Output.rejectedLine(lines.number(), Messages.Chat_notUtf8));
                    continue;
                }
                if (message == null || message.strip().toLowerCase(Locale.ROOT).equals(EXIT)) {
                    break;
                }
                if (message.isBlank()) {
                    continue;
                }
                BotAnswer answer = bot.answer(message);
                out.write(Output.oneLine(answer.text()));
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            throw new CommandException(NLS.bind(Messages.Ask_cannotRead, Output.oneLine(e.getMessage())), e);
        }
        Output.checkStdout(context);
        return ExitCode.OK;
    }
}
