package io.switchboard.chat.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.chat.BotAnswer;
import io.switchboard.chat.LearnReport;
import io.switchboard.chat.StatementPair;
import io.switchboard.chat.bot.internal.Bot;
import io.switchboard.core.Progress;
import io.switchboard.testing.LabeledSample;

/** The bot's engine on real corpus samples, in a folder of each test's own. */
class BotTest {

    static final String EN_HAND_OVER = "I'm not sure about that one. A person will answer you here shortly.";
    static final String ZH_HAND_OVER = "\u8fd9\u4e2a\u95ee\u9898\u6211\u4e0d\u592a\u786e\u5b9a\uff0c\u7a0d\u540e\u4f1a\u6709\u5de5\u4f5c\u4eba\u5458\u5728\u8fd9\u91cc\u56de\u590d\u60a8\u3002";

    @TempDir
    Path temp;

    private Bot bot(Path folder) {
        return new Bot(() -> folder, () -> Bot.DEFAULT_THRESHOLD);
    }

    private Path corpus() throws Exception {
        Path folder = temp.resolve("corpus");
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Files.createDirectories(folder);
        LabeledSample.copy("data/greetings-en.yml", folder);
        LabeledSample.copy("data/greetings-zh.yml", folder);
        return folder;
    }

    @Test
    void emptyKnowledgeHandsOverEverything() {
        Bot bot = bot(temp.resolve("chat"));
        assertEquals(0, bot.size());
        BotAnswer answer = bot.answer("Hello");
        assertTrue(answer.handOver());
        assertEquals(EN_HAND_OVER, answer.text());
        assertEquals(0, answer.confidence());
        BotAnswer chinese = bot.answer("\u4f60\u597d"); // 你好
        assertTrue(chinese.handOver());
        assertEquals(ZH_HAND_OVER, chinese.text());
        assertEquals("zh", chinese.language());
        assertTrue(bot.answer("   ").handOver());
        assertTrue(bot.suggest("Hello", 3).isEmpty());
    }

    @Test
    void answersEnglishAndChineseFromTheCorpusAndHandsOverWhatItDoesNotKnow() throws Exception {
        Bot bot = bot(temp.resolve("chat"));
        LearnReport report = bot.learnCorpus(corpus(), Progress.NONE);
        assertTrue(report.rejected().isEmpty(), report.toString());
        assertTrue(report.learned() > 30, report.toString());
        assertEquals(report.learned(), bot.size());

        BotAnswer hello = bot.answer("hello");
        assertFalse(hello.handOver(), hello.toString());
        assertTrue(Set.of("Hi", "Greetings!").contains(hello.text()), hello.toString());
        assertEquals("en", hello.language());
        assertTrue(hello.confidence() >= bot.threshold(), hello.toString());

        BotAnswer howAreYou = bot.answer("How are you doing?");
        assertTrue(Set.of("Good.", "Very well, thanks.", "Fine, and you?").contains(howAreYou.text()), howAreYou.toString());

        BotAnswer nihao = bot.answer("\u4f60\u597d"); // 你好
        assertFalse(nihao.handOver(), nihao.toString());
        assertEquals("zh", nihao.language());
        assertTrue(Set.of("\u55e8", "\u6b22\u8fce!").contains(nihao.text()), nihao.toString()); // 嗨, 欢迎!

        BotAnswer unknown = bot.answer("What is the airspeed velocity of an unladen swallow?");
        assertTrue(unknown.handOver(), unknown.toString());
        assertEquals(EN_HAND_OVER, unknown.text());
        assertTrue(unknown.confidence() < bot.threshold());

        BotAnswer unknownChinese = bot.answer("\u91cf\u5b50\u529b\u5b66\u662f\u4ec0\u4e48"); // 量子力学是什么
        assertTrue(unknownChinese.handOver(), unknownChinese.toString());
        assertEquals(ZH_HAND_OVER, unknownChinese.text());

        List<BotAnswer> suggestions = bot.suggest("Hi, how is it going?", 4);
        assertEquals(4, suggestions.size(), suggestions.toString());
        assertEquals(4, suggestions.stream().map(BotAnswer::text).distinct().count(), suggestions.toString());
        for (int i = 1; i < suggestions.size(); i++) {
            assertTrue(suggestions.get(i - 1).confidence() >= suggestions.get(i).confidence(), suggestions.toString());
        }
    }

