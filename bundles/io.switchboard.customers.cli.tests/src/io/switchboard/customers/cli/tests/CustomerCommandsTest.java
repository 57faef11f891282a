package io.switchboard.customers.cli.tests;

import static io.switchboard.testing.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.cli.ExitCode;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.CustomerSummary;
import io.switchboard.customers.InteractionLog;
import io.switchboard.testing.Cli.Run;
import io.switchboard.testing.Services;

/**
 * The customer commands against the real store (embedded Derby in the test data folder), through the command
 * line exactly as an admin's script runs them. Each test starts from an empty store.
 */
class CustomerCommandsTest {

    static final String HEADER = "id,name,email,phone,country,city,company";

    @TempDir
    Path temp;

    @BeforeEach
    void emptyStore() throws Exception {
        CustomerRepository repository = Services.get(CustomerRepository.class);
        List<CustomerSummary> page;
        while (!(page = repository.list(CustomerQuery.ALL.page(0, 500))).isEmpty()) {
            page.forEach(c -> repository.delete(c.id()));
        }
    }

    /** Five data rows: lines 4 and 6 are bad. */
    Path sample() throws Exception {
        return csv("sample.csv",
                "name,email,phone,country,city,company,loyalty_tier",
                "王小明,xiaoming.wang@qmail.example,+86 138 1234 5678,China,Shanghai,上海云帆科技有限公司,Gold",
                "Anna Weber,anna.weber@webpost.example,+49 151 23456789,Germany,Berlin,\"Weber, Schmidt & Co \"\"Nord\"\"\",Silver",
                ",nobody@webpost.example,,China,Beijing,,",
                "李娜,li.na@mail163.example,+86 139 8765 4321,China,Beijing,,",
                "Bob Stone,not-an-email,,United States,Boston,,");
    }

