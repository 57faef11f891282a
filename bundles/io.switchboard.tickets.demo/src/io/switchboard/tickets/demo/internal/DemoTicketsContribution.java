package io.switchboard.tickets.demo.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.classifier.ClassifierException;
import io.switchboard.core.Progress;
import io.switchboard.customers.ContactKind;
import io.switchboard.customers.ContactPoint;
import io.switchboard.customers.Customer;
import io.switchboard.customers.CustomerRepository;
import io.switchboard.customers.DemoContribution;
import io.switchboard.customers.DemoDataGenerator.Scenario;
import io.switchboard.customers.Interaction.Channel;
import io.switchboard.customers.Interaction.Direction;
import io.switchboard.customers.demo.DemoCustomers;
import io.switchboard.tickets.ClassifierRetraining;
import io.switchboard.tickets.StaleTicketException;
import io.switchboard.tickets.Ticket;
import io.switchboard.tickets.TicketMessage;
import io.switchboard.tickets.TicketPriority;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketRepository;
import io.switchboard.tickets.TicketStatus;

/**
 * Demo tickets for the demo customers, through the public ticket services only. Most tickets were already worked
 * by the team (categorised, assigned, some answered and closed); a first classifier model is trained on them;
 * then the newest tickets arrive and are classified by that model, and the team reviews some of them, moving
 * misrouted ones and those for a queue opened after the training (which records corrections). A customer who already has tickets gets none, so the demo run
 * twice adds nothing; the same scenario and seed give the same tickets.
 */
@Component(service = DemoContribution.class)
public class DemoTicketsContribution implements DemoContribution {

    static final List<String> TEAM = List.of("anna", "ben", "chen", "dara");
    /** About one ticket in this many arrives after the model was trained. */
    static final int INCOMING_EVERY = 6;
    /**
     * Of the incoming tickets, the first and then every this many belongs to a queue opened after the model was
     * trained, and the next one reads like another queue's; both are reviewed by an agent.
     */
    static final int MISLEADING_EVERY = 3;

    @Reference
    private TicketRepository tickets;

    @Reference
    private CustomerRepository customers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClassifierRetraining retraining;

    private record Planned(long customerId, String customerName, DemoTickets.Draft draft, SplittableRandom random) {
    }

    @Override
    public String contribute(Scenario scenario, int count, long seed, Progress progress) {
        List<Planned> worked = new ArrayList<>();
        List<Planned> incoming = new ArrayList<>();
        DemoCustomers source = new DemoCustomers(scenario, seed);
        for (int i = 0; i < count; i++) {
            Customer generated = source.nextCustomer();
            Optional<String> email = generated.primary(ContactKind.EMAIL).map(ContactPoint::getValue);
            Optional<Customer> stored = email.flatMap(customers::findByEmail);
            if (stored.isEmpty() || tickets.count(TicketQuery.ALL.withCustomer(stored.get().getId())) > 0) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
            int roll = random.nextInt(10);
            int number = roll < 3 ? 0 : roll < 7 ? 1 : roll < 9 ? 2 : 3;
            for (int j = 0; j < number; j++) {
                Planned planned = new Planned(stored.get().getId(), stored.get().getName(),
                        DemoTickets.draft(scenario, random), random.split());
                (random.nextInt(INCOMING_EVERY) == 0 ? incoming : worked).add(planned);
            }
        }
        int total = worked.size() + incoming.size();
        if (total == 0) {
            return "tickets=0";
        }
        progress.begin(NLS.bind(Messages.Demo_task, total), total);
        int done = 0;
        for (Planned planned : worked) {
            if (progress.isCanceled()) {
                break;
            }
            createWorked(planned);
            progress.worked(++done);
        }
        String model = "none";
        ClassifierRetraining trainer = retraining;
        if (trainer != null && !progress.isCanceled()) {
            try {
                model = trainer.retrain(Progress.NONE).version();
            } catch (ClassifierException e) {
                // too few tickets for a model (a tiny demo): the tickets are there all the same
            }
        }
        progress.begin(NLS.bind(Messages.Demo_task, total), total);
        for (int i = 0; i < incoming.size() && !progress.isCanceled(); i++) {
            Planned planned = incoming.get(i);
            if (i % MISLEADING_EVERY == 0) {
                // the queue the team opened after the model was trained: moving a ticket there is a correction
                planned = new Planned(planned.customerId(), planned.customerName(),
                        DemoTickets.newQueue(scenario, planned.random()), planned.random());
                createIncoming(planned, true);
            } else if (i % MISLEADING_EVERY == 1) {
                // reads like another queue's: the team reviews it and moves it if the model was misled
                planned = new Planned(planned.customerId(), planned.customerName(),
                        DemoTickets.misleading(scenario, planned.random()), planned.random());
                createIncoming(planned, true);
            } else {
                createIncoming(planned, planned.random().nextBoolean());
            }
            progress.worked(++done);
        }
        return "tickets=" + done + " model=" + model;
    }

