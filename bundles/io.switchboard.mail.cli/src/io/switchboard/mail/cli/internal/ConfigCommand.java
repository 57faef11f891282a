package io.switchboard.mail.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
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
import io.switchboard.cli.Output;
import io.switchboard.cli.UsageException;
import io.switchboard.mail.Mailbox;
import io.switchboard.mail.Mailbox.Security;
import io.switchboard.mail.Mailbox.Server;
import io.switchboard.mail.Mailboxes;

/**
 * {@code switchboard mail config --mailbox NAME --smtp-host H --smtp-port P [--starttls|--ssl] [--user U]
 * [--password-stdin] --from ADDRESS [--imap-host H --imap-port P [--imap-starttls|--imap-ssl] [--imap-user U]]
 * [--test]}: adds or replaces a mailbox; the password (first line of standard input) goes to secure storage only.
 */
@Component(service = Command.class)
public class ConfigCommand implements Command {

    static final Set<String> VALUES = Set.of("--mailbox", "--smtp-host", "--smtp-port", "--user", "--from",
            "--imap-host", "--imap-port", "--imap-user", "--signature-file");
    static final Set<String> FLAGS = Set.of("--starttls", "--ssl", "--password-stdin", "--imap-starttls", "--imap-ssl",
            "--test");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<Mailboxes> mailboxes;

    @Override
    public String name() {
        return "mail config";
    }

    @Override
    public String summary() {
        return Messages.Config_summary;
    }

    @Override
    public String usage() {
        return Support.usage(Messages.Config_usage);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parseOptions(arguments, VALUES, FLAGS);
        String name = required(args, "--mailbox");
        String from = required(args, "--from");
        Server smtp = new Server(required(args, "--smtp-host"), port(args, "--smtp-port"),
                security(args, "--starttls", "--ssl"), args.option("--user", ""));
        Server imap = null;
        if (args.option("--imap-host") != null) {
            imap = new Server(args.option("--imap-host"), port(args, "--imap-port"),
                    security(args, "--imap-starttls", "--imap-ssl"), args.option("--imap-user", smtp.user()));
        } else if (args.option("--imap-port") != null || args.option("--imap-user") != null
                || args.flag("--imap-ssl") || args.flag("--imap-starttls")) {
            throw new UsageException(NLS.bind(Messages.Config_missing, "--imap-host"));
        }
        String signature = args.option("--signature-file") == null ? ""
                : Support.readText(args.option("--signature-file"));
        char[] password = null;
        if (args.flag("--password-stdin")) {
            try {
                String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new UsageException(Messages.Config_noPassword);
                }
                password = line.toCharArray();
            } catch (IOException e) {
                throw new CommandException(NLS.bind(Messages.Config_noPasswordRead, e.getMessage()));
            }
        }
        Mailboxes service = Support.service(mailboxes);
        try {
            service.save(new Mailbox(name, from, smtp, imap, signature));
            if (password != null) {
                service.setPassword(name, password);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException(e.getMessage());
        }
        context.out().println(Output.pairs("mailbox", name, "password", password != null ? "stored" : "unchanged"));
        if (args.flag("--test")) {
            Optional<String> failure = service.testConnection(name);
            if (failure.isPresent()) {
                context.err().println(Output.oneLine(failure.get()));
                context.out().println(Output.pairs("connection", "failed"));
                return ExitCode.FAILURE;
            }
            context.out().println(Output.pairs("connection", "ok"));
        }
        return ExitCode.OK;
    }

    private static String required(Arguments args, String option) throws UsageException {
        String value = args.option(option);
        if (value == null || value.isBlank()) {
            throw new UsageException(NLS.bind(Messages.Config_missing, option));
        }
        return value;
    }

    private static int port(Arguments args, String option) throws UsageException {
        required(args, option);
        int port = args.intOption(option, 0, 1);
        if (port > 65535) {
            throw new UsageException(NLS.bind(Messages.Config_badPort, option, port));
        }
        return port;
    }

    private static Security security(Arguments args, String starttls, String ssl) throws UsageException {
        if (args.flag(starttls) && args.flag(ssl)) {
            throw new UsageException(NLS.bind(Messages.Config_bothSecurity, starttls, ssl));
        }
        return args.flag(ssl) ? Security.SSL : args.flag(starttls) ? Security.STARTTLS : Security.NONE;
    }
}
