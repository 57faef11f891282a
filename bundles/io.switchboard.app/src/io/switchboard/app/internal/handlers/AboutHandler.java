package io.switchboard.app.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import io.switchboard.app.internal.Messages;
import io.switchboard.core.DataFolder;

public class AboutHandler {

    @Execute
    void execute(Shell shell, DataFolder dataFolder) {
        MessageDialog.openInformation(shell, Messages.About_title, text(dataFolder));
    }

    static String text(DataFolder dataFolder) {
        return NLS.bind(Messages.About_text, new Object[] { FrameworkUtil.getBundle(AboutHandler.class).getVersion(),
                dataFolder.path(), System.getProperty("java.version") });
    }
}
