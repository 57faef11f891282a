package io.switchboard.app.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

import io.switchboard.app.PreferencePageContribution;
import io.switchboard.app.internal.Messages;
import io.switchboard.app.internal.PreferencePages;
import io.switchboard.app.internal.parts.GeneralPreferencePage;
import io.switchboard.core.DataFolder;
import io.switchboard.core.Settings;

/**
 * Window &gt; Preferences: the General page, then the pages capabilities contribute as
 * {@link PreferencePageContribution} services.
 */
public class PreferencesHandler {

    @Execute
    void execute(Shell shell, Settings settings, DataFolder dataFolder, @Optional PreferencePages contributed) {
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("general", Messages.Preferences_general, null,
                GeneralPreferencePage.class.getName()) {
            @Override
            public void createPage() {
                setPage(new GeneralPreferencePage(settings, dataFolder));
            }
        });
        if (contributed != null) {
            for (PreferencePageContribution contribution : contributed.all()) {
                PreferenceNode node = new PreferenceNode(contribution.id(), contribution.label(), null, null) {
                    @Override
                    public void createPage() {
                        setPage(contribution.create(settings));
                    }
                };
                manager.addToRoot(node);
            }
        }
        new LocalizedPreferenceDialog(shell, manager).open();
    }

    /**
     * JFace labels the dialog's title and buttons from its own resources, which this product has in English only;
     * these come from our messages, so the dialog speaks the workbench's language.
     */
    public static final class LocalizedPreferenceDialog extends PreferenceDialog {

        LocalizedPreferenceDialog(Shell shell, PreferenceManager manager) {
            super(shell, manager);
        }

        @Override
        protected void configureShell(Shell newShell) {
            super.configureShell(newShell);
            newShell.setText(Messages.Preferences_title);
        }

        @Override
        protected Button createButton(Composite parent, int id, String label, boolean defaultButton) {
            String text = switch (id) {
            case IDialogConstants.OK_ID -> Messages.Preferences_applyAndClose;
            case IDialogConstants.CANCEL_ID -> Messages.Preferences_cancel;
            default -> label;
            };
            return super.createButton(parent, id, text, defaultButton);
        }
    }
}
