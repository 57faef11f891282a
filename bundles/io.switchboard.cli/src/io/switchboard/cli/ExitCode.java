package io.switchboard.cli;

/** Exit codes of the {@code switchboard} command, shared by every command so scripts can rely on them. */
public final class ExitCode {

    /** The command did its work. */
    public static final int OK = 0;
    /** The command could not do its work; a one-line reason went to standard error. */
    public static final int FAILURE = 1;
    /** The command line itself was wrong: unknown command or option, missing value. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