    @Test
    void countsDuplicatesWithinAndAcrossRuns() throws Exception {
        Bot bot = bot(temp.resolve("chat"));
        LearnReport first = bot.learn(List.of(new StatementPair("Hello", "Hi"), new StatementPair(" hello ", "HI"),
                new StatementPair("Hello", "Hi there")), "test");
        assertEquals(2, first.learned());
        assertEquals(1, first.duplicates());
        LearnReport again = bot.learnCorpus(corpus(), Progress.NONE);
        LearnReport third = bot.learnCorpus(corpus(), Progress.NONE);
        assertEquals(0, third.learned());
        assertEquals(again.learned() + again.duplicates(), third.duplicates());
        assertEquals(2 + again.learned(), bot.size());
    }

    @Test
    void malformedYamlIsNamedWithItsLineAndEarlierKnowledgeStays() throws Exception {
        Bot bot = bot(temp.resolve("chat"));
        bot.learnCorpus(corpus(), Progress.NONE);
        long known = bot.size();
        Path bad = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(bad.resolve("a-good.yml"), "categories:\n- test\nconversations:\n- - What colour is the sky?\n  - Blue.\n",
                StandardCharsets.UTF_8);
        // line 5: a mapping where a sequence item was, with a tab: not YAML
        Files.writeString(bad.resolve("b-broken.yml"),
                "categories:\n- test\nconversations:\n- - Where is the moon?\n\t- : [unclosed\n", StandardCharsets.UTF_8);
        Files.writeString(bad.resolve("c-shape.yml"), "categories:\n- test\n", StandardCharsets.UTF_8);
        LearnReport report = bot.learnCorpus(bad, Progress.NONE);
        assertEquals(1, report.learned(), report.toString());
        assertEquals(2, report.rejected().size(), report.toString());
        LearnReport.Rejection broken = report.rejected().get(0);
        assertTrue(broken.file().endsWith("b-broken.yml"), broken.toString());
        assertEquals(5, broken.line(), broken.toString());
        assertTrue(report.rejected().get(1).file().endsWith("c-shape.yml"), report.toString());
        assertEquals(known + 1, bot.size());
        assertEquals("Blue.", bot.answer("What colour is the sky?").text());
        assertFalse(bot.answer("hello").handOver());
    }

    @Test
    void csvPairsWithBadLinesNamed() throws Exception {
        Bot bot = bot(temp.resolve("chat"));
        Path csv = temp.resolve("faq.csv");
        Files.writeString(csv, "question,answer\n"
                + "How do I reset my password?,\"Open Settings, then Security, then Reset.\"\n"
                + ",an answer without a question\n"
                + "\"Where is my parcel?\",\"Track it under Orders.\"\n"
                + "\"broken \"quote,x\n"
                + "What are your opening hours?,\"We are open\nfrom 9 to 5.\"\n", StandardCharsets.UTF_8);
        LearnReport report = bot.learnPairs(csv, Progress.NONE);
        assertEquals(3, report.learned(), report.toString());
        List<Long> lines = new ArrayList<>();
        report.rejected().forEach(r -> lines.add(r.line()));
        assertEquals(List.of(3L, 5L), lines, report.toString());
        assertEquals("Open Settings, then Security, then Reset.", bot.answer("how do I reset my password").text());
        assertEquals("We are open\nfrom 9 to 5.", bot.answer("What are your opening hours?").text());

        Path latin1 = temp.resolve("latin1.csv");
        Files.write(latin1, "question,answer\nCaf\u00e9?,Oui\n".getBytes(StandardCharsets.ISO_8859_1));
        LearnReport refused = bot.learnPairs(latin1, Progress.NONE);
        assertEquals(0, refused.learned());
        assertEquals(2, refused.rejected().get(0).line(), refused.toString());
        assertEquals(3, bot.size());

        Path header = temp.resolve("header.csv");
        Files.writeString(header, "q,a\nx,y\n", StandardCharsets.UTF_8);
        LearnReport badHeader = bot.learnPairs(header, Progress.NONE);
        assertEquals(1, badHeader.rejected().get(0).line(), badHeader.toString());
    }

    @Test
    void knowledgeSurvivesANewInstanceAndAnInterruptedWrite() throws Exception {
        Path folder = temp.resolve("chat");
        Bot bot = bot(folder);
        bot.learnCorpus(corpus(), Progress.NONE);
        bot.learn(List.of(new StatementPair("What is Switchboard?", "A helpdesk on your own machine.")), "test");
        long size = bot.size();
        // what a learning run killed while writing leaves behind
        Files.writeString(folder.resolve("pairs-123.tmp"), "half a segment", StandardCharsets.UTF_8);

        Bot restarted = bot(folder);
        assertEquals(size, restarted.size());
        assertEquals("A helpdesk on your own machine.", restarted.answer("what is switchboard").text());
        assertFalse(restarted.answer("\u4f60\u597d").handOver());

        restarted.clear();
        assertEquals(0, restarted.size());
        assertEquals(0, bot(folder).size());
    }

