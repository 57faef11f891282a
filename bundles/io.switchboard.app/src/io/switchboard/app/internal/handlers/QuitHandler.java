package io.switchboard.app.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.app.internal.Messages;
import io.switchboard.app.internal.WorkbenchSettings;
import io.switchboard.core.Settings;

public class QuitHandler {

    @Execute
    void execute(IWorkbench workbench, Shell shell, Settings settings) {
        boolean confirm = Boolean.parseBoolean(settings.get(WorkbenchSettings.CONFIRM_EXIT, "false"));
        if (!confirm || MessageDialog.openConfirm(shell, Messages.Quit_title, Messages.Quit_question)) {
            workbench.close();
        }
    }
}
