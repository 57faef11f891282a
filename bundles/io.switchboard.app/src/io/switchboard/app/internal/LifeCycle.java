package io.switchboard.app.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.dialogs.MessageDialog;

import io.switchboard.core.DataFolder;
import io.switchboard.core.DataFolderException;

/**
 * Chooses the data folder before any part opens, from the same {@code --data-dir} option the command line
 * takes, so the workbench and every service it starts agree on one folder.
 */
public class LifeCycle {

    @PostContextCreate
    void chooseDataFolder(IApplicationContext applicationContext, DataFolder dataFolder) {
        String[] args = (String[]) applicationContext.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> arguments = args == null ? List.of() : Arrays.asList(args);
        try {
            String option = DataFolder.optionValue(arguments);
            if (option != null) {
                dataFolder.use(Path.of(option));
            } else {
                dataFolder.path();
            }
        } catch (DataFolderException | IllegalArgumentException e) {
            String message = e instanceof DataFolderException ? e.getMessage() : Messages.LifeCycle_dataDirNeedsValue;
            System.err.println("switchboard: " + message);
            MessageDialog.openError(null, Messages.LifeCycle_cannotStart, message);
            // The workbench cannot work without its data; leaving now is clearer than a window that fails later.
            System.exit(1);
        }
    }
}
