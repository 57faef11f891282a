package io.switchboard.app.internal.parts;

import java.util.Arrays;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.switchboard.app.internal.Messages;
import io.switchboard.app.internal.WorkbenchSettings;
import io.switchboard.core.DataFolder;
import io.switchboard.core.Settings;

/** General preferences, kept in the data folder's settings so the CLI and the workbench read the same values. */
public class GeneralPreferencePage extends PreferencePage {

    private static final String[] LANGUAGES = { "", "en", "zh" };

    private final Settings settings;
    private final DataFolder dataFolder;
    private Button confirmExit;
    private Combo language;

    public GeneralPreferencePage(Settings settings, DataFolder dataFolder) {
        super(Messages.Preferences_general);
        this.settings = settings;
        this.dataFolder = dataFolder;
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);

        new Label(page, SWT.NONE).setText(Messages.Preferences_dataFolder);
        Text folder = new Text(page, SWT.BORDER | SWT.READ_ONLY);
        folder.setText(dataFolder.path().toString());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(folder);

        new Label(page, SWT.NONE).setText(Messages.Preferences_language);
        language = new Combo(page, SWT.READ_ONLY);
        language.setItems(Messages.Preferences_languageAutomatic, "English", "\u4e2d\u6587");
        String current = settings.get(WorkbenchSettings.LANGUAGE, "");
        language.select(Math.max(0, Arrays.asList(LANGUAGES).indexOf(current)));
        Label hint = new Label(page, SWT.WRAP);
        hint.setText(Messages.Preferences_languageHint);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(hint);

        confirmExit = new Button(page, SWT.CHECK);
        confirmExit.setText(Messages.Preferences_confirmExit);
        confirmExit.setSelection(Boolean.parseBoolean(settings.get(WorkbenchSettings.CONFIRM_EXIT, "false")));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(confirmExit);
        return page;
    }

    @Override
    public boolean performOk() {
        settings.put(WorkbenchSettings.CONFIRM_EXIT, Boolean.toString(confirmExit.getSelection()));
        settings.put(WorkbenchSettings.LANGUAGE, LANGUAGES[Math.max(0, language.getSelectionIndex())]);
        return true;
    }
}
