package io.switchboard.chat.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.switchboard.testing.Cli.runWithInput;
import static io.switchboard.testing.Cli.runWithBytes;
import static io.switchboard.testing.Cli.run;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.chat.Chatbot;
import io.switchboard.chat.StatementPair;
import io.switchboard.cli.ExitCode;
import io.switchboard.testing.Cli.Run;
import io.switchboard.testing.LabeledSample;
import io.switchboard.testing.Services;

/** The chat commands' contract, run as the {@code switchboard} program runs them, on the test data folder. */
@Tag("english-only")
class ChatCommandsTest {

    @TempDir
    Path temp;

    @BeforeEach
    void forget() {
        Services.get(Chatbot.class).clear();
    }

    @Test
    void trainFromCorpusAndPairsThenAsk() throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        LabeledSample.copy("data/greetings-en.yml", corpus);
        LabeledSample.copy("data/greetings-zh.yml", corpus);
        Files.writeString(corpus.resolve("broken.yml"), "conversations:\n- - a\n  - b\n - c: [\n", StandardCharsets.UTF_8);
        Run train = run("chat", "train", "--corpus", corpus.toString());
        assertEquals(ExitCode.OK, train.exit(), train.toString());
        assertTrue(train.lastLine().matches("learned=\\d+ duplicates=\\d+"), train.toString());
        assertEquals(1, train.errLines().size(), train.toString());
        assertTrue(train.errLines().get(0).matches(".*broken\\.yml: line \\d+: .+"), train.toString());

        Run again = run("chat", "train", "--corpus", corpus.toString());
        assertTrue(again.lastLine().startsWith("learned=0 duplicates="), again.toString());

        Path pairs = temp.resolve("faq.csv");
        Files.writeString(pairs, "question,answer\nWhat is Switchboard?,\"A helpdesk, on your machine.\"\n,no question\n",
                StandardCharsets.UTF_8);
        Run faq = run("chat", "train", "--pairs", pairs.toString());
        assertEquals("learned=1 duplicates=0", faq.lastLine(), faq.toString());
        assertEquals(List.of(pairs + ": line 3: empty question or answer"), faq.errLines());

        byte[] input = concat("Hello\nwhat is switchboard\n".getBytes(StandardCharsets.UTF_8),
                new byte[] { 'C', 'a', 'f', (byte) 0xE9, '\n' }, "\u4f60\u597d\nquantum chromodynamics?\n".getBytes(StandardCharsets.UTF_8));
        Run ask = runWithBytes(input, "chat", "ask");
        assertEquals(ExitCode.OK, ask.exit(), ask.toString());
        List<String> lines = ask.outLines();
        assertEquals(5, lines.size(), ask.toString());
        assertTrue(lines.get(0).matches("(Hi|Greetings!)\t1\\.0000"), ask.toString());
        assertEquals("A helpdesk, on your machine.\t1.0000", lines.get(1));
        assertTrue(lines.get(2).startsWith(BotTest.EN_HAND_OVER + "\t0.0000"), ask.toString());
        assertTrue(lines.get(3).matches("(\u55e8|\u6b22\u8fce!)\t1\\.0000"), ask.toString());
        assertTrue(lines.get(4).startsWith(BotTest.EN_HAND_OVER + "\t0."), ask.toString());
        assertEquals(List.of("line 3: not valid UTF-8 text"), ask.errLines());
    }

    @Test
    void trainNeedsExactlyOneSource() {
        Run none = run("chat", "train");
        assertEquals(ExitCode.USAGE, none.exit(), none.toString());
        Run both = run("chat", "train", "--corpus", "a", "--pairs", "b.csv");
        assertEquals(ExitCode.USAGE, both.exit(), both.toString());
        Run missing = run("chat", "train", "--pairs", temp.resolve("none.csv").toString());
        assertEquals(ExitCode.FAILURE, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("no such file"), missing.toString());
    }

    @Test
    void theInteractiveLoopGreetsAnswersAndEndsOnExit() {
        Services.get(Chatbot.class).learn(List.of(new StatementPair("Hello", "Hi, nice to see you.")), "test");
        Run chat = runWithInput("Hello\n\nWho won the 1954 world cup?\nexit\nHello\n", "chat");
        assertEquals(ExitCode.OK, chat.exit(), chat.toString());
        assertEquals(List.of("How can I help you?", "Hi, nice to see you.", BotTest.EN_HAND_OVER), chat.outLines());
    }

    @Test
    void chatIsACommandAndAGroup() {
        Run help = run("chat", "--help");
        assertEquals(ExitCode.OK, help.exit());
        assertTrue(help.out().startsWith("Usage: switchboard chat [--handle HANDLE]\n"), help.out());
        assertTrue(help.out().contains("chat train"), help.out());
        assertTrue(run("chat", "train", "--help").out().startsWith("Usage: switchboard chat train --corpus PATH | --pairs FILE.csv\n"));
        assertTrue(run("chat", "ask", "--help").out().startsWith("Usage: switchboard chat ask\n"));
        Run overview = run("--help");
        assertTrue(overview.out().contains("chat train"), overview.out());
        Run unknown = run("chat", "tran");
        assertEquals(ExitCode.USAGE, unknown.exit(), unknown.toString());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
