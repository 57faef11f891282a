package io.switchboard.chat.tests;

import static io.switchboard.testing.Cli.run;
import static io.switchboard.testing.Cli.runWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.switchboard.chat.Chatbot;
import io.switchboard.cli.ExitCode;
import io.switchboard.testing.Cli.Run;
import io.switchboard.testing.Services;

/** Runs only in the runtime started with {@code -nl zh} (see pom.xml). */
@Tag("chinese")
class ChineseChatTest {

    @Test
    void greetsAndHelpsInChinese() {
        Services.get(Chatbot.class).clear();
        Run chat = runWithInput("\u4f60\u597d\nexit\n", "chat");
        assertEquals(ExitCode.OK, chat.exit(), chat.toString());
        // 请问有什么可以帮助您？, then the hand-over in Chinese: the bot knows nothing
        assertEquals(List.of("\u8bf7\u95ee\u6709\u4ec0\u4e48\u53ef\u4ee5\u5e2e\u52a9\u60a8\uff1f", BotTest.ZH_HAND_OVER),
                chat.outLines());
        assertTrue(run("chat", "train", "--help").out().startsWith("\u7528\u6cd5\uff1aswitchboard chat train"));
    }
}
