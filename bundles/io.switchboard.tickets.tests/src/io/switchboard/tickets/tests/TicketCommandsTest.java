package io.switchboard.tickets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.switchboard.testing.Cli.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.classifier.LabeledText;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.cli.ExitCode;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.Customer;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.testing.Cli.Run;
import io.switchboard.testing.Services;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketSummary;
import io.switchboard.tickets.TicketType;

/** The ticket commands run in-process through the real command line, against the real store. */
class TicketCommandsTest {

    @TempDir
    Path folder;

    private final TicketRepository tickets = Services.get(TicketRepository.class);

    @Test
    void listAndCountFilterByStatusCategoryAndPlainTextSearch() throws Exception {
        Customer customer = Fixtures.customer("Clara Vogel");
        String queue = "cli-" + Fixtures.unique();
        Ticket open = new Ticket(customer.getId(), "Refund of 50% only, \"why\"?", "I paid in full");
        open.setCategory(queue);
        open.setStatus(TicketStatus.OPEN);
        open.setPriority(TicketPriority.HIGH);
        open.setType(TicketType.COMPLAINT);
        open.setAssignee("anna");
        long openId = tickets.create(open, "mail").getId();
        Ticket closed = new Ticket(customer.getId(), "Thanks", "All good now, 50 percent back");
        closed.setCategory(queue);
        closed.setStatus(TicketStatus.CLOSED);
        long closedId = tickets.create(closed, "mail").getId();

        Run list = run("tickets", "list", "--category", queue.toUpperCase());
        assertEquals(ExitCode.OK, list.exit(), list.toString());
        List<List<String>> rows = list.csv();
        assertEquals(List.of("id", "created", "status", "priority", "type", "category", "assignee", "customer_id",
                "customer", "subject"), rows.get(0));
        assertEquals(List.of(Long.toString(closedId), Long.toString(openId)),
                rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList(), "newest first");
        List<String> row = rows.get(2);
        assertEquals(List.of("open", "high", "complaint", queue, "anna", Long.toString(customer.getId()), "Clara Vogel",
                "Refund of 50% only, \"why\"?"), row.subList(2, 10));

        assertEquals("1\n", run("tickets", "count", "--category", queue, "--status", "new,OPEN").out());
        assertEquals("2\n", run("tickets", "count", "--category", queue, "--status", "open,closed").out());
        assertEquals("1\n", run("tickets", "count", "--category", queue, "--search", "50%").out(),
                "% is text: '50 percent' does not match");
        assertEquals("1\n", run("tickets", "count", "--category", queue, "--search", "\"WHY\"").out());

        Run limited = run("tickets", "list", "--category", queue, "--limit", "1");
        assertEquals(2, limited.csv().size());
        assertTrue(limited.err().contains("first 1 of 2"), limited.toString());

        Run badStatus = run("tickets", "list", "--status", "done");
        assertEquals(ExitCode.USAGE, badStatus.exit(), badStatus.toString());
        assertTrue(badStatus.err().contains("'done'") && badStatus.err().contains("new, open, pending, resolved, closed"),
                badStatus.toString());
        assertEquals("", badStatus.out());
        Run badLimit = run("tickets", "list", "--limit", "0");
        assertEquals(ExitCode.USAGE, badLimit.exit(), badLimit.toString());
    }

    @Test
    void importCreatesTicketsAndReportsEachBadRowByLine() throws Exception {
        Customer anna = Fixtures.customer("Anna Weber");
        String email = anna.primary(ContactKind.EMAIL).orElseThrow().getValue();
        Path file = folder.resolve("tickets.csv");
        Files.writeString(file, String.join("\n",
                "subject,body,email,type,priority,category,status,assignee,channel,tags",          // line 1
                "Late parcel,\"Where is my order, please?\"," + email + ",complaint,high,delivery,open,ben,chat,vip;late",
                "Hello,Body,nobody@example.com,,,,,,,",                                           // line 3
                "Wrong,Body," + email.toUpperCase() + ",question,,,,,,",                         // line 4
                ",\"\"," + email + ",,,,,,,",                                                    // line 5
                "Multi,\"first line",                                                            // line 6
                "second line\"," + email + ",feedback,,,,,,",                                   // line 7 (same record)
                "Short row," + email,                                                            // line 8
                "Price,\"It says \"\"free\"\", it was not\"," + email + ",,,,,,,") + "\n", StandardCharsets.UTF_8);

        Run run = run("tickets", "import", file.toString());
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertEquals("imported=3 skipped=4\n", run.out());
        List<String> errors = run.err().lines().toList();
        assertEquals(4, errors.size(), run.toString());
        assertTrue(errors.get(0).startsWith("line 3: email:") && errors.get(0).contains("nobody@example.com"),
                errors.get(0));
        assertTrue(errors.get(1).startsWith("line 4: type:") && errors.get(1).contains("'question'"), errors.get(1));
        assertTrue(errors.get(2).startsWith("line 5: subject:"), errors.get(2));
        assertTrue(errors.get(3).startsWith("line 8: ") && errors.get(3).contains("expected 10, found 2"),
                errors.get(3));

        List<TicketSummary> imported = tickets.list(TicketQuery.ALL.withCustomer(anna.getId())
                .sortedBy(TicketQuery.Sort.CREATED, true));
        assertEquals(List.of("Late parcel", "Multi", "Price"), imported.stream().map(TicketSummary::subject).toList());
        Ticket late = tickets.find(imported.get(0).id()).orElseThrow();
        assertEquals("Where is my order, please?", late.getBody());
        assertEquals(TicketType.COMPLAINT, late.getType());
        assertEquals(TicketPriority.HIGH, late.getPriority());
        assertEquals(TicketStatus.OPEN, late.getStatus());
        assertEquals("delivery", late.getCategory());
        assertEquals("ben", late.getAssignee());
        assertEquals(Channel.CHAT, late.getChannel());
        assertEquals(List.of("vip", "late"), List.copyOf(late.getTags()));
        assertEquals("first line\nsecond line", tickets.find(imported.get(1).id()).orElseThrow().getBody());
        assertEquals("It says \"free\", it was not", tickets.find(imported.get(2).id()).orElseThrow().getBody());
        assertEquals("import", tickets.history(late.getId()).get(0).agent());
    }

