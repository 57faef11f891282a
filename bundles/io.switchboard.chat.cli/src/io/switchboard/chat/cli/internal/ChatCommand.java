package io.switchboard.chat.cli.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.chat.ChatService;
import io.switchboard.chat.Chatbot;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.Output;
import io.switchboard.cli.UsageException;

/**
 * {@code switchboard chat [--handle HANDLE]}: the terminal channel ({@link TerminalChat}), through the conversation
 * service when it is installed.
 */
@Component(service = Command.class)
public class ChatCommand implements Command {

    static final String HANDLE = "--handle";
    /** How often the loop looks for agents' replies while it waits for the customer's next line. */
    static final long POLL_MILLIS = 500;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Chatbot> chatbot;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ChatService> chats;

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
        Arguments args = Arguments.parseOptions(arguments, Set.of(HANDLE), Set.of());
        ChatService service = chats == null ? null : chats.getService();
        Chatbot bot = service != null ? null : Support.service(chatbot);
        TerminalChat chat = new TerminalChat(service, bot, POLL_MILLIS);
        try {
            chat.run(context.in(), Output.stdout(context), context.err(), args.option(HANDLE));
        } catch (IOException e) {
            throw new CommandException(NLS.bind(Messages.Ask_cannotRead, Output.oneLine(e.getMessage())), e);
        } catch (IllegalArgumentException e) {
            // the conversation service refused the handle
            throw new UsageException(Output.oneLine(e.getMessage()));
        }
        Output.checkStdout(context);
        return ExitCode.OK;
    }
}
