package io.switchboard.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.Commands;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;
import io.switchboard.core.DataFolder;
import io.switchboard.core.DataFolderException;

/**
 * Parses the {@code switchboard} command line and dispatches to the {@link Command} services that bundles
 * register. Kept apart from the {@code IApplication} so the whole contract runs in tests without a new process.
 */
@Component(service = CommandLine.class)
public class CommandLine {

    static final String PROGRAM = Commands.PROGRAM;
    private static final String DEBUG_PROPERTY = "switchboard.debug";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Command> commands;

    @Reference
    private DataFolder dataFolder;

    /** Runs one command line and returns the process exit code. */
    public int execute(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String dataDir = null;
        boolean help = false;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals(DataFolder.OPTION) || arg.startsWith(DataFolder.OPTION + "=")) {
                try {
                    dataDir = DataFolder.optionValue(args.subList(i, args.size()));
                } catch (IllegalArgumentException e) {
                    return usageError(err, NLS.bind(Messages.Arguments_missingValue, DataFolder.OPTION));
                }
                if (arg.equals(DataFolder.OPTION)) {
                    i++;
                }
            } else {
                return usageError(err, NLS.bind(Messages.Arguments_unknownOption, arg));
            }
        }
        List<String> words = args.subList(i, args.size());
        if (!words.isEmpty() && words.get(0).equals("help")) {
            help = true;
            words = words.subList(1, words.size());
        }
        if (words.isEmpty()) {
            if (help) {
                out.print(overview());
                return ExitCode.OK;
            }
            return usageError(err, Messages.CommandLine_missingCommand);
        }

        List<Command> available = sortedCommands();
        Optional<Command> match = longestMatch(available, words);
        if (match.isEmpty()) {
            List<Command> group = group(available, words.get(0));
            if (!group.isEmpty() && (words.size() == 1 || isHelp(words.get(1)) || help)) {
                PrintStream stream = help || words.size() > 1 ? out : err;
                stream.print(groupHelp(words.get(0), group));
                return stream == out ? ExitCode.OK : ExitCode.USAGE;
            }
            return usageError(err, NLS.bind(Messages.CommandLine_unknownCommand, String.join(" ", words)));
        }

        Command command = match.get();
        List<String> rest = words.subList(command.name().split(" ").length, words.size());
        if (help || rest.stream().takeWhile(w -> !w.equals("--")).anyMatch(CommandLine::isHelp)) {
            out.print(command.usage());
            return ExitCode.OK;
        }

        // What of the named folder exists before the command, so that a failed command can take back what it made.
        NewFolders created = dataDir == null ? NewFolders.NONE : NewFolders.before(Path.of(dataDir));
        int exit = run(command, rest, dataDir, in, out, err);
        if (exit != ExitCode.OK) {
            created.removeIfNothingStored();
        }
        return exit;
    }

    private int run(Command command, List<String> rest, String dataDir, InputStream in, PrintStream out,
            PrintStream err) {
        Path folder;
        try {
            folder = dataDir != null ? dataFolder.use(Path.of(dataDir)) : dataFolder.path();
        } catch (DataFolderException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return ExitCode.FAILURE;
        }
        CommandContext context = new Context(in, out, err, folder);
        String prefix = PROGRAM + " " + command.name() + ": ";
        try {
            return command.run(context, rest);
        } catch (UsageException e) {
            err.println(prefix + e.getMessage());
            err.println(firstLine(command.usage()));
            err.println(NLS.bind(Messages.CommandLine_seeCommandHelp, PROGRAM + " " + command.name()));
            return ExitCode.USAGE;
        } catch (CommandException | DataFolderException e) {
            err.println(prefix + e.getMessage());
            debug(err, e);
            return ExitCode.FAILURE;
        } catch (RuntimeException e) {
            DataFolderException ordinary = dataFolderCause(e);
            // A layer in between (JPA, a service) may wrap what the data folder said: that is still no bug.
            err.println(prefix + (ordinary != null ? ordinary.getMessage()
                    : NLS.bind(Messages.CommandLine_internalError, e)));
            debug(err, e);
            return ExitCode.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static DataFolderException dataFolderCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataFolderException folder) {
                return folder;
            }
        }
        return null;
    }

    /** The text of {@code switchboard --help}. */
    String overview() {
        List<Command> available = sortedCommands();
        StringBuilder text = new StringBuilder();
        text.append(Messages.CommandLine_usage).append('\n').append('\n');
        text.append(Messages.CommandLine_description).append('\n').append('\n');
        text.append(Messages.CommandLine_commands).append('\n');
        appendTable(text, available.stream().map(c -> new String[] { c.name(), c.summary() }).collect(Collectors.toList()));
        text.append('\n').append(Messages.CommandLine_globalOptions).append('\n');
        appendTable(text, List.of(
                new String[] { DataFolder.OPTION + " DIR", Messages.CommandLine_optionDataDir },
                new String[] { "-nl LOCALE", Messages.CommandLine_optionNl },
                new String[] { "-h, --help", Messages.CommandLine_optionHelp }));
        text.append('\n').append(Messages.CommandLine_noCommand).append('\n');
        return text.toString();
    }

    private static String groupHelp(String groupName, List<Command> group) {
        StringBuilder text = new StringBuilder();
        text.append(NLS.bind(Messages.CommandLine_groupUsage, PROGRAM + " " + groupName)).append('\n').append('\n');
        text.append(Messages.CommandLine_commands).append('\n');
        appendTable(text, group.stream().map(c -> new String[] { c.name(), c.summary() }).collect(Collectors.toList()));
        text.append('\n').append(NLS.bind(Messages.CommandLine_seeCommandHelp, PROGRAM + " " + groupName + " COMMAND"))
                .append('\n');
        return text.toString();
    }

    private static void appendTable(StringBuilder text, List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            text.append("  ").append(row[0]).append(" ".repeat(width - row[0].length() + 3)).append(row[1]).append('\n');
        }
    }

    private List<Command> sortedCommands() {
        List<Command> snapshot = new ArrayList<>(commands);
        snapshot.sort(Comparator.comparing(Command::name));
        return snapshot;
    }

    private static Optional<Command> longestMatch(List<Command> available, List<String> words) {
        return available.stream()
                .filter(c -> startsWith(words, Arrays.asList(c.name().split(" "))))
                .max(Comparator.comparingInt(c -> c.name().split(" ").length));
    }

    private static List<Command> group(List<Command> available, String firstWord) {
        return available.stream().filter(c -> c.name().startsWith(firstWord + " ")).collect(Collectors.toList());
    }

    private static boolean startsWith(List<String> words, List<String> name) {
        return words.size() >= name.size() && words.subList(0, name.size()).equals(name);
    }

    private static boolean isHelp(String word) {
        return word.equals("--help") || word.equals("-h");
    }

    private static int usageError(PrintStream err, String message) {
        err.println(PROGRAM + ": " + message);
        err.println(Messages.CommandLine_usage);
        err.println(NLS.bind(Messages.CommandLine_seeCommandHelp, PROGRAM));
        return ExitCode.USAGE;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static void debug(PrintStream err, Exception e) {
        if (Boolean.getBoolean(DEBUG_PROPERTY)) {
            e.printStackTrace(err);
        }
    }

    private record Context(InputStream in, PrintStream out, PrintStream err, Path dataFolder) implements CommandContext {
    }
}
