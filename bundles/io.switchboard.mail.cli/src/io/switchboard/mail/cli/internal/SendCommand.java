package io.switchboard.mail.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.InputFile;
import io.switchboard.cli.Output;
import io.switchboard.cli.UsageException;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;
import io.switchboard.mail.OutgoingMail;

/**
 * {@code switchboard mail send [--mailbox NAME] --to ADDRESS --subject S --text-file F [--html-file F]
 * [--attach F ...]}: queues the message (stored before any attempt), asks the sender to send it and waits for the
 * outcome. Prints {@code id=N state=sent|failed|queued}; a failure's or a retry's reason goes to standard error.
 */
@Component(service = Command.class)
public class SendCommand implements Command {

    static final String ATTACH = "--attach";
    static final Set<String> VALUES = Set.of("--mailbox", "--to", "--subject", "--text-file", "--html-file");
    /** How long the command waits for the server's answer before it leaves the message to the next run. */
    static final Duration WAIT = Duration.ofSeconds(60);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Outbox> outbox;

    @Override
    public String name() {
        return "mail send";
    }

    @Override
    public String summary() {
        return Messages.Send_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Send_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        // --attach may come several times; the other options once.
        List<String> rest = new ArrayList<>();
        List<Path> attachments = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            if (word.equals(ATTACH)) {
                if (i + 1 >= arguments.size()) {
                    throw new UsageException(NLS.bind(Messages.Config_missing, ATTACH));
                }
                attachments.add(InputFile.readable(arguments.get(++i), Support.FILES));
            } else if (word.startsWith(ATTACH + "=")) {
                attachments.add(InputFile.readable(word.substring(ATTACH.length() + 1), Support.FILES));
            } else {
                rest.add(word);
            }
        }
        Arguments args = Arguments.parseOptions(rest, VALUES, Set.of());
        for (String option : List.of("--to", "--subject", "--text-file")) {
            if (args.option(option) == null) {
                throw new UsageException(NLS.bind(Messages.Config_missing, option));
            }
        }
        String text = Support.readText(args.option("--text-file"));
        String html = args.option("--html-file") == null ? null : Support.readText(args.option("--html-file"));
        Outbox service = Support.service(outbox);
        OutboxEntry entry;
        try {
            entry = service.queue(new OutgoingMail(args.option("--mailbox"), List.of(args.option("--to")), List.of(),
                    List.of(), args.option("--subject"), text, html, attachments, null, null, null, List.of(),
                    System.getProperty("user.name")));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        service.sendNow();
        OutboxEntry last = entry;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            last = service.find(entry.id()).orElse(last);
            if (last.state() == OutboxState.SENT || last.state() == OutboxState.FAILED
                    || (last.state() == OutboxState.QUEUED && last.attempts() > 0)) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (last.lastError() != null) {
            context.err().println(Output.oneLine(last.lastError()));
        }
        context.out().println(Output.pairs("id", last.id(), "state", last.state().name().toLowerCase(Locale.ROOT)));
        return last.state() == OutboxState.FAILED ? ExitCode.FAILURE : ExitCode.OK;
    }
}
