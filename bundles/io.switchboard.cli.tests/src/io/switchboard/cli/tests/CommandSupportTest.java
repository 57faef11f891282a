package io.switchboard.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.Commands;
import io.switchboard.cli.CsvListing;
import io.switchboard.cli.FileMessages;
import io.switchboard.cli.InputFile;
import io.switchboard.cli.Output;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;
import io.switchboard.core.Progress;

/** The pieces command bundles build their commands from, one by one, without the command line around them. */
class CommandSupportTest {

    private static final FileMessages FILES = new FileMessages("bad path {0}", "cannot read {0}: {1}", "no such file",
            "it is a folder", "permission denied");

    @TempDir
    Path temp;

    /** Standard streams in memory. */
    static final class Streams implements CommandContext {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out;
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        Streams() {
            this(null);
        }

        /** With {@code sink}, standard output goes there instead of into memory. */
        Streams(OutputStream sink) {
            out = new PrintStream(sink != null ? sink : outBytes, true, StandardCharsets.UTF_8);
        }

        @Override
        public InputStream in() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public PrintStream out() {
            return out;
        }

        @Override
        public PrintStream err() {
            return err;
        }

        @Override
        public Path dataFolder() {
            return Path.of(".");
        }

        String stdout() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String stderr() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static Arguments limitArgs(String... words) throws UsageException {
        return Arguments.parseOptions(List.of(words), Set.of("--limit"), Set.of());
    }

    @Test
    void limitIsAPositiveNumberOrAll() throws Exception {
        assertEquals(100, limitArgs().limitOption("--limit", 100));
        assertEquals(7, limitArgs("--limit", "7").limitOption("--limit", 100));
        assertEquals(7, limitArgs("--limit= 7 ").limitOption("--limit", 100));
        assertEquals(Long.MAX_VALUE, limitArgs("--limit", "ALL").limitOption("--limit", 100));
        for (String bad : List.of("0", "-3", "many", "")) {
            UsageException e = assertThrows(UsageException.class,
                    () -> limitArgs("--limit", bad).limitOption("--limit", 1));
            assertEquals("option --limit: '" + bad + "' is neither a whole number of at least 1 nor 'all'",
                    e.getMessage());
        }
    }

    @Test
    void aWholeNumberTooLargeForAnOptionNamesTheRange() throws Exception {
        Arguments args = Arguments.parseOptions(List.of("--customers", "1000000000000"), Set.of("--customers"),
                Set.of());
        assertEquals("option --customers: 1000000000000 is out of range; give a whole number from 1 to 2147483647",
                assertThrows(UsageException.class, () -> args.intOption("--customers", 10, 1)).getMessage());
        Arguments words = Arguments.parseOptions(List.of("--customers", "many"), Set.of("--customers"), Set.of());
        assertEquals("option --customers: 'many' is not a whole number",
                assertThrows(UsageException.class, () -> words.intOption("--customers", 10, 1)).getMessage());
        assertEquals(2147483647, Arguments.parseOptions(List.of("--customers", "2147483647"), Set.of("--customers"),
                Set.of()).intOption("--customers", 10, 1));
    }

    @Test
    void listCommandsShareTheirLimitOption() throws Exception {
        Arguments args = Arguments.parseOptions(List.of("--country", "CN", "--limit", "all"),
                CsvListing.options(Set.of("--country")), Set.of());
        assertEquals(Long.MAX_VALUE, CsvListing.limit(args));
        assertEquals("CN", args.option("--country"));
        assertEquals(100, CsvListing.limit(Arguments.parseOptions(List.of(), CsvListing.options(Set.of()), Set.of())));
    }

