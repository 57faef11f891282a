package io.switchboard.cli.tests;

import java.util.List;
import java.util.Set;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;
import io.switchboard.core.DataFolderException;

/**
 * A subcommand contributed by another bundle, exactly as a partner bundle would: a DS component providing
 * {@link Command} (declared in {@code OSGI-INF/}). The tests prove the command line finds it without knowing it.
 */
public class EchoCommand implements Command {

    @Override
    public String name() {
        return "test echo";
    }

    @Override
    public String summary() {
        return "Print the words given (test bundle)";
    }

    @Override
    public String usage() {
        return "Usage: switchboard test echo [--upper] [--fail MESSAGE] [--crash] [--folder-in-use] WORD...\n";
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parse(arguments, Set.of("--fail"), Set.of("--upper", "--crash", "--folder-in-use"));
        if (args.option("--fail") != null) {
            throw new CommandException(args.option("--fail"));
        }
        if (args.flag("--folder-in-use")) {
            // As JPA hands it on when the database refuses to open: wrapped in an exception of its own.
            throw new IllegalStateException("cannot log in", new DataFolderException(
                    "the database in /data/db is in use by another Switchboard process", null));
        }
        if (args.flag("--crash")) {
            throw new IllegalStateException("a bug in the test command");
        }
        if (args.positional().isEmpty()) {
            throw new UsageException("missing WORD");
        }
        String text = String.join(" ", args.positional());
        context.out().println(args.flag("--upper") ? text.toUpperCase() : text);
        context.err().println("data folder " + context.dataFolder());
        return ExitCode.OK;
    }
}
