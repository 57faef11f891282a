package io.switchboard.tickets.cli.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.Commands;
import io.switchboard.cli.FileMessages;
import io.switchboard.cli.UsageException;
import io.switchboard.tickets.TicketQuery;
import io.switchboard.tickets.TicketStatus;

/** What the ticket commands share: filters, service access, file messages. */
final class Support {

    static final String STATUS = "--status";
    static final String CATEGORY = "--category";
    static final String ASSIGNEE = "--assignee";
    static final String SEARCH = "--search";
    static final Set<String> FILTERS = Set.of(STATUS, CATEGORY, ASSIGNEE, SEARCH);
    static final FileMessages FILES = new FileMessages(Messages.Tickets_badPath, Messages.Import_cannotRead,
            Messages.Tickets_noSuchFile, Messages.Tickets_isFolder, Messages.Tickets_notReadable);

    private Support() {
    }

    static String usage(String text) {
        return Commands.usage(text);
    }

    /** Every ticket matching the filters, newest first. */
    static TicketQuery query(Arguments args) throws UsageException {
        return TicketQuery.ALL.withStatuses(statuses(args.option(STATUS))).withCategory(args.option(CATEGORY))
                .withAssignee(args.option(ASSIGNEE)).withText(args.option(SEARCH));
    }

    /** {@code open} or {@code new,open,pending}, any case; an unknown word is a usage error listing the valid ones. */
    static Set<TicketStatus> statuses(String value) throws UsageException {
        if (value == null) {
            return Set.of();
        }
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        for (String word : value.split(",")) {
            if (word.isBlank()) {
                continue;
            }
            try {
                statuses.add(TicketStatus.valueOf(word.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(NLS.bind(Messages.Tickets_badStatus, word.trim(), names(TicketStatus.values())));
            }
        }
        if (statuses.isEmpty()) {
            throw new UsageException(NLS.bind(Messages.Tickets_badStatus, value, names(TicketStatus.values())));
        }
        return statuses;
    }

    static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** The service behind a reference, got only when a command runs (see {@link Commands#service}). */
    static <T> T service(ComponentServiceObjects<T> objects) throws CommandException {
        return Commands.service(objects, Messages.Tickets_storeUnavailable);
    }
}
