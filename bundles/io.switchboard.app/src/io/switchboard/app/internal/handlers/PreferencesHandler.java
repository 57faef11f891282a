package io.switchboard.app.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.app.internal.Messages;
import io.switchboard.app.internal.parts.GeneralPreferencePage;
import io.switchboard.core.DataFolder;
import io.switchboard.core.Settings;

/** Window &gt; Preferences. Later capabilities add their pages here. */
public class PreferencesHandler {

    @Execute
    void execute(Shell shell, Settings settings, DataFolder dataFolder) {
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("general", Messages.Preferences_general, null,
                GeneralPreferencePage.class.getName()) {
            @Override
            public void createPage() {
                setPage(new GeneralPreferencePage(settings, dataFolder));
            }
        });
        PreferenceDialog dialog = new PreferenceDialog(shell, manager);
        dialog.open();
    }
}
