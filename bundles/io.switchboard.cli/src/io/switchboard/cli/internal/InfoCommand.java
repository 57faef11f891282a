package io.switchboard.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;

/** {@code switchboard info}: what is installed and where it keeps its data, one {@code key=value} a line. */
@Component(service = Command.class)
public class InfoCommand implements Command {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return Messages.InfoCommand_summary;
    }

    @Override
    public String usage() {
        return NLS.bind(Messages.InfoCommand_usage, CommandLine.PROGRAM);
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        Arguments.parse(arguments, Set.of(), Set.of()).expectPositional();
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        context.out().println("version=" + bundle.getVersion());
        context.out().println("data_dir=" + context.dataFolder());
        context.out().println("java=" + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        context.out().println("os=" + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        context.out().println("locale=" + Locale.getDefault().toLanguageTag());
        context.out().println("bundles=" + bundle.getBundleContext().getBundles().length);
        return ExitCode.OK;
    }
}
