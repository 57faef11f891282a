package io.switchboard.classifier.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.cli.ExitCode;
import io.switchboard.testing.Cli;

/** The command-line contract of issue 4, run in-process through the CommandLine service. */
class ClassifierCliTest {

    private static final String LAST_LINE = "accuracy=[01]\\.\\d{4} macro_f1=[01]\\.\\d{4} n=\\d+";

    @TempDir
    static Path temp;
    static Path sample;

    @BeforeAll
    static void trainThroughTheCommandLine() throws Exception {
        sample = Fixtures.sampleFile(temp);
        Cli.Run run = Cli.run("classifier", "train", "--data", sample.toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().matches("(?s)version=\\d{8}-\\d{6}.*"), run.out());
        assertTrue(run.out().contains("\nsolver="), run.out());
        assertTrue(run.out().contains("\nc="), run.out());
        assertTrue(run.out().matches("(?s).*\\ncv_accuracy=0\\.\\d{4}\\n.*"), run.out());
    }

    @Test
    void evaluateEndsWithTheSummaryLine() throws Exception {
        Cli.Run run = Cli.run("classifier", "evaluate", "--data", sample.toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.lastLine().matches(LAST_LINE), run.lastLine());
        assertTrue(run.lastLine().endsWith(" n=240"), run.lastLine());
        assertTrue(run.out().contains("precision"), run.out());
        assertTrue(run.out().contains("card_arrival "), run.out());
        assertTrue(run.out().contains("confusions: "), run.out());
    }

    @Test
    void evaluateSplitTrainsOnEightyPercentAndScoresTwenty() throws Exception {
        Cli.Run run = Cli.run("classifier", "evaluate", "--data", sample.toString(), "--split", "0.2",
                "--seed", "42");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.lastLine().matches(LAST_LINE), run.lastLine());
        assertTrue(run.lastLine().endsWith(" n=48"), run.lastLine());
        Cli.Run folds = Cli.run("classifier", "evaluate", "--data", sample.toString(), "--folds", "3");
        assertEquals(ExitCode.OK, folds.exit(), folds.err());
        assertTrue(folds.lastLine().matches(LAST_LINE + "") && folds.lastLine().endsWith(" n=240"), folds.lastLine());
    }

    @Test
    void predictWritesCategoryTabConfidencePerLine() throws Exception {
        Cli.Run run = Cli.runWithInput("where is my card?\nI want to change my PIN\nzzz\n", "classifier", "predict");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        for (String line : lines) {
            assertTrue(line.matches("[A-Za-z_?]+\\t[01]\\.\\d{4}"), line);
        }
        assertTrue(lines.get(0).startsWith("card_arrival\t") || lines.get(0).startsWith("unsure\t"), lines.get(0));
        assertTrue(lines.get(1).startsWith("change_pin\t") || lines.get(1).startsWith("unsure\t"), lines.get(1));
    }

    @Test
    void modelsListsVersionsAndActivateSwitches() throws Exception {
        Cli.Run models = Cli.run("classifier", "models");
        assertEquals(ExitCode.OK, models.exit(), models.err());
        String active = models.out().lines().filter(l -> l.startsWith("* ")).findFirst().orElseThrow();
        String version = active.substring(2).split("\t")[0];
        Cli.Run activate = Cli.run("classifier", "activate", version);
        assertEquals(ExitCode.OK, activate.exit(), activate.err());
        assertTrue(activate.out().startsWith("version=" + version + "\n"), activate.out());

        Cli.Run unknown = Cli.run("classifier", "activate", "20000101-000000");
        assertEquals(ExitCode.FAILURE, unknown.exit());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().startsWith("switchboard classifier activate: no model version '20000101-000000'"),
                unknown.err());

        assertEquals(ExitCode.USAGE, Cli.run("classifier", "activate").exit());
        assertEquals(ExitCode.USAGE, Cli.run("classifier", "train").exit(), "--data is required");
        assertEquals(ExitCode.USAGE, Cli.run("classifier", "evaluate", "--data", "x.csv", "--split", "1.5").exit());
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksAreRead() throws Exception {
        Path file = temp.resolve("quoted.csv");
        Files.writeString(file, "category,text\r\n"
                + "card_arrival,\"My card, the new one, hasn't \"\"arrived\"\" yet\"\r\n"
                + "change_pin,\"How do I change\nmy PIN?\"\r\n");
        Cli.Run run = Cli.run("classifier", "evaluate", "--data", file.toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.lastLine().matches(LAST_LINE) && run.lastLine().endsWith(" n=2"), run.lastLine());
    }

    @Test
    void badInputIsAOneLineErrorWithExitOne() throws Exception {
        Path noColumn = temp.resolve("no-column.csv");
        Files.writeString(noColumn, "message,queue\nhello,x\n");
        assertFailure("no column 'text'", "classifier", "evaluate", "--data", noColumn.toString());
        assertFailure(noColumn.toString(), "classifier", "train", "--data", noColumn.toString());
        assertFailure("no column 'label'", "classifier", "train", "--data", noColumn.toString(), "--text-column",
                "message", "--label-column", "label");

        Path empty = temp.resolve("empty-text.csv");
        Files.writeString(empty, "text,category\nmy card,card_arrival\n\"\",change_pin\n");
        assertFailure(empty + ":3: empty text", "classifier", "train", "--data", empty.toString());

        Path huge = temp.resolve("huge.csv");
        Files.writeString(huge, "text,category\n" + "a ".repeat(1 << 19) + ",card_arrival\nmy pin,change_pin\n");
        assertFailure(huge + ":2: ", "classifier", "train", "--data", huge.toString());

        Path unknown = temp.resolve("unknown.csv");
        Files.writeString(unknown, "text,category\nmy card,card_arrival\nhello,no_such_queue\n");
        assertFailure(unknown + ":3: category 'no_such_queue' is unknown", "classifier", "evaluate", "--data",
                unknown.toString());

        Path broken = temp.resolve("broken.csv");
        Files.writeString(broken, "text,category\n\"never closed,card_arrival\n");
        assertFailure(broken + ":2: unterminated quoted field", "classifier", "train", "--data", broken.toString());

        assertFailure("no such file", "classifier", "train", "--data", temp.resolve("missing.csv").toString());

        Cli.Run emptyLine = Cli.runWithInput("my card\n\nmy pin\n", "classifier", "predict");
        assertEquals(ExitCode.FAILURE, emptyLine.exit());
        assertEquals("switchboard classifier predict: line 2: empty text\n", emptyLine.err());
        assertEquals(1, emptyLine.out().lines().count(), "the line before the bad one was answered");
    }

    private static void assertFailure(String expected, String... args) throws Exception {
        Cli.Run run = Cli.run(args);
        assertEquals(ExitCode.FAILURE, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }
}
