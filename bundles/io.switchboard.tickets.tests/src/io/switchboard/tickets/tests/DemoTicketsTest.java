package io.switchboard.tickets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.switchboard.classifier.ModelInfo;
import io.switchboard.classifier.TicketClassifier;
import io.switchboard.cli.ExitCode;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.core.Progress;
import io.switchboard.customers.DemoDataGenerator;
import io.switchboard.customers.DemoDataGenerator.Scenario;
import io.switchboard.customers.Interaction;
import io.switchboard.customers.InteractionLog;
import io.switchboard.customers.demo.DemoCustomers;
import io.switchboard.testing.Cli;
import io.switchboard.testing.Services;
import io.switchboard.tickets.CategoryCorrection;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;
import io.switchboard.tickets.TicketSummary;

/** {@code switchboard demo} with the tickets installed: demo tickets for the demo customers, and a first model. */
class DemoTicketsTest {

    static final Pattern RESULT = Pattern.compile(
            "customers=(\\d+) transactions=\\d+ needs=\\d+ interactions=\\d+ tickets=(\\d+) model=(\\S+)\n");
    static final Set<String> WORKED = Set.of("account", "delivery", "payment", "product", "returns");
    /** With the queue the demo's team opens after the first model was trained. */
    static final Set<String> ECOMMERCE = Set.of("account", "delivery", "payment", "product", "returns", "warranty");

    private final TicketRepository tickets = Services.get(TicketRepository.class);

    @Test
    void theDemoAddsWorkedTicketsTrainsAModelAndRoutesTheNewestOnce() throws Exception {
        Services.get(TicketClassifier.class);
        // a seed of its own: the data folder may hold earlier runs' demo customers, which the demo skips
        long seed = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        int customers = 100;
        // the customers first, straight from the generator, so the tickets' own time shows apart
        long started = System.nanoTime();
        Services.get(DemoDataGenerator.class).generate(Scenario.ECOMMERCE, customers, seed, Progress.NONE);
        double customerSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        Instant ticketsFrom = Instant.now().minusMillis(1);
        Cli.Run first = Cli.run("demo", "--scenario", "ecommerce", "--customers",
                Integer.toString(customers), "--seed", Long.toString(seed));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(ExitCode.OK, first.exit(), first.toString());
        Matcher result = RESULT.matcher(first.out());
        assertTrue(result.matches(), first.out());
        assertEquals("0", result.group(1), "the customers were there already");
        int created = Integer.parseInt(result.group(2));
        String version = result.group(3);
        System.out.printf("demo with %d customers: customers %.1f s, then %s in %.1f s%n", customers,
                customerSeconds, first.out().trim(), seconds);

        ModelInfo active = Services.get(TicketClassifier.class).activeModel().orElseThrow();
        assertEquals(version, active.version(), "the model trained on the demo tickets is active");
        assertTrue(active.categories().containsAll(WORKED), active.categories().toString());

        // the demo's customers, found the way the demo finds them
        DemoCustomers source = new DemoCustomers(Scenario.ECOMMERCE, seed);
        List<Ticket> theirs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < customers; i++) {
            Customer generated = source.nextCustomer();
            String email = generated.primary(ContactKind.EMAIL).map(ContactPoint::getValue).orElseThrow();
            Customer stored = Services.get(CustomerRepository.class).findByEmail(email).orElseThrow();
            if (!seen.add(stored.getId())) {
                continue; // the demo enters a few customers twice
            }
            for (TicketSummary summary : tickets.list(TicketQuery.ALL.withCustomer(stored.getId()))) {
                // an earlier run's customer with the same e-mail address may have older tickets
                if (!summary.createdAt().isBefore(ticketsFrom)) {
                    theirs.add(tickets.find(summary.id()).orElseThrow());
                }
            }
        }
        assertEquals(created, theirs.size());
        assertTrue(created >= 80 && created <= 200, "about 1.3 tickets per customer: " + created);
        Set<TicketStatus> statuses = new HashSet<>();
        Set<String> assignees = new HashSet<>();
        int answered = 0;
        int suggested = 0;
        int misrouted = 0;
        for (Ticket ticket : theirs) {
            assertTrue(ticket.getCategory() == null || ECOMMERCE.contains(ticket.getCategory()), ticket.toString());
            statuses.add(ticket.getStatus());
            if (ticket.getAssignee() != null) {
                assignees.add(ticket.getAssignee());
            }
            if (tickets.conversation(ticket.getId()).size() > 1) {
                answered++;
            }
            if (ticket.getSuggestion() != null && ticket.getSuggestion().modelVersion().equals(version)) {
                suggested++;
                boolean movedByAgent = tickets.history(ticket.getId()).stream()
                        .anyMatch(c -> c.field().equals("category") && !c.agent().equals("classifier"));
                if (movedByAgent && !ticket.getSuggestion().category().equals(ticket.getCategory())) {
                    misrouted++;
                    List<CategoryCorrection> corrections = tickets.corrections().stream()
                            .filter(c -> c.ticketId() == ticket.getId()).toList();
                    assertEquals(1, corrections.size(), "a misrouted ticket moved by an agent is a correction");
                    assertEquals(ticket.getCategory(), corrections.get(0).corrected());
                }
            }
        }
        assertTrue(statuses.size() >= 4, "worked tickets in many states: " + statuses);
        checkTimelineNamesTheTicketsOwnChannel(theirs);
        assertTrue(Set.of("anna", "ben", "chen", "dara").containsAll(assignees) && assignees.size() >= 3,
                assignees.toString());
        assertTrue(answered > 0, "some tickets have the team's reply");
        assertTrue(suggested > 0, "the newest tickets were classified by the demo's model");
        System.out.printf("demo tickets: %d, classified by the new model: %d, corrected: %d%n", created, suggested,
                misrouted);
        assertTrue(theirs.stream().anyMatch(t -> "warranty".equals(t.getCategory()) && t.getAssignee() != null),
                "the team moved tickets to the queue opened after the training");
        if (!active.categories().contains("warranty")) {
            // a fresh store: the demo's model cannot know the new queue, so each of those moves is a correction
            // (a data folder holding an earlier demo's tickets trains a model that knows it already)
            assertTrue(misrouted > 0, "tickets moved to the new queue recorded corrections");
        }
        assertTrue(seconds < 60, "the README's first command stays quick: tickets and model in " + seconds + " s");