    @Test
    void optionsOnlyAndNothingRejectEveryStrayWord() throws Exception {
        assertEquals("x", Arguments.parseOptions(List.of("--name", "x"), Set.of("--name"), Set.of()).option("--name"));
        assertEquals("unexpected argument 'extra'", assertThrows(UsageException.class,
                () -> Arguments.parseOptions(List.of("extra"), Set.of(), Set.of())).getMessage());
        Arguments.expectNone(List.of());
        assertEquals("unknown option '--x'",
                assertThrows(UsageException.class, () -> Arguments.expectNone(List.of("--x"))).getMessage());
        assertEquals("unexpected argument 'y'",
                assertThrows(UsageException.class, () -> Arguments.expectNone(List.of("y"))).getMessage());
    }

    @Test
    void outputFormatsOneWayForEveryCommand() {
        assertEquals("a b c", Output.oneLine("a\n  b \r\nc"));
        assertEquals("", Output.oneLine(null));
        assertEquals("line 7: bad e-mail address", Output.rejectedLine(7, "bad e-mail\naddress"));
        assertEquals("imported=3 updated=0 skipped=2", Output.pairs("imported", 3, "updated", 0L, "skipped", 2));
        assertThrows(IllegalArgumentException.class, () -> Output.pairs("odd"));
        assertEquals("0.9375", Output.number(0.9375));
        assertEquals("0.3333", Output.number(1.0 / 3));
        assertEquals("240", Output.measure(240.0));
        assertEquals("0.5000", Output.measure(0.5));

        Streams streams = new Streams();
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("texts", 240.0);
        measures.put("cv_accuracy", 0.87654);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("c", "1.0");
        Output.keyValues(streams.out(), settings);
        Output.measures(streams.out(), measures);
        assertEquals("c=1.0\ntexts=240\ncv_accuracy=0.8765\n", streams.stdout());
    }

    @Test
    void stdoutIsUtf8AndAFailedStreamIsACommandFailure() throws Exception {
        Streams streams = new Streams();
        var writer = Output.stdout(streams);
        writer.write("Zoë 张伟\n");
        writer.flush();
        assertEquals("Zoë 张伟\n", streams.stdout());
        Output.checkStdout(streams);

        Streams broken = new Streams(failing());
        broken.out().print("x");
        broken.out().flush();
        assertEquals("cannot write to standard output",
                assertThrows(CommandException.class, () -> Output.checkStdout(broken)).getMessage());
    }

    @Test
    void csvListingStopsAtTheLimitAndSaysWhatItLeftOut() throws Exception {
        Streams streams = new Streams();
        CsvListing listing = CsvListing.start(streams, 3, List.of("id", "name"));
        assertTrue(listing.add(Arrays.asList("1", "Anna, \"the first\"")));
        assertTrue(listing.add(Arrays.asList("2", null)));
        assertTrue(listing.endPage(), "room for one more");
        assertEquals(1, listing.remaining());
        assertTrue(listing.add(List.of("3", "Carl")));
        assertFalse(listing.add(List.of("4", "Dora")), "beyond the limit");
        assertFalse(listing.endPage());
        assertFalse(listing.wantsMore());
        listing.finish(() -> 10, "listed the first {0} of {1} rows");
        assertEquals("id,name\r\n1,\"Anna, \"\"the first\"\"\"\r\n2,\r\n3,Carl\r\n", streams.stdout());
        assertEquals(3, listing.written());
        assertEquals("listed the first 3 of 10 rows\n", streams.stderr());
    }

    @Test
    void csvListingWithinTheLimitSaysNothingAndCountsNothing() throws Exception {
        Streams streams = new Streams();
        CsvListing listing = CsvListing.start(streams, Long.MAX_VALUE, List.of("id"));
        listing.add(List.of("1"));
        assertTrue(listing.endPage());
        listing.finish(() -> {
            throw new AssertionError("no count needed");
        }, "unused {0} {1}");
        assertEquals("", streams.stderr());
    }

    @Test
    void csvListingReportsAClosedStandardOutputAtTheEnd() throws Exception {
        Streams streams = new Streams(failing());
        CsvListing listing = CsvListing.start(streams, 10, List.of("id"));
        listing.add(List.of("1"));
        assertFalse(listing.endPage());
        assertFalse(listing.add(List.of("2")));
        CommandException e = assertThrows(CommandException.class, () -> listing.finish(() -> 2, "{0} {1}"));
        assertEquals("cannot write to standard output", e.getMessage());
    }

