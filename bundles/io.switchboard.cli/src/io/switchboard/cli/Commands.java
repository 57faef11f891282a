package io.switchboard.cli;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;

/** What every command bundle needs around its commands: the program's name and the services behind them. */
public final class Commands {

    /** The name of the command line program, as usage texts show it. */
    public static final String PROGRAM = "switchboard";

    private Commands() {
    }

    /** A usage text with the program's name bound to {@code {0}}. */
    public static String usage(String text) {
        return NLS.bind(text, PROGRAM);
    }

    /**
     * The service behind a reference. Commands hold {@link ComponentServiceObjects} instead of the service so that
     * the store is not started when the command line merely lists its commands: it starts on first use, after
     * {@code --data-dir} has chosen the folder it lives in.
     *
     * @param unavailable the failure's message when the service is missing from this installation
     */
    public static <T> T service(ComponentServiceObjects<T> objects, String unavailable) throws CommandException {
        T service = objects == null ? null : objects.getService();
        if (service == null) {
            throw new CommandException(unavailable);
        }
        return service;
    }
}