    @Test
    void aChitChatCorpusWithAFewRepeatedResponsesGetsNoResponseModel() throws Exception {
        // a few responses with several statements in a corpus that is mostly one statement per response: a model
        // over only those would be sure of one of them for any question
        Bot bot = bot(temp.resolve("chat"));
        bot.learnCorpus(corpus(), Progress.NONE);
        List<StatementPair> pairs = new ArrayList<>();
        for (String answer : new String[] { "Yes.", "No.", "Paris" }) {
            for (int i = 0; i < 5; i++) {
                pairs.add(new StatementPair(answer + " is the answer to question " + i, answer));
            }
        }
        bot.learnPairs(csv(pairs), Progress.NONE);
        assertEquals(0, bot.modelResponses());
        BotAnswer unrelated = bot.answer("Which is the answer to the question of life?");
        assertTrue(unrelated.confidence() < 0.85, unrelated.toString());
    }

    private Path csv(List<StatementPair> pairs) throws Exception {
        StringBuilder text = new StringBuilder("question,answer\n");
        for (StatementPair pair : pairs) {
            text.append('"').append(pair.statement()).append("\",\"").append(pair.response()).append("\"\n");
        }
        Path file = Files.createTempFile(temp, "pairs", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void wordsInMostStatementsDoNotHideTheAnswer() {
        // "my" and "card" are in every statement: more postings than a query reads; the rare word still finds it,
        // and the exact score of the best candidates counts the common words too
        List<StatementPair> pairs = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            pairs.add(new StatementPair("my card question number " + i, "Generic answer " + i));
        }
        pairs.add(new StatementPair("My card is frozen", "Unfreeze it in the app."));
        Bot bot = bot(temp.resolve("chat"));
        bot.learn(pairs, "generated");
        BotAnswer answer = bot.answer("my card is frozen");
        assertEquals("Unfreeze it in the app.", answer.text(), answer.toString());
        assertEquals(1.0, answer.confidence(), 1e-4, answer.toString());
        assertEquals("Generic answer 12345", bot.answer("my card question number 12345").text());
    }

    @Test
    void manySmallRunsAreCompactedWithoutLosingAPair() throws Exception {
        Path folder = temp.resolve("chat");
        Bot bot = bot(folder);
        for (int i = 0; i < 50; i++) {
            bot.learn(List.of(new StatementPair("conversation question " + i, "agent answer " + i)), "conversation " + i);
        }
        try (Stream<Path> files = Files.list(folder)) {
            long segments = files.filter(p -> p.getFileName().toString().startsWith("pairs-")).count();
            assertTrue(segments < 50, segments + " segments");
        }
        Bot restarted = bot(folder);
        assertEquals(50, restarted.size());
        for (int i = 0; i < 50; i++) {
            assertEquals("agent answer " + i, restarted.answer("conversation question " + i).text());
        }
    }

    @Test
    void aFaqIsAnsweredByItsResponses() throws Exception {
        // 12 categories of 20 Banking77 questions: 15 of each learned, 5 asked
        List<LabeledSample.Row> rows = LabeledSample.read("data/banking77-sample.csv");
        List<StatementPair> learned = new ArrayList<>();
        List<LabeledSample.Row> asked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (LabeledSample.Row row : rows) {
            int n = seen.merge(row.label(), 1, Integer::sum);
            if (n <= 15) {
                learned.add(new StatementPair(row.text(), "Answer about " + row.label()));
            } else {
                asked.add(row);
            }
        }
        Bot bot = bot(temp.resolve("chat"));
        bot.learn(learned, "faq");
        // the index has them at once, the response model follows from the background
        assertEquals("Answer about " + rows.get(0).label(), bot.answer(rows.get(0).text()).text());
        assertTrue(bot.awaitModel(120_000));
        assertEquals(12, bot.modelResponses());
        int right = 0;
        for (LabeledSample.Row row : asked) {
            List<BotAnswer> best = bot.suggest(row.text(), 1);
            if (!best.isEmpty() && best.get(0).text().equals("Answer about " + row.label())) {
                right++;
            }
        }
        assertTrue(right >= asked.size() * 0.8, right + " of " + asked.size());
        // the model was stored with the pairs: a new instance reads it back and answers the same
        Bot restarted = bot(temp.resolve("chat"));
        assertTrue(Files.isRegularFile(temp.resolve("chat").resolve(Bot.MODEL_FILE)));
        for (LabeledSample.Row row : asked) {
            assertEquals(bot.suggest(row.text(), 1), restarted.suggest(row.text(), 1));
        }
    }
}