    @Test
    void inputFileProblemsAreOneLineNamingTheFile() throws Exception {
        Path file = Files.writeString(temp.resolve("in.csv"), "x");
        assertEquals(file, InputFile.readable(file.toString(), FILES));
        String missing = temp.resolve("missing.csv").toString();
        assertEquals("cannot read " + missing + ": no such file",
                assertThrows(CommandException.class, () -> InputFile.readable(missing, FILES)).getMessage());
        assertEquals("cannot read " + temp + ": it is a folder",
                assertThrows(CommandException.class, () -> InputFile.readable(temp.toString(), FILES)).getMessage());
        assertEquals("bad path a\u0000b",
                assertThrows(UsageException.class, () -> InputFile.path("a\u0000b", FILES)).getMessage());

        assertEquals("no such file", InputFile.reason(new NoSuchFileException("x"), FILES));
        assertEquals("permission denied", InputFile.reason(new AccessDeniedException("x"), FILES));
        assertEquals("disk on fire", InputFile.reason(new IOException("disk\n on fire"), FILES));
        assertEquals("IOException", InputFile.reason(new IOException(), FILES));

        assertEquals("in.csv has no header row",
                InputFile.cannotRead("in.csv", new IOException("in.csv has no header row"), FILES).getMessage());
        assertEquals("cannot read in.csv: disk on fire",
                InputFile.cannotRead("in.csv", new IOException("disk on fire"), FILES).getMessage());
        String absolute = Path.of("in.csv").toAbsolutePath().toString();
        assertEquals(absolute + " is empty",
                InputFile.cannotRead("in.csv", new IOException(absolute + " is empty"), FILES).getMessage());
    }

    @Test
    void terminalProgressDrawsOneLineInPlaceOnATerminalAndNothingElsewhere() {
        Streams streams = new Streams();
        TerminalProgress quiet = TerminalProgress.of(streams);
        quiet.begin("importing", 10);
        quiet.worked(5);
        quiet.message("line 3: bad");
        quiet.clear();
        assertEquals("line 3: bad\n", streams.stderr(), "not a terminal: only the messages");

        Streams terminal = new Streams();
        TerminalProgress progress = TerminalProgress.on(terminal.err(), true);
        progress.begin("importing", 10);
        progress.worked(5);
        assertEquals("\rimporting: 50%", terminal.stderr());
        progress.message("line 3: bad");
        assertTrue(terminal.stderr().endsWith("\r" + " ".repeat(14) + "\rline 3: bad\n"), terminal.stderr());
        progress.begin("training", -1);
        progress.worked(7);
        assertTrue(terminal.stderr().endsWith("\rtraining: 7"), terminal.stderr());
        progress.clear();
        assertTrue(terminal.stderr().endsWith("\r" + " ".repeat(11) + "\r"), terminal.stderr());
        assertFalse(progress.isCanceled());
        assertTrue(terminal.stdout().isEmpty());
    }

    @Test
    void commandsBindTheProgramAndFailWithoutTheirService() throws Exception {
        assertEquals("Usage: switchboard test echo", Commands.usage("Usage: {0} test echo"));
        assertEquals("the store is not available",
                assertThrows(CommandException.class, () -> Commands.service(null, "the store is not available"))
                        .getMessage());
        String service = "a service";
        assertSame(service, Commands.service(objects(service), "unused"));
        assertThrows(CommandException.class, () -> Commands.service(objects(null), "gone"));
    }

    private static <T> ComponentServiceObjects<T> objects(T service) {
        return new ComponentServiceObjects<>() {
            @Override
            public T getService() {
                return service;
            }

            @Override
            public void ungetService(T instance) {
            }

            @Override
            public ServiceReference<T> getServiceReference() {
                return null;
            }
        };
    }

    private static OutputStream failing() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }
        };
    }
}
