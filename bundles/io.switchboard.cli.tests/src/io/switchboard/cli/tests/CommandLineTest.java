package io.switchboard.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.switchboard.testing.Cli.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.application.ApplicationDescriptor;
import org.osgi.service.application.ApplicationHandle;

import io.switchboard.cli.ExitCode;
import io.switchboard.cli.internal.NewFolders;
import io.switchboard.core.DataFolder;
import io.switchboard.testing.Cli.Run;

class CommandLineTest {

    @TempDir
    Path temp;

    @Test
    void helpListsBuiltInCommandsAndCommandsOfOtherBundles() throws Exception {
        Run run = run("--help");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().startsWith("Usage: switchboard [--data-dir DIR] <command> [options]"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  info +Show the version.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  test echo +Print the words given.*"), run.out());
        assertTrue(run.out().contains("--data-dir DIR"), run.out());
        assertEquals(run.out(), run("help").out());
    }

    @Test
    void contributedSubcommandRunsWithItsOptions() throws Exception {
        Run run = run("test", "echo", "--upper", "hello", "world");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals("HELLO WORLD\n", run.out());
        Path expected = Path.of(System.getProperty(DataFolder.PROPERTY)).toAbsolutePath().normalize();
        assertTrue(run.err().contains("data folder " + expected), run.err());
    }

    @Test
    void eachCommandHasItsOwnHelp() throws Exception {
        Run run = run("test", "echo", "--help");
        assertEquals(ExitCode.OK, run.exit());
        assertTrue(run.out().startsWith("Usage: switchboard test echo"), run.out());
        Run info = run("help", "info");
        assertTrue(info.out().startsWith("Usage: switchboard info"), info.out());
        Run group = run("test", "--help");
        assertEquals(ExitCode.OK, group.exit());
        assertTrue(group.out().contains("test echo"), group.out());
    }

    @Test
    void unknownCommandIsAShortUsageMessageAndExitTwo() throws Exception {
        Run run = run("frobnicate");
        assertEquals(ExitCode.USAGE, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("switchboard: unknown command 'frobnicate'\n"), run.err());
        assertTrue(run.err().contains("Usage: switchboard"), run.err());
        assertTrue(run.err().lines().count() <= 3, run.err());
    }

    @Test
    void unknownOptionsAreUsageErrorsWhereverTheyStand() throws Exception {
        Run global = run("--colour", "info");
        assertEquals(ExitCode.USAGE, global.exit());
        assertTrue(global.err().startsWith("switchboard: unknown option '--colour'"), global.err());

        Run local = run("test", "echo", "--shout", "x");
        assertEquals(ExitCode.USAGE, local.exit());
        assertTrue(local.err().startsWith("switchboard test echo: unknown option '--shout'"), local.err());

        Run missing = run("--data-dir");
        assertEquals(ExitCode.USAGE, missing.exit());
        assertTrue(missing.err().contains("--data-dir needs a value"), missing.err());

        assertEquals(ExitCode.USAGE, run().exit());
    }

    @Test
    void commandFailureIsOneLineAndExitOne() throws Exception {
        Run run = run("test", "echo", "--fail", "the printer is on fire");
        assertEquals(ExitCode.FAILURE, run.exit());
        assertEquals("switchboard test echo: the printer is on fire\n", run.err());
    }

    @Test
    void aBugIsAnInternalErrorThatNamesTheLaunchersDebugOption() throws Exception {
        Run run = run("test", "echo", "--crash", "x");
        assertEquals(ExitCode.FAILURE, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("switchboard test echo: internal error: java.lang.IllegalStateException: a bug"),
                run.err());
        assertTrue(run.err().contains("switchboard --debug"), run.err());
        assertFalse(run.err().contains("-vmargs"), run.err());

        Run inUse = run("test", "echo", "--folder-in-use", "x");
        assertEquals(ExitCode.FAILURE, inUse.exit());
        assertEquals("switchboard test echo: the database in /data/db is in use by another Switchboard process\n",
                inUse.err(), "an ordinary situation, however wrapped, is no internal error");
    }

    @Test
    void foldersMadeForAFailedCommandAreTakenBackUnlessSomethingWasStored() throws Exception {
        Path typo = temp.resolve("no").resolve("such").resolve("data");
        NewFolders made = NewFolders.before(typo);
        Files.createDirectories(typo.resolve("models"));
        made.removeIfNothingStored();
        assertFalse(Files.exists(temp.resolve("no")), "the failed command left folders behind");
        assertTrue(Files.isDirectory(temp), "a folder that was there before stays");

        NewFolders stored = NewFolders.before(typo);
        Files.createDirectories(typo.resolve("db"));
        Files.writeString(typo.resolve("db").resolve("data"), "x");
        stored.removeIfNothingStored();
        assertTrue(Files.exists(typo.resolve("db").resolve("data")), "stored data is never deleted");

        Path existing = Files.createDirectories(temp.resolve("existing"));
        NewFolders none = NewFolders.before(existing);
        Files.createDirectories(existing.resolve("models"));
        none.removeIfNothingStored();
        assertTrue(Files.isDirectory(existing.resolve("models")), "only folders that were not there are removed");
    }

    @Test
    void unwritableDataFolderIsAClearOneLineError() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        Run run = run("--data-dir", file.resolve("data").toString(), "info");
        assertEquals(ExitCode.FAILURE, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("switchboard: "), run.err());
        assertTrue(run.err().contains(file.toString()), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void theEclipseApplicationRunsTheCommandLine() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(CommandLineTest.class).getBundleContext();
        ServiceReference<?>[] refs = context.getServiceReferences(ApplicationDescriptor.class.getName(),
                "(service.pid=io.switchboard.cli.app)");
        assertTrue(refs != null && refs.length == 1, "application io.switchboard.cli.app is not registered");
        ApplicationDescriptor descriptor = (ApplicationDescriptor) context.getService(refs[0]);

        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Object exit;
        try {
            ApplicationHandle handle = descriptor.launch(Map.of("application.args", new String[] { "info" }));
            exit = handle.getExitValue(TimeUnit.SECONDS.toMillis(30));
        } finally {
            System.setOut(originalOut);
        }
        assertEquals(Integer.valueOf(ExitCode.OK), exit);
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("version=0.1.0"), out);
        assertTrue(out.contains("data_dir="), out);
    }
}
