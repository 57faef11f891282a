package io.switchboard.mail.cli.internal;

import java.util.Arrays;
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
import io.switchboard.cli.CsvListing;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;
import io.switchboard.mail.Outbox;
import io.switchboard.mail.OutboxEntry;
import io.switchboard.mail.OutboxState;

/** {@code switchboard mail outbox [--state queued|sending|sent|failed] [--limit N|all]}: the outbox as a CSV table. */
@Component(service = Command.class)
public class OutboxCommand implements Command {

    static final List<String> HEADER = List.of("id", "state", "attempts", "queued_at", "sent_at", "mailbox", "to",
            "subject", "message_id", "last_error");
    private static final int PAGE = 500;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Outbox> outbox;

    @Override
    public String name() {
        return "mail outbox";
    }

    @Override
    public String summary() {
        return Messages.Outbox_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Outbox_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parseOptions(arguments, CsvListing.options(Set.of("--state")), Set.of());
        long limit = CsvListing.limit(args);
        OutboxState state = state(args.option("--state"));
        Outbox service = Support.service(outbox);
        CsvListing listing = CsvListing.start(context, limit, HEADER);
        while (listing.wantsMore()) {
            int size = (int) Math.min(PAGE, listing.remaining());
            List<OutboxEntry> page = service.list(state, (int) listing.written(), size);
            for (OutboxEntry e : page) {
                listing.add(Arrays.asList(Long.toString(e.id()), e.state().name().toLowerCase(Locale.ROOT),
                        Integer.toString(e.attempts()), e.queuedAt().toString(),
                        e.sentAt() == null ? null : e.sentAt().toString(), e.mailbox(), String.join(", ", e.to()),
                        e.subject(), e.messageId(), e.lastError()));
            }
            if (!listing.endPage() || page.size() < size) {
                break;
            }
        }
        listing.finish(() -> service.count(state), Messages.Outbox_truncated);
        return ExitCode.OK;
    }

    static OutboxState state(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        try {
            return OutboxState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(NLS.bind(Messages.Outbox_badState, value, "queued, sending, sent, failed"));
        }
    }
}