    Path csv(String name, String... lines) throws Exception {
        return Files.writeString(temp.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void importPrintsCountsOnStdoutAndRejectedRowsByLineOnStderr() throws Exception {
        Run run = run("customers", "import", sample().toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertEquals("imported=3 updated=0 skipped=2\n", run.out());
        List<String> err = run.errLines();
        assertEquals(3, err.size(), run.toString());
        assertEquals("column 'loyalty_tier' is kept as a custom field", err.get(0), run.toString());
        assertTrue(err.get(1).startsWith("line 4: ") && err.get(1).contains("name"), run.toString());
        assertTrue(err.get(2).startsWith("line 6: ") && err.get(2).contains("not-an-email"), run.toString());
        assertEquals("3\n", run("customers", "count").out());

        Run again = run("customers", "import", sample().toString());
        assertEquals(ExitCode.OK, again.exit(), again.toString());
        assertEquals("imported=0 updated=0 skipped=5\n", again.out(), "rows imported before are skipped");
        List<String> againErr = again.errLines();
        assertEquals(4, againErr.size(), again.toString());
        assertEquals("column 'loyalty_tier' is kept as a custom field", againErr.get(0), again.toString());
        assertTrue(againErr.get(1).startsWith("line 4: ") && againErr.get(2).startsWith("line 6: "), again.toString());
        assertEquals("already imported: lines 2..3, 5", againErr.get(3), again.toString());
        assertEquals("3\n", run("customers", "count").out());
    }

    @Test
    void dryRunCountsButWritesNothing() throws Exception {
        Run dry = run("customers", "import", sample().toString(), "--dry-run");
        assertEquals(ExitCode.OK, dry.exit(), dry.toString());
        assertEquals("imported=3 updated=0 skipped=2\n", dry.out());
        assertEquals(3, dry.errLines().size(), "the custom field column and two rejected rows: " + dry);
        assertEquals("0\n", run("customers", "count").out());
        assertEquals(HEADER + "\r\n", run("customers", "list").out());

        Run real = run("customers", "import", sample().toString());
        assertEquals("imported=3 updated=0 skipped=2\n", real.out(), "a dry run leaves no progress behind to resume");
    }

    @Test
    void unreadableFileIsOneLineNamingItAndExitOne() throws Exception {
        Path noName = csv("no-name.csv", "email,phone", "a@webpost.example,+49 30 1234567");
        Run run = run("customers", "import", noName.toString());
        assertEquals(ExitCode.FAILURE, run.exit(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("switchboard customers import: "), run.toString());
        assertTrue(run.err().contains("no-name.csv"), run.toString());
        assertFalse(run.err().contains("Exception"), run.toString());
    }

    @Test
    void countAndListFilterByCountryAndSearch() throws Exception {
        run("customers", "import", sample().toString());
        assertEquals("3\n", run("customers", "count").out());
        assertEquals("2\n", run("customers", "count", "--country", "China").out());
        assertEquals("2\n", run("customers", "count", "--country=china").out());
        assertEquals("1\n", run("customers", "count", "--search", "王").out());
        assertEquals("1\n", run("customers", "count", "--search", "WEBER").out());
        assertEquals("1\n", run("customers", "count", "--country", "China", "--search", "li.na").out());
        assertEquals("0\n", run("customers", "count", "--country", "Atlantis").out());

        Run china = run("customers", "list", "--country", "China");
        assertEquals(ExitCode.OK, china.exit(), china.toString());
        assertEquals("", china.err());
        assertTrue(china.out().startsWith(HEADER + "\r\n"), china.out());
        List<List<String>> rows = china.csv();
        assertEquals(3, rows.size(), china.out());
        List<String> names = rows.subList(1, 3).stream().map(r -> r.get(1)).collect(Collectors.toList());
        assertTrue(names.containsAll(List.of("王小明", "李娜")), names.toString());
        List<String> wang = rows.stream().filter(r -> r.get(1).equals("王小明")).findFirst().orElseThrow();
        assertEquals(List.of("xiaoming.wang@qmail.example", "China", "Shanghai", "上海云帆科技有限公司"),
                List.of(wang.get(2), wang.get(4), wang.get(5), wang.get(6)));
        assertTrue(wang.get(0).matches("\\d+"), wang.toString());
        assertTrue(wang.get(3).replaceAll("\\D", "").endsWith("13812345678"), wang.toString());

        Run weber = run("customers", "list", "--search", "weber");
        assertTrue(weber.out().contains(",\"Weber, Schmidt & Co \"\"Nord\"\"\"\r\n"), "RFC 4180 quoting: " + weber.out());
        assertEquals("Weber, Schmidt & Co \"Nord\"", weber.csv().get(1).get(6));
    }

    @Test
    void listStopsAtTheLimitAndSaysSoOnStderr() throws Exception {
        run("customers", "import", sample().toString());
        Run one = run("customers", "list", "--limit", "1");
        assertEquals(ExitCode.OK, one.exit(), one.toString());
        assertEquals(2, one.csv().size());
        assertEquals(List.of("listed the first 1 of 3 customers; use --limit all to list every one"), one.errLines());
        Run all = run("customers", "list", "--limit", "all");
        assertEquals(4, all.csv().size());
        assertEquals("", all.err());
        assertEquals("", run("customers", "list", "--limit", "3").err());
    }

    @Test
    void exportWritesTheImportFormatAndImportsBackUnchanged() throws Exception {
        run("customers", "import", sample().toString());
        List<List<String>> before = withoutIds(run("customers", "list").csv());
        Path export = temp.resolve("export.csv");
        Files.writeString(export, "an older export that must be replaced\n");

        Run run = run("customers", "export", export.toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertEquals("3\n", run.out());
        String text = Files.readString(export);
        assertTrue(text.startsWith("name,email,phone,country,city,company"), text);
        assertTrue(text.contains("loyalty_tier"), "custom fields are exported: " + text);
        try (var files = Files.list(temp)) {
            assertEquals(List.of("export.csv", "sample.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }

        Run china = run("customers", "export", temp.resolve("china.csv").toString(), "--country", "China");
        assertEquals("2\n", china.out());

        emptyStore();
        Run back = run("customers", "import", export.toString());
        assertEquals("imported=3 updated=0 skipped=0\n", back.out(), back.toString());
        assertEquals(List.of("column 'loyalty_tier' is kept as a custom field"), back.errLines());
        assertEquals(before, withoutIds(run("customers", "list").csv()));

        Run nowhere = run("customers", "export", temp.resolve("missing/out.csv").toString());
        assertEquals(ExitCode.FAILURE, nowhere.exit(), nowhere.toString());
        assertEquals(1, nowhere.errLines().size(), nowhere.toString());
        assertTrue(nowhere.err().contains("missing"), nowhere.toString());
    }

    @Test
    void duplicatesArePrintedOneBlockPerGroup() throws Exception {
        run("customers", "import", csv("dupes.csv",
                "name,email,phone,country,city",
                "Anna Weber,anna.weber@webpost.example,+49 151 23456789,Germany,Berlin",
                "Anna  Weber,anna.w@netzpost.example,+49 151 23456789,Germany,Berlin",
                "Jonas Fischer,jonas.fischer@webpost.example,+49 170 1111111,Germany,Hamburg",
                "陈静,chen.jing@qmail.example,+86 139 0000 1111,China,Chengdu").toString());
        Run run = run("customers", "duplicates");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertFalse(run.out().isEmpty(), run.toString());
        Pattern groupLine = Pattern.compile("group \\d+(\t(SAME_EMAIL|SAME_PHONE|SIMILAR_NAME)\t[^\t]*)+");
        Pattern customerLine = Pattern.compile("\\d+\t[^\t]*\t[^\t]*\t[^\t]*");
        List<String> blocks = List.of(run.out().split("\n\n"));
        for (int i = 0; i < blocks.size(); i++) {
            List<String> lines = blocks.get(i).lines().toList();
            assertTrue(groupLine.matcher(lines.get(0)).matches(), lines.get(0));
            assertTrue(lines.get(0).startsWith("group " + (i + 1) + "\t"), lines.get(0));
            assertTrue(lines.size() >= 3, "a group has at least two customers: " + blocks.get(i));
            for (String line : lines.subList(1, lines.size())) {
                assertTrue(customerLine.matcher(line).matches(), line);
            }
        }
        String first = blocks.get(0);
        assertTrue(first.contains("\tAnna Weber\tanna.weber@webpost.example\t") && first.contains("\tanna.w@netzpost.example\t"),
                first);
        assertFalse(run.out().contains("Jonas"), run.out());
        assertEquals(1, blocks.size(), "the Annas share a phone and a name: one group, not one per reason: " + run);
        assertTrue(first.startsWith("group 1\tSAME_PHONE\t+49 151 23456789\tSIMILAR_NAME\t"), first);
        assertEquals(List.of(blocks.size() + " groups of possible duplicates"), run.errLines());
    }

    @Test
    void importingAFileWithOtherHeaderSpellingsTwiceAddsNobody() throws Exception {
        Path people = csv("people.csv", "Name,E-Mail,Phone,Mobile Phone Carrier",
                "Emma Berg,emma.berg@webpost.example,+49 151 7654321,Vodafon",
                "Ole Berg,,+49 151 1234567,",
                "Mia Berg,,+49 151 1112223,O2");
        Run first = run("customers", "import", people.toString());
        assertEquals("imported=3 updated=0 skipped=0\n", first.out(), first.toString());
        assertEquals(List.of("column 'Mobile Phone Carrier' is kept as a custom field"), first.errLines(),
                "told once, not once per row");
        Run again = run("customers", "import", people.toString());
        assertEquals("imported=0 updated=0 skipped=3\n", again.out(), again.toString());
        assertEquals("3\n", run("customers", "count").out());
        assertTrue(run("customers", "list", "--search", "Emma").out().contains("emma.berg@webpost.example"),
                "E-Mail is the e-mail column");

        Path chinese = csv("chinese.csv", "姓名,电子邮件,电话,国家,城市,公司",
                "王芳,wang.fang@qmail.example,+86 138 0000 2222,中国,杭州,西湖茶业");
        Run chineseRun = run("customers", "import", chinese.toString());
        assertEquals("imported=1 updated=0 skipped=0\n", chineseRun.out(), chineseRun.toString());
        String listed = run("customers", "list", "--search", "王芳").out();
        assertTrue(listed.contains("wang.fang@qmail.example") && listed.contains("杭州") && listed.contains("西湖茶业"),
                listed);

        Path twice = csv("twice.csv", "Name,Phone,Tel", "Nils Berg,+49 151 9999999,+49 30 1234567");
        Run refused = run("customers", "import", twice.toString());
        assertEquals(ExitCode.FAILURE, refused.exit(), refused.toString());
        assertEquals("", refused.out());
        assertEquals(1, refused.errLines().size(), refused.toString());
        assertTrue(refused.err().contains("twice.csv") && refused.err().contains("'Tel'")
                && refused.err().contains("line 1"), refused.toString());
        assertEquals("4\n", run("customers", "count").out());
    }

    @Test
    void demoIsDeterministicAndRunningItTwiceAddsNothing() throws Exception {
        Run first = run("demo", "--scenario", "travel", "--customers", "20", "--seed", "7");
        assertEquals(ExitCode.OK, first.exit(), first.toString());
        assertTrue(first.out().matches("customers=20 transactions=\\d+ needs=\\d+ interactions=\\d+\n"), first.out());
        List<List<String>> listing = withoutIds(run("customers", "list", "--limit", "all").csv());
        assertEquals(21, listing.size());

        Run again = run("demo", "--scenario", "travel", "--customers", "20", "--seed", "7");
        assertEquals("customers=0 transactions=0 needs=0 interactions=0\n", again.out(), again.toString());

        emptyStore();
        Run fresh = run("demo", "--scenario", "travel", "--customers", "20", "--seed", "7");
        assertEquals(first.out(), fresh.out());
        assertEquals(listing, withoutIds(run("customers", "list", "--limit", "all").csv()));

        emptyStore();
        run("demo", "--scenario", "travel", "--customers", "20", "--seed", "8");
        assertFalse(listing.equals(withoutIds(run("customers", "list", "--limit", "all").csv())), "another seed, other data");
    }

    @Test
    void everyScenarioStoresCustomersWithTimelinesTheStoreAccepts() throws Exception {
        for (String scenario : List.of("ecommerce", "travel", "healthcare")) {
            Run run = run("demo", "--scenario", scenario, "--customers", "40", "--seed", "3");
            assertEquals(ExitCode.OK, run.exit(), run.toString());
            assertTrue(run.out().startsWith("customers=40 "), scenario + ": " + run);
        }
        assertEquals("120\n", run("customers", "count").out());
        assertTrue(Long.parseLong(run("customers", "count", "--country", "China").out().trim()) > 0);

        // A Chinese customer's timeline is written in Chinese.
        CustomerRepository repository = Services.get(CustomerRepository.class);
        InteractionLog log = Services.get(InteractionLog.class);
        CustomerSummary chinese = repository.list(CustomerQuery.ALL.withCountry("China").page(0, 1)).get(0);
        assertTrue(log.count(chinese.id()) > 0);
        String summaries = log.timeline(chinese.id(), 0, 100).stream().map(i -> i.getSummary() + " " + i.getBody())
                .collect(Collectors.joining("\n"));
        assertTrue(summaries.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                summaries);

        Run duplicates = run("customers", "duplicates");
        assertEquals(ExitCode.OK, duplicates.exit(), duplicates.toString());
        assertTrue(duplicates.out().startsWith("group 1\t"), "the demo enters a few customers twice: " + duplicates);
    }

    private static List<List<String>> withoutIds(List<List<String>> rows) {
        List<List<String>> result = new ArrayList<>();
        for (List<String> row : rows) {
            result.add(row.subList(1, row.size()));
        }
        return result;
    }
}
