package io.switchboard.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** What a running command may use: its streams and the data folder chosen for this run. */
public interface CommandContext {

    InputStream in();

    /** Results, meant for other programs: CSV, numbers, one record a line. */
    PrintStream out();

    /** Messages for the person: progress, warnings, rejected input. */
    PrintStream err();

    /** The data folder of this run, created and checked writable. */
    Path dataFolder();
}
