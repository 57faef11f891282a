package io.switchboard.customers.cli.tests;

import static io.switchboard.testing.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.cli.ExitCode;
import io.switchboard.customers.cli.internal.Messages;
import io.switchboard.testing.Cli.Run;
import io.switchboard.testing.Cli;

/** The contract that holds without touching the store: help, usage errors, and demo CSV files. */
class UsageAndDemoFileTest {

    @TempDir
    Path temp;

    @Test
    void customersGroupListsItsCommandsAndEachHasHelp() throws Exception {
        Run group = run("customers", "--help");
        assertEquals(ExitCode.OK, group.exit(), group.toString());
        for (String command : List.of("import", "count", "list", "export", "duplicates")) {
            assertTrue(group.out().contains("customers " + command), group.out());
            Run help = run("customers", command, "--help");
            assertEquals(ExitCode.OK, help.exit(), help.toString());
            assertTrue(help.out().startsWith("Usage: switchboard customers " + command), help.out());
        }
        assertTrue(run("--help").out().matches("(?s).*\\n  demo +Fill the store with demo customers\\n.*"));
        Run demo = run("help", "demo");
        assertTrue(demo.out().startsWith("Usage: switchboard demo --scenario ecommerce|travel|healthcare"), demo.out());
        assertTrue(run("customers", "import", "--help").out().contains("imported=N updated=U skipped=S"));
        assertTrue(run("customers", "list", "--help").out().contains("--limit N|all"));
    }

    @Test
    void everyTextHasAChineseTranslation() throws IOException {
        Set<String> english = keys(Locale.ROOT);
        ResourceBundle chinese = bundle(Locale.CHINESE);
        assertEquals(english, new HashSet<>(chinese.keySet()));
        ResourceBundle root = bundle(Locale.ROOT);
        for (String key : english) {
            assertNotEquals(root.getString(key), chinese.getString(key), key);
        }
        assertTrue(chinese.getString("Import_usage").contains("imported=N updated=U skipped=S"));
        assertTrue(chinese.getString("Demo_usage").contains("\u573a\u666f")); // "scenario"
    }

    @Test
    void unknownScenarioIsAUsageErrorNamingTheValidOnes() throws Exception {
        Run run = run("demo", "--scenario", "cruise");
        assertEquals(ExitCode.USAGE, run.exit(), run.toString());
        assertEquals("", run.out());
        assertEquals("switchboard demo: unknown scenario 'cruise' (valid: ecommerce, travel, healthcare)",
                run.errLines().get(0));
        assertTrue(run.errLines().get(1).startsWith("Usage: switchboard demo --scenario"), run.err());

        Run missing = run("demo");
        assertEquals(ExitCode.USAGE, missing.exit());
        assertTrue(missing.err().startsWith("switchboard demo: missing --scenario (one of ecommerce, travel, healthcare)"),
                missing.err());
        assertEquals(ExitCode.OK, run("demo", "--scenario", "TRAVEL", "--customers", "1", "--csv",
                temp.resolve("upper.csv").toString()).exit(), "scenario names ignore case");
    }

    @Test
    void badOptionsAndValuesAreUsageErrorsNamingThem() throws Exception {
        assertUsageError(run("customers", "list", "--limit", "0"), "switchboard customers list: option --limit: '0'");
        assertUsageError(run("customers", "list", "--limit", "many"), "switchboard customers list: option --limit: 'many'");
        assertUsageError(run("customers", "count", "--colour", "red"), "switchboard customers count: unknown option '--colour'");
        assertUsageError(run("customers", "count", "China"), "switchboard customers count: unexpected argument 'China'");
        assertUsageError(run("customers", "import"), "switchboard customers import: missing FILE.csv");
        assertUsageError(run("customers", "import", "a.csv", "--force"), "switchboard customers import: unknown option '--force'");
        assertUsageError(run("customers", "export"), "switchboard customers export: missing FILE.csv");
        assertUsageError(run("customers", "list", "--country"), "switchboard customers list: option --country needs a value");
        assertUsageError(run("customers", "duplicates", "--all"), "switchboard customers duplicates: unknown option '--all'");
        assertUsageError(run("demo", "--scenario", "travel", "--seed", "x1"), "switchboard demo: option --seed: 'x1'");
        assertUsageError(run("demo", "--scenario", "travel", "--customers", "0"), "switchboard demo: option --customers: 0");
        assertUsageError(run("demo", "--scenario", "travel", "--customers", "lots"), "switchboard demo: option --customers: 'lots'");
    }

