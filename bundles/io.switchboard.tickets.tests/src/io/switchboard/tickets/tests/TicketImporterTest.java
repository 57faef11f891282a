package io.switchboard.tickets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.Progress;
import io.switchboard.core.csv.LineRange;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.InteractionLog;
import io.switchboard.testing.Services;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketImporter;
import io.switchboard.tickets.TicketImporter.Reject;
import io.switchboard.tickets.TicketImporter.Result;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketSummary;

/**
 * The ticket import as a service, without the command line: a real CSV file into the test run's Derby store, each
 * row created the way every ticket is (history, timeline), with its result, progress and re-run recognition.
 */
class TicketImporterTest {

    @TempDir
    Path folder;

    /** What the service reported, in order. */
    private static final class Recorded implements Progress {
        final List<String> tasks = new ArrayList<>();
        final List<Long> totals = new ArrayList<>();
        final List<Long> done = new ArrayList<>();

        @Override
        public void begin(String task, long totalWork) {
            tasks.add(task);
            totals.add(totalWork);
        }

        @Override
        public void worked(long units) {
            done.add(units);
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    }

    @Test
    void theServiceImportsAFileReportsRejectsByLineAndRecognisesItAgain() throws Exception {
        TicketImporter importer = Services.get(TicketImporter.class);
        TicketRepository tickets = Services.get(TicketRepository.class);
        Customer clara = Fixtures.customer("Clara Service");
        String email = clara.primary(ContactKind.EMAIL).orElseThrow().getValue();
        Path file = folder.resolve("service.csv");
        Files.writeString(file, String.join("\n",
                "subject,body,email,priority,source",                                // line 1
                "Card blocked,Please unblock it," + email + ",urgent,web",         // line 2
                "Nobody,Body,nobody@example.com,,web",                              // line 3
                "Two lines,\"first\nsecond\"," + email + ",,mail",                  // lines 4-5
                "Loud,Body," + email + ",shouting,web") + "\n", StandardCharsets.UTF_8);

        Recorded progress = new Recorded();
        Result first = importer.importCsv(file, progress);
        assertEquals(2, first.imported(), first.toString());
        assertEquals(2, first.skipped(), first.toString());
        assertEquals(List.of(3L, 6L), first.rejects().stream().map(Reject::line).toList(), first.toString());
        assertTrue(first.rejects().get(0).reason().contains("nobody@example.com"), first.toString());
        assertTrue(first.rejects().get(1).reason().startsWith("priority:"), first.toString());
        assertEquals(List.of(), first.already());
        assertEquals(1, first.warnings().size(), first.toString());
        assertTrue(first.warnings().get(0).contains("'source'"), first.toString());
        assertEquals(List.of("Importing tickets from service.csv"), progress.tasks);
        assertEquals(List.of(7L), progress.totals, "the lines of the file, counted before the import");
        assertEquals(7L, progress.done.get(progress.done.size() - 1));

        TicketQuery claras = TicketQuery.ALL.withCustomer(clara.getId()).sortedBy(TicketQuery.Sort.CREATED, true);
        List<TicketSummary> stored = tickets.list(claras);
        assertEquals(List.of("Card blocked", "Two lines"), stored.stream().map(TicketSummary::subject).toList());
        Ticket card = tickets.find(stored.get(0).id()).orElseThrow();
        assertEquals("first\nsecond", tickets.find(stored.get(1).id()).orElseThrow().getBody());
        // The one creation path: history under the import's name, the first message, the customer's timeline.
        assertEquals("import", tickets.history(card.getId()).get(0).agent());
        assertEquals("Please unblock it", tickets.conversation(card.getId()).get(0).body());
        List<Interaction> timeline = Services.get(InteractionLog.class).timeline(clara.getId(), 0, 10);
        assertTrue(timeline.stream().anyMatch(entry -> entry.getChannel() == Channel.TICKET
                && Long.toString(card.getId()).equals(entry.getReference())), timeline.toString());

        Result again = importer.importCsv(file, Progress.NONE);
        assertEquals(0, again.imported(), again.toString());
        assertEquals(4, again.skipped(), again.toString());
        assertEquals(List.of(new LineRange(2, 2), new LineRange(4, 4)), again.already());
        assertEquals(2, tickets.count(TicketQuery.ALL.withCustomer(clara.getId())));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedBeforeAnyRowIsWritten() throws Exception {
        TicketImporter importer = Services.get(TicketImporter.class);
        Customer dora = Fixtures.customer("Dora Latin");
        String email = dora.primary(ContactKind.EMAIL).orElseThrow().getValue();
        Path file = folder.resolve("late-latin1.csv");
        byte[] good = ("subject,body,email\nFine,Body," + email + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = ("Caf\u00e9,cr\u00e8me," + email + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] both = new byte[good.length + bad.length];
        System.arraycopy(good, 0, both, 0, good.length);
        System.arraycopy(bad, 0, both, good.length, bad.length);
        Files.write(file, both);
        IOException refused = assertThrows(IOException.class, () -> importer.importCsv(file, Progress.NONE));
        assertTrue(refused.getMessage().contains("late-latin1.csv") && refused.getMessage().contains("UTF-8")
                && refused.getMessage().contains("line 3"), refused.getMessage());
        assertEquals(0, Services.get(TicketRepository.class).count(TicketQuery.ALL.withCustomer(dora.getId())),
                "the good row before the bad bytes was not imported either");
    }
}