        Cli.Run again = Cli.run("demo", "--scenario", "ecommerce", "--customers",
                Integer.toString(customers), "--seed", Long.toString(seed));
        assertEquals("customers=0 transactions=0 needs=0 interactions=0 tickets=0\n", again.out(), again.toString());
    }

    /**
     * A ticket that came in through a channel names that channel as who created it in the customer's timeline
     * (its Agent column): a phone ticket must not read "mail" there.
     */
    private static void checkTimelineNamesTheTicketsOwnChannel(List<Ticket> theirs) {
        InteractionLog log = Services.get(InteractionLog.class);
        Set<String> channels = new HashSet<>();
        for (Interaction.Channel channel : Interaction.Channel.values()) {
            channels.add(channel.name().toLowerCase(Locale.ROOT));
        }
        int checked = 0;
        for (Ticket ticket : theirs) {
            String own = ticket.getChannel().name().toLowerCase(Locale.ROOT);
            for (Interaction entry : log.timeline(ticket.getCustomerId(), 0, 1000)) {
                if (entry.getChannel() == Interaction.Channel.TICKET
                        && String.valueOf(ticket.getId()).equals(entry.getReference())
                        && channels.contains(entry.getAgent())) {
                    assertEquals(own, entry.getAgent(), "timeline entry of ticket " + ticket.getId() + " ("
                            + ticket.getChannel() + ") names another channel as its agent");
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "no ticket's timeline entry names its channel");
    }
}
