package io.switchboard.chat.cli.internal;

import java.io.PrintStream;
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

import io.switchboard.chat.Chatbot;
import io.switchboard.chat.LearnReport;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.InputFile;
import io.switchboard.cli.Output;
import io.switchboard.cli.TerminalProgress;
import io.switchboard.cli.UsageException;

/** {@code switchboard chat train --corpus PATH | --pairs FILE.csv}. */
@Component(service = Command.class)
public class TrainCommand implements Command {

    static final String CORPUS = "--corpus";
    static final String PAIRS = "--pairs";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Chatbot> chatbot;

    @Override
    public String name() {
        return "chat train";
    }

    @Override
    public String summary() {
        return Messages.Train_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Train_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parseOptions(arguments, Set.of(CORPUS, PAIRS), Set.of());
        String corpus = args.option(CORPUS);
        String pairs = args.option(PAIRS);
        if ((corpus == null) == (pairs == null)) {
            throw new UsageException(Messages.Train_oneSource);
        }
        Path path;
        if (corpus != null) {
            path = InputFile.path(corpus, Support.FILES);
            if (!Files.exists(path)) {
                throw new CommandException(NLS.bind(Messages.Chat_cannotRead, corpus, Messages.Chat_noSuchFile));
            }
        } else {
            path = InputFile.readable(pairs, Support.FILES);
        }
        Chatbot bot = Support.service(chatbot);
        TerminalProgress progress = TerminalProgress.of(context);
        LearnReport report;
        try {
            report = corpus != null ? bot.learnCorpus(path, progress) : bot.learnPairs(path, progress);
        } finally {
            progress.clear();
        }
        PrintStream err = context.err();
        for (LearnReport.Rejection rejection : report.rejected()) {
            err.println(rejection.line() > 0 ? rejection.file() + ": " + Output.rejectedLine(rejection.line(), rejection.reason())
                    : rejection.file() + ": " + Output.oneLine(rejection.reason()));
        }
        context.out().println(Output.pairs("learned", report.learned(), "duplicates", report.duplicates()));
        Output.checkStdout(context);
        return ExitCode.OK;
    }
}
