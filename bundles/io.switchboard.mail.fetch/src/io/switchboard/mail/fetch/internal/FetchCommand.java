package io.switchboard.mail.fetch.internal;

import java.util.List;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.Commands;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.Output;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;
import io.switchboard.mail.MailFetcher;
import io.switchboard.mail.MailFetcher.FetchReport;

/**
 * {@code switchboard mail fetch}: reads every mailbox with an IMAP server once and prints
 * {@code fetched=N tickets_new=T tickets_continued=C} (and {@code rejected=R} when some were refused). A mailbox
 * that cannot be read fails the command naming it, after the others were read.
 */
@Component(service = Command.class)
public class FetchCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<MailFetcher> fetcher;

    @Override
    public String name() {
        return "mail fetch";
    }

    @Override
    public String summary() {
        return Messages.Command_summary;
    }

    @Override
    public String usage() {
        return Commands.usage(Messages.Command_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments.expectNone(arguments);
        MailFetcher service = Commands.service(fetcher, Messages.Command_unavailable);
        TerminalProgress progress = TerminalProgress.of(context);
        FetchReport report;
        try {
            report = service.fetch(progress);
        } catch (MailFetchException e) {
            progress.clear();
            print(context, e.partial());
            throw new CommandException(Output.oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            progress.clear();
            throw new CommandException(Output.oneLine(String.valueOf(e.getMessage())), e);
        }
        progress.clear();
        print(context, report);
        return ExitCode.OK;
    }

    static String line(FetchReport report) {
        String line = "fetched=" + report.fetched() + " tickets_new=" + report.ticketsNew() + " tickets_continued="
                + report.ticketsContinued();
        return report.rejected() > 0 ? line + " rejected=" + report.rejected() : line;
    }

    private static void print(CommandContext context, FetchReport report) {
        if (report != null) {
            context.out().println(line(report));
        }
    }
}
