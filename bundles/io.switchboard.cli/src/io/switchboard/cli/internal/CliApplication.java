package io.switchboard.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.switchboard.cli.ExitCode;

/**
 * The {@code switchboard} command as an Eclipse application. The extension registry creates it, so it reaches
 * the {@link CommandLine} component through the service registry; everything else happens in that component.
 */
public class CliApplication implements IApplication {

    private static final long SERVICE_WAIT_MS = TimeUnit.SECONDS.toMillis(30);

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> arguments = args == null ? List.of() : Arrays.asList(args);
        context.applicationRunning();

        BundleContext bundleContext = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<CommandLine, CommandLine> tracker = new ServiceTracker<>(bundleContext, CommandLine.class, null);
        tracker.open();
        try {
            CommandLine commandLine = tracker.waitForService(SERVICE_WAIT_MS);
            if (commandLine == null) {
                System.err.println(CommandLine.PROGRAM + ": " + Messages.CliApplication_notReady);
                return Integer.valueOf(ExitCode.FAILURE);
            }
            return Integer.valueOf(commandLine.execute(arguments, System.in, System.out, System.err));
        } finally {
            tracker.close();
            System.out.flush();
            System.err.flush();
        }
    }

    @Override
    public void stop() {
        // A command runs to its end or is interrupted with the process; nothing to release here.
    }
}
