package io.switchboard.customers.cli.tests;

import static io.switchboard.testing.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.switchboard.cli.ExitCode;
import io.switchboard.testing.Cli.Run;

/** Runs only in the runtime started with {@code -nl zh} (see pom.xml). */
@Tag("chinese")
class ChineseHelpTest {

    @Test
    void helpAndUsageErrorsAreInChinese() throws Exception {
        Run group = run("customers", "--help");
        assertEquals(ExitCode.OK, group.exit(), group.toString());
        assertTrue(group.out().contains("\u4ece CSV \u6587\u4ef6\u5bfc\u5165\u5ba2\u6237"), group.out()); // 从 CSV 文件导入客户

        Run help = run("customers", "import", "--help");
        assertTrue(help.out().startsWith("\u7528\u6cd5\uff1aswitchboard customers import FILE.csv [--dry-run]\n"), // 用法：
                help.out());
        assertTrue(help.out().contains("imported=N updated=U skipped=S"), help.out());
        for (String command : new String[] { "count", "list", "export", "duplicates" }) {
            assertTrue(run("customers", command, "--help").out().startsWith("\u7528\u6cd5\uff1aswitchboard customers " + command));
        }
        assertTrue(run("demo", "--help").out().startsWith("\u7528\u6cd5\uff1aswitchboard demo --scenario"));

        Run bad = run("demo", "--scenario", "cruise");
        assertEquals(ExitCode.USAGE, bad.exit(), bad.toString());
        // 未知场景 'cruise'（可选值：...）
        assertEquals("switchboard demo: \u672a\u77e5\u573a\u666f 'cruise'\uff08\u53ef\u9009\u503c\uff1aecommerce, travel, healthcare\uff09",
                bad.errLines().get(0));
    }
}
