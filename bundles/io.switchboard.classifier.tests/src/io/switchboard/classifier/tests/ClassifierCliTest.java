package io.switchboard.classifier.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.cli.ExitCode;
import io.switchboard.core.DataFolder;
import io.switchboard.testing.Cli;
import io.switchboard.testing.Services;

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
    void aDamagedActiveModelIsNamedWithTheWayBack() throws Exception {
        Cli.Run train = Cli.run("classifier", "train", "--data", sample.toString());
        assertEquals(ExitCode.OK, train.exit(), train.err());
        String damaged = train.outLines().get(0).substring("version=".length());
        Cli.Run before = Cli.run("classifier", "models");
        List<String> older = before.outLines().stream().map(l -> l.substring(2).split("\t")[0])
                .filter(v -> v.compareTo(damaged) < 0).toList();
        String previous = older.get(older.size() - 1);
        // Another process (the workbench) made it active; its file was damaged on disk afterwards.
        assertEquals(ExitCode.OK, Cli.run("classifier", "activate", previous).exit());
        Path models = Services.get(DataFolder.class).resolve("models");
        Path file = models.resolve(damaged).resolve("model.bin");
        byte[] bytes = Files.readAllBytes(file);
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 0x55;
        Files.write(file, flipped);
        Files.writeString(models.resolve("active"), damaged + "\n");
        Thread.sleep(1_200); // the service looks at the active version again after a second
        try {
            Cli.Run predict = Cli.runWithInput("my card\n", "classifier", "predict");
            assertEquals(ExitCode.FAILURE, predict.exit(), predict.toString());
            assertEquals(1, predict.errLines().size(), predict.err());
            assertTrue(predict.err().contains("the active model cannot be used: model version " + damaged
                    + " is damaged"), predict.err());
            assertTrue(predict.err().contains("switchboard classifier rollback"), predict.err());
            assertFalse(predict.err().contains("was not changed"), predict.err());

            Cli.Run list = Cli.run("classifier", "models");
            assertEquals(ExitCode.OK, list.exit(), list.err());
            String line = list.outLines().stream().filter(l -> l.startsWith("* ")).findFirst().orElseThrow();
            assertTrue(line.startsWith("* " + damaged + "\t") && line.endsWith("\tdamaged"), list.out());
            String sound = list.outLines().stream().filter(l -> l.startsWith("  " + previous + "\t")).findFirst()
                    .orElseThrow();
            assertFalse(sound.endsWith("\tdamaged"), list.out());
            assertTrue(list.err().contains(damaged) && list.err().contains("rollback"), list.err());

            Cli.Run rollback = Cli.run("classifier", "rollback");
            assertEquals(ExitCode.OK, rollback.exit(), rollback.err());
            assertTrue(rollback.out().startsWith("version=" + previous + "\n"), rollback.out());
            assertEquals(ExitCode.OK, Cli.runWithInput("my card\n", "classifier", "predict").exit());
        } finally {
            Files.write(file, bytes);
        }
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

        Path tiny = temp.resolve("tiny.csv");
        Files.writeString(tiny, "text,category\nmy card,card_arrival\nmy pin,change_pin\n");
        assertFailure("3-fold cross-validation needs at least 3 texts, the data has 2: give each category at least 3"
                + " texts", "classifier", "train", "--data", tiny.toString());

    }

    @Test
    void predictAnswersEveryLineBlankOrRefused() throws Exception {
        Cli.Run blank = Cli.runWithInput("my card\n\n   \nmy pin\n", "classifier", "predict");
        assertEquals(ExitCode.OK, blank.exit(), blank.toString());
        assertEquals("", blank.err());
        List<String> lines = blank.outLines();
        assertEquals(4, lines.size(), blank.toString());
        assertEquals("unsure\t0.0000", lines.get(1));
        assertEquals("unsure\t0.0000", lines.get(2));
        assertTrue(lines.get(3).matches("[a-z_]+\t[01]\\.\\d{4}"), lines.get(3));

        // A line the classifier refuses is answered too, named on stderr, and the exit code says so.
        String huge = "a ".repeat(1 << 19);
        Cli.Run refused = Cli.runWithInput(huge + "\nmy card\n" + huge + "\nmy pin\n", "classifier", "predict");
        assertEquals(ExitCode.FAILURE, refused.exit(), refused.toString());
        assertEquals(4, refused.outLines().size(), refused.toString());
        assertEquals("unsure\t0.0000", refused.outLines().get(0));
        assertEquals("unsure\t0.0000", refused.outLines().get(2));
        assertTrue(refused.outLines().get(3).matches("[a-z_]+\t[01]\\.\\d{4}"), refused.toString());
        List<String> err = refused.errLines();
        assertEquals(3, err.size(), refused.err());
        assertTrue(err.get(0).startsWith("line 1: text of ") && err.get(1).startsWith("line 3: "), refused.err());
        assertTrue(err.get(2).contains("2 of 4 lines were refused"), refused.err());
    }

    private static void assertFailure(String expected, String... args) throws Exception {
        Cli.Run run = Cli.run(args);
        assertEquals(ExitCode.FAILURE, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }
}