    /** A ticket the team has categorised and worked on, to learn from. */
    private void createWorked(Planned planned) {
        SplittableRandom random = planned.random();
        Ticket ticket = ticket(planned);
        ticket.setCategory(planned.draft().category());
        int roll = random.nextInt(20);
        TicketStatus status = roll < 2 ? TicketStatus.NEW : roll < 6 ? TicketStatus.OPEN
                : roll < 9 ? TicketStatus.PENDING : roll < 15 ? TicketStatus.RESOLVED : TicketStatus.CLOSED;
        ticket.setStatus(status);
        String agent = TEAM.get(random.nextInt(TEAM.size()));
        if (status != TicketStatus.NEW) {
            ticket.setAssignee(agent);
        }
        Ticket stored = tickets.create(ticket, channelName(ticket.getChannel()));
        if (status != TicketStatus.NEW && status != TicketStatus.OPEN) {
            tickets.addMessage(new TicketMessage(null, stored.getId(), Direction.OUTBOUND, agent, null,
                    reply(planned, status)));
        }
    }

    /** A ticket that arrives now: the model routes it; the team reviews some. */
    private void createIncoming(Planned planned, boolean reviewed) {
        SplittableRandom random = planned.random();
        Ticket ticket = ticket(planned);
        // Who created it is the channel it came through (the customer's timeline shows it as the agent).
        Ticket stored = tickets.create(ticket, channelName(ticket.getChannel()));
        if (reviewed) {
            String agent = TEAM.get(random.nextInt(TEAM.size()));
            stored.setStatus(TicketStatus.OPEN);
            stored.setAssignee(agent);
            // an agent moves a misrouted ticket to its queue: recorded as a correction for the next training
            stored.setCategory(planned.draft().category());
            try {
                tickets.save(stored, agent);
            } catch (StaleTicketException e) {
                // nobody else works on demo tickets while they are made
                throw new IllegalStateException(e);
            }
        }
    }

    private static Ticket ticket(Planned planned) {
        SplittableRandom random = planned.random();
        Ticket ticket = new Ticket(planned.customerId(), planned.draft().subject(), planned.draft().body());
        ticket.setType(planned.draft().type());
        int channel = random.nextInt(10);
        ticket.setChannel(channel < 6 ? Channel.MAIL : channel < 8 ? Channel.CHAT : Channel.PHONE);
        int priority = random.nextInt(10);
        ticket.setPriority(switch (planned.draft().type()) {
        case COMPLAINT -> priority < 5 ? TicketPriority.HIGH : priority < 7 ? TicketPriority.URGENT : TicketPriority.NORMAL;
        case FEEDBACK -> TicketPriority.LOW;
        case INQUIRY -> priority < 8 ? TicketPriority.NORMAL : TicketPriority.LOW;
        });
        ticket.setDueAt(Instant.now().plus(1 + random.nextInt(5), ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        return ticket;
    }

    private static String reply(Planned planned, TicketStatus status) {
        String name = planned.customerName() == null ? "" : " " + planned.customerName();
        return switch (status) {
        case PENDING -> "Hello" + name + ", thank you for your message. Could you send us a photo or your reference"
                + " number so we can look into it?";
        default -> "Hello" + name + ", we have taken care of it, you will receive a confirmation by e-mail. Kind"
                + " regards";
        };
    }

    private static String channelName(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
