package io.switchboard.cli;

import java.util.List;

/**
 * One subcommand of the {@code switchboard} command line, registered as a DS service. Any bundle adds
 * commands this way; the command line lists them in {@code --help} without knowing them in advance.
 *
 * <p>A name may have several words ({@code "customers import"}): commands that share a first word form a
 * group, and {@code switchboard customers --help} lists the group.
 */
public interface Command {

    /** The words that invoke the command, separated by single spaces, e.g. {@code "customers import"}. */
    String name();

    /** One line for the command list, in the user's language. */
    String summary();

    /**
     * The full help shown by {@code switchboard NAME --help}: a usage line, then options, in the user's language.
     */
    String usage();

    /**
     * Runs the command.
     *
     * @param context   streams, data folder and the process's input
     * @param arguments what follows the command's name; {@link Arguments#parse} splits it into options
     * @return the process exit code: {@link ExitCode#OK}, {@link ExitCode#FAILURE}, ...
     * @throws UsageException   when the arguments are wrong (exit code {@link ExitCode#USAGE})
     * @throws CommandException when the command cannot do its work (a one-line message, exit code
     *                          {@link ExitCode#FAILURE})
     */
    int run(CommandContext context, List<String> arguments) throws UsageException, CommandException;
}
