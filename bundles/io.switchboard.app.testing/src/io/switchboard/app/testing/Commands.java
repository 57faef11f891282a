package io.switchboard.app.testing;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;

/** Runs workbench commands as the menu or a key binding would: through the active leaf's handler service. */
public final class Commands {

    private Commands() {
    }

    /** Whether the command's handler is enabled in the active context. */
    public static boolean canExecute(RunningWorkbench w, String commandId) {
        IEclipseContext context = w.window().getContext().getActiveLeaf();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(commandId, Map.of());
        return context.get(EHandlerService.class).canExecute(command);
    }

    /** Runs the command; fails when its handler is not enabled. */
    public static void execute(RunningWorkbench w, String commandId) {
        IEclipseContext context = w.window().getContext().getActiveLeaf();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(commandId, Map.of());
        EHandlerService handlers = context.get(EHandlerService.class);
        if (!handlers.canExecute(command)) {
            throw new AssertionError("cannot execute " + commandId);
        }
        handlers.executeHandler(command);
    }
}