    private static void assertUsageError(Run run, String firstLine) {
        assertEquals(ExitCode.USAGE, run.exit(), run.toString());
        assertEquals("", run.out(), run.toString());
        assertTrue(run.errLines().get(0).startsWith(firstLine), run.toString());
        assertTrue(run.errLines().get(1).startsWith("Usage: switchboard "), run.toString());
    }

    @Test
    void importOfAMissingFileIsOneLineNamingItAndExitOne() throws Exception {
        String missing = temp.resolve("nowhere.csv").toString();
        Run run = run("customers", "import", missing);
        assertEquals(ExitCode.FAILURE, run.exit(), run.toString());
        assertEquals("", run.out());
        assertEquals(List.of("switchboard customers import: cannot read " + missing + ": no such file"), run.errLines());

        Run folder = run("customers", "import", temp.toString());
        assertEquals(ExitCode.FAILURE, folder.exit(), folder.toString());
        assertEquals(1, folder.errLines().size(), folder.toString());
        assertTrue(folder.err().contains(temp.toString()), folder.toString());
    }

    @Test
    void demoCsvIsDeterministicAndInTheImportFormat() throws Exception {
        Path first = temp.resolve("first.csv");
        Path second = temp.resolve("second.csv");
        Path otherSeed = temp.resolve("other.csv");
        Run run = run("demo", "--scenario", "ecommerce", "--customers", "300", "--seed", "7", "--csv", first.toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertEquals("customers=300\n", run.out());
        assertEquals("", run.err());
        run("demo", "--scenario", "ecommerce", "--customers", "300", "--seed", "7", "--csv", second.toString());
        run("demo", "--scenario", "ecommerce", "--customers", "300", "--seed", "8", "--csv", otherSeed.toString());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertFalse(Files.readString(first).equals(Files.readString(otherSeed)));
        try (var files = Files.list(temp)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }

        List<List<String>> rows = new Cli.Run(0, Files.readString(first), "").csv();
        assertEquals(List.of("name", "email", "phone", "country", "city", "company", "loyalty_tier", "preferred_payment",
                "newsletter"), rows.get(0));
        assertEquals(301, rows.size());
        Set<String> emails = new HashSet<>();
        Set<String> countries = new HashSet<>();
        boolean chineseName = false;
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(9, row.size(), row.toString());
            assertTrue(emails.add(row.get(1).toLowerCase(Locale.ROOT)), "e-mail twice: " + row);
            assertTrue(row.get(1).matches("[a-z0-9.]+@[a-z0-9-]+\\.example"), row.toString());
            assertTrue(row.get(2).matches("\\+\\d{1,3}( [0-9-]+)+"), row.toString());
            countries.add(row.get(3));
            if (row.get(3).equals("China")) {
                chineseName |= row.get(0).codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            }
        }
        assertTrue(chineseName, "no Chinese names");
        assertTrue(countries.containsAll(Set.of("China", "Germany", "United States", "India", "Mexico")), countries.toString());

        Path travel = temp.resolve("travel.csv");
        run("demo", "--scenario", "travel", "--customers", "5", "--seed", "7", "--csv", travel.toString());
        assertTrue(Files.readString(travel).startsWith(
                "name,email,phone,country,city,company,passport_country,seat_preference,frequent_flyer_tier\r\n"));
    }

    @Test
    void demoCsvIntoAMissingFolderIsOneLineAndExitOne() throws Exception {
        Path file = temp.resolve("no/such/folder/demo.csv");
        Run run = run("demo", "--scenario", "healthcare", "--csv", file.toString());
        assertEquals(ExitCode.FAILURE, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("switchboard demo: cannot write " + file + ": folder "), run.err());
    }

    private static Set<String> keys(Locale locale) throws IOException {
        return new HashSet<>(bundle(locale).keySet());
    }

    private static ResourceBundle bundle(Locale locale) throws IOException {
        String name = "messages" + (locale.getLanguage().isEmpty() ? "" : "_" + locale.getLanguage()) + ".properties";
        try (var in = Messages.class.getResourceAsStream(name)) {
            return new PropertyResourceBundle(in);
        }
    }
}
