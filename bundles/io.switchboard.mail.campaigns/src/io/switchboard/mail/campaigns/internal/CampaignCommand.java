package io.switchboard.mail.campaigns.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import io.switchboard.cli.Commands;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.FileMessages;
import io.switchboard.cli.InputFile;
import io.switchboard.cli.Output;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;
import io.switchboard.customers.CustomerQuery;
import io.switchboard.mail.Campaigns;
import io.switchboard.mail.Campaigns.CampaignReport;

/**
 * {@code switchboard mail campaign --template FILE [--mailbox NAME] [--country C] [--tag T] [--search TEXT]
 * [--rate N]}: standard output is {@code queued=N}, then {@code sent=N failed=M skipped=K} when the outbox is done.
 */
@Component(service = Command.class)
public class CampaignCommand implements Command {

    static final String TEMPLATE = "--template";
    static final String MAILBOX = "--mailbox";
    static final String COUNTRY = "--country";
    static final String TAG = "--tag";
    static final String SEARCH = "--search";
    static final String RATE = "--rate";
    static final FileMessages FILES = new FileMessages(Messages.File_badPath, Messages.File_cannotRead,
            Messages.File_noSuchFile, Messages.File_isFolder, Messages.File_notReadable);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Campaigns> campaigns;

    @Override
    public String name() {
        return "mail campaign";
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
        Arguments args = Arguments.parseOptions(arguments, Set.of(TEMPLATE, MAILBOX, COUNTRY, TAG, SEARCH, RATE),
                Set.of());
        String name = args.option(TEMPLATE);
        if (name == null) {
            throw new UsageException(NLS.bind(Messages.Command_required, TEMPLATE));
        }
        double rate = 0;
        String rateText = args.option(RATE);
        if (rateText != null) {
            try {
                rate = Double.parseDouble(rateText);
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new UsageException(NLS.bind(Messages.Command_badRate, rateText));
            }
        }
        Path file = InputFile.readable(name, FILES);
        TemplateFile template;
        try {
            template = TemplateFile.read(file, name);
        } catch (CharacterCodingException e) {
            throw new CommandException(NLS.bind(Messages.File_notUtf8, name));
        } catch (IOException e) {
            throw InputFile.cannotRead(name, e, FILES);
        }
        CustomerQuery segment = CustomerQuery.ALL.withCountry(args.option(COUNTRY)).withTag(args.option(TAG))
                .withText(args.option(SEARCH));
        Campaigns service = Commands.service(campaigns, Messages.Command_unavailable);
        TerminalProgress progress = TerminalProgress.of(context);
        QueuedLine queued = new QueuedLine(progress, context);
        CampaignReport report;
        try {
            template.check(name);
            report = service.run(args.option(MAILBOX), template.subject(), template.body(), segment, rate,
                    CampaignRunner.AGENT, queued);
        } catch (IllegalArgumentException e) {
            throw new CommandException(Output.oneLine(e.getMessage()));
        } finally {
            progress.clear();
        }
        queued.print(report.queued());
        context.out().println(Output.pairs("sent", report.sent(), "failed", report.failed(), "skipped",
                report.skipped()));
        Output.checkStdout(context);
        return report.failed() > 0 ? ExitCode.FAILURE : ExitCode.OK;
    }

    /** Prints {@code queued=N} as soon as queueing is done (when the sending phase begins), once. */
    private static final class QueuedLine implements io.switchboard.core.Progress {
        private final TerminalProgress progress;
        private final CommandContext context;
        private boolean printed;

        QueuedLine(TerminalProgress progress, CommandContext context) {
            this.progress = progress;
            this.context = context;
        }

        @Override
        public void begin(String task, long totalWork) {
            if (task.equals(Messages.Campaign_sending)) {
                print(totalWork);
            }
            progress.begin(task, totalWork);
        }

        @Override
        public void worked(long done) {
            progress.worked(done);
        }

        @Override
        public boolean isCanceled() {
            return progress.isCanceled();
        }

        void print(long queued) {
            if (!printed) {
                printed = true;
                progress.clear();
                context.out().println(Output.pairs("queued", queued));
                context.out().flush();
            }
        }
    }

    /** A template file: UTF-8, {@code Subject: ...} on the first line, an empty line, then the body. */
    record TemplateFile(String subject, String body) {

        static final String SUBJECT = "Subject:";

        static TemplateFile read(Path file, String name) throws IOException, CommandException {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String[] lines = text.split("\r?\n", 3);
            if (lines.length == 0 || !lines[0].regionMatches(true, 0, SUBJECT, 0, SUBJECT.length())) {
                throw new CommandException(NLS.bind(Messages.File_noSubject, name));
            }
            String subject = lines[0].substring(SUBJECT.length()).strip();
            if (subject.isEmpty()) {
                throw new CommandException(NLS.bind(Messages.File_emptySubject, name));
            }
            if (lines.length < 2 || !lines[1].isBlank()) {
                throw new CommandException(NLS.bind(Messages.File_noEmptyLine, name));
            }
            String body = lines.length < 3 ? "" : lines[2];
            if (body.isBlank()) {
                throw new CommandException(NLS.bind(Messages.File_noBody, name));
            }
            return new TemplateFile(subject, body);
        }

        /** Placeholder syntax, reported with the file's line (the body starts on line 3). */
        void check(String name) throws CommandException {
            Templates templates = new Templates();
            try {
                templates.placeholders(subject);
            } catch (TemplateSyntaxException e) {
                throw new CommandException(NLS.bind(Messages.File_syntax, new Object[] { name, 1, e.reason() }));
            }
            try {
                templates.placeholders(body);
            } catch (TemplateSyntaxException e) {
                throw new CommandException(
                        NLS.bind(Messages.File_syntax, new Object[] { name, e.line() + 2, e.reason() }));
            }
        }
    }
}