    @Test
    void importingTheSameFileAgainImportsOnlyRowsNotImportedBefore() throws Exception {
        Customer anna = Fixtures.customer("Anna Weber");
        String email = anna.primary(ContactKind.EMAIL).orElseThrow().getValue();
        TicketQuery annas = TicketQuery.ALL.withCustomer(anna.getId()).sortedBy(TicketQuery.Sort.CREATED, true);
        Path file = folder.resolve("again.csv");
        List<String> rows = new ArrayList<>(List.of("subject,body,email",   // line 1
                "First,One," + email,                                                   // line 2
                "Bad,Row,nobody@example.com",                                           // line 3
                "Second,\"Two,\nlines\"," + email,                                      // lines 4-5
                "Third,Three," + email));                                               // line 6
        Files.writeString(file, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);

        Run first = run("tickets", "import", file.toString());
        assertEquals("imported=3 skipped=1\n", first.out(), first.toString());
        assertEquals(List.of("line 3: email: no customer has the e-mail address 'nobody@example.com'"),
                first.err().lines().toList(), first.toString());

        Run again = run("tickets", "import", file.toString());
        assertEquals(ExitCode.OK, again.exit(), again.toString());
        assertEquals("imported=0 skipped=4\n", again.out(), again.toString());
        assertEquals(List.of("line 3: email: no customer has the e-mail address 'nobody@example.com'",
                "already imported: lines 2, 4..6"), again.err().lines().toList(), again.toString());
        assertEquals(List.of("First", "Second", "Third"),
                tickets.list(annas).stream().map(TicketSummary::subject).toList());

        // rows appended (or the rest of a file whose import was killed): only they are imported
        rows.add("Fourth,Four," + email);                                               // line 7
        rows.add("First,One," + email);                                                 // line 8, same text as line 2
        Files.writeString(file, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        Run extended = run("tickets", "import", file.toString());
        assertEquals("imported=2 skipped=4\n", extended.out(), extended.toString());
        assertTrue(extended.err().contains("already imported: lines 2, 4..6\n"), extended.toString());
        assertEquals(List.of("First", "Second", "Third", "Fourth", "First"),
                tickets.list(annas).stream().map(TicketSummary::subject).toList());

        // a changed row is a new row: it and the rows after it are imported
        rows.set(1, "First,One (edited)," + email);
        Files.writeString(file, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        Run edited = run("tickets", "import", file.toString());
        assertEquals("imported=5 skipped=1\n", edited.out(), edited.toString());
        assertFalse(edited.err().contains("already imported"), edited.toString());
    }

    @Test
    void aReferenceImportsItsTicketOnceWhicheverFileItComesIn() throws Exception {
        Customer ben = Fixtures.customer("Ben Kurz");
        String email = ben.primary(ContactKind.EMAIL).orElseThrow().getValue();
        TicketQuery bens = TicketQuery.ALL.withCustomer(ben.getId()).sortedBy(TicketQuery.Sort.CREATED, true);
        String prefix = "R-" + ben.getId() + "-";
        Path monday = folder.resolve("monday.csv");
        Files.writeString(monday, String.join("\n", "reference,subject,body,email",
                prefix + "1,Refund,Money back," + email,
                prefix + "2,Invoice,Wrong address," + email,
                "x".repeat(97) + ",Too long,Reference," + email,
                ",No reference,Body," + email) + "\n", StandardCharsets.UTF_8);
        Run first = run("tickets", "import", monday.toString());
        assertEquals("imported=3 skipped=1\n", first.out(), first.toString());
        assertEquals(List.of("line 4: reference: longer than 96 characters"), first.err().lines().toList());

        // another file, other order, one new reference and the referenced rows edited
        Path tuesday = folder.resolve("tuesday.csv");
        Files.writeString(tuesday, String.join("\n", "email,subject,body,reference",
                email + ",Invoice (again),Still wrong," + prefix + "2",
                email + ",Delivery,Late," + prefix + "3",
                email + ",Refund,Money back,  " + prefix + "1  ") + "\n", StandardCharsets.UTF_8);
        Run second = run("tickets", "import", tuesday.toString());
        assertEquals("imported=1 skipped=2\n", second.out(), second.toString());
        assertEquals(List.of("already imported: lines 2, 4"), second.err().lines().toList(), second.toString());
        assertEquals(List.of("Refund", "Invoice", "No reference", "Delivery"),
                tickets.list(bens).stream().map(TicketSummary::subject).toList());

        Run monday2 = run("tickets", "import", monday.toString());
        assertEquals("imported=0 skipped=4\n", monday2.out(), monday2.toString());
        assertEquals(4, tickets.count(TicketQuery.ALL.withCustomer(ben.getId())));
    }

    @Test
    void aFileThatCannotBeImportedIsRefusedNamingFileAndReasonAndWritesNothing() throws Exception {
        long before = tickets.count(TicketQuery.ALL);
        Path noEmail = folder.resolve("no-email.csv");
        Files.writeString(noEmail, "subject,body\nHello,World\n");
        Run missingColumn = run("tickets", "import", noEmail.toString());
        assertEquals(ExitCode.FAILURE, missingColumn.exit(), missingColumn.toString());
        assertTrue(missingColumn.err().contains("no-email.csv") && missingColumn.err().contains("'email'"),
                missingColumn.toString());
        assertFalse(missingColumn.err().contains("Exception"), missingColumn.toString());

        Run missing = run("tickets", "import", folder.resolve("nothing.csv").toString());
        assertEquals(ExitCode.FAILURE, missing.exit());
        assertTrue(missing.err().contains("nothing.csv") && missing.err().contains("no such file"), missing.toString());

        Path latin1 = folder.resolve("latin1.csv");
        Files.write(latin1, "subject,body,email\nCaf\u00e9,cr\u00e8me,x@example.com\n".getBytes(StandardCharsets.ISO_8859_1));
        Run notUtf8 = run("tickets", "import", latin1.toString());
        assertEquals(ExitCode.FAILURE, notUtf8.exit(), notUtf8.toString());
        assertTrue(notUtf8.err().contains("latin1.csv") && notUtf8.err().contains("UTF-8"), notUtf8.toString());

        Path empty = folder.resolve("empty.csv");
        Files.writeString(empty, "");
        Run noHeader = run("tickets", "import", empty.toString());
        assertEquals(ExitCode.FAILURE, noHeader.exit());
        assertTrue(noHeader.err().contains("no header"), noHeader.toString());

        assertEquals(before, tickets.count(TicketQuery.ALL));
    }

    @Test
    void classifierRetrainTrainsOnTheStoresTickets() throws Exception {
        Services.get(TicketClassifier.class); // the classifier is there (another test may have stopped it)
        Customer customer = Fixtures.customer("Retrain Cli");
        List<LabeledText> sample = Fixtures.sample();
        for (int i = 0; i < sample.size(); i += 10) {
            Ticket ticket = new Ticket(customer.getId(), null, sample.get(i).text());
            ticket.setCategory(sample.get(i).category());
            tickets.create(ticket, "agent");
        }
        Run run = run("classifier", "retrain");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        String version = run.out().lines().filter(l -> l.startsWith("version=")).findFirst().orElseThrow()
                .substring("version=".length());
        assertEquals(version, Services.get(TicketClassifier.class).activeModel().orElseThrow().version());
        int texts = Integer.parseInt(run.out().lines().filter(l -> l.startsWith("texts=")).findFirst().orElseThrow()
                .substring("texts=".length()));
        assertTrue(texts >= sample.size() / 10, run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("cv_accuracy=")), run.toString());

        Run help = run("classifier", "--help");
        assertTrue(help.out().contains("retrain") || help.err().contains("retrain"),
                "listed with the classifier's commands: " + help);
        Run extra = run("classifier", "retrain", "now");
        assertEquals(ExitCode.USAGE, extra.exit(), extra.toString());
        assertTrue(extra.err().contains("'now'") || extra.err().contains("now"), extra.toString());
        String unused = run.err().lines().collect(Collectors.joining("\n"));
        assertFalse(unused.contains("Exception"), unused);
    }
}
