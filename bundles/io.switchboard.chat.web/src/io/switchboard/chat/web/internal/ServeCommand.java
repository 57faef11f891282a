package io.switchboard.chat.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventHandler;

import io.switchboard.chat.ChatService;
import io.switchboard.chat.web.WebChatSettings;
import io.switchboard.cli.Arguments;
import io.switchboard.cli.Command;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.Commands;
import io.switchboard.cli.ExitCode;
import io.switchboard.cli.UsageException;

/**
 * {@code switchboard chat serve [--port P] [--bind ADDRESS]}: the web chat without the workbench. Prints the page's
 * address on standard output and serves until the process is stopped (Ctrl-C, SIGTERM) or the thread running the
 * command is interrupted; either way the server stops cleanly and the conversations stay.
 */
@Component(service = Command.class)
public class ServeCommand implements Command {

    static final String PORT = "--port";
    static final String BIND = "--bind";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<ChatService> chat;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public String name() {
        return "chat serve";
    }

    @Override
    public String summary() {
        return Messages.Serve_summary;
    }

    @Override
    public String usage() {
        return NLS.bind(Messages.Serve_usage, Commands.PROGRAM, Integer.toString(WebChatSettings.DEFAULT_PORT));
    }

    @Override
    public int run(CommandContext command, List<String> arguments) throws UsageException, CommandException {
        Arguments args = Arguments.parseOptions(arguments, Set.of(PORT, BIND), Set.of());
        int port = args.intOption(PORT, WebChatSettings.DEFAULT_PORT, 0);
        if (port > 65535) {
            throw new UsageException(NLS.bind(Messages.Serve_badPort, PORT, Integer.toString(port)));
        }
        String bind = args.option(BIND, WebChatSettings.DEFAULT_BIND).trim();
        ChatService service = Commands.service(chat, Messages.Serve_unavailable);

        ChatWebServer server = new ChatWebServer(service);
        try {
            server.start(bind, port);
        } catch (IOException | RuntimeException e) {
            throw new CommandException(NLS.bind(Messages.Serve_cannotListen, bind + ":" + port, e.getMessage()));
        }
        ServiceRegistration<EventHandler> events = ChatEvents.forward(context, server);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean said = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            // The process is ending (Ctrl-C, SIGTERM): stop and say so here, the JVM may end before run() returns.
            stop(server, events);
            if (!said.getAndSet(true)) {
                command.err().println(Messages.Serve_stopped);
                command.err().flush();
            }
            stopped.countDown();
        }, "web-chat-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        command.out().println(server.uri());
        command.out().flush();
        command.err().println(Messages.Serve_running);
        boolean interrupted = false;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the process is stopping: the hook stops the server
            }
            // Stopped before the interrupt is set again, so that Jetty's stop is not interrupted in turn.
            stop(server, events);
        }
        if (!said.getAndSet(true)) {
            command.err().println(Messages.Serve_stopped);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static synchronized void stop(ChatWebServer server, ServiceRegistration<EventHandler> events) {
        if (server.isRunning()) {
            try {
                events.unregister();
            } catch (IllegalStateException e) {
                // unregistered already, or the framework is stopping
            }
            server.stop();
        }
    }
}
