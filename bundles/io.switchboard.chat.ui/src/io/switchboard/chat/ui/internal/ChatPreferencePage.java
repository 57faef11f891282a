package io.switchboard.chat.ui.internal;

import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.switchboard.core.Settings;

/**
 * Chat preferences, in the data folder's settings where the web channel and the bot read them: whether the
 * workbench serves the web chat page, on which address and port, and the bot's confidence threshold.
 */
public class ChatPreferencePage extends PreferencePage {

    private final Settings settings;
    private Button webEnabled;
    private Text bind;
    private Spinner port;
    private Spinner threshold;

    public ChatPreferencePage(Settings settings) {
        super(Messages.Preferences_title);
        this.settings = settings;
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);

        webEnabled = new Button(page, SWT.CHECK);
        webEnabled.setText(Messages.Preferences_webEnabled);
        webEnabled.setSelection(Boolean.parseBoolean(
                settings.get(ChatSettings.WEB_ENABLED, ChatSettings.DEFAULT_WEB_ENABLED).trim()));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(webEnabled);

        new Label(page, SWT.NONE).setText(Messages.Preferences_bind);
        bind = new Text(page, SWT.BORDER);
        bind.setText(settings.get(ChatSettings.WEB_BIND, ChatSettings.DEFAULT_WEB_BIND).trim());
        GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(bind);
        bind.addListener(SWT.Modify, e -> validate());

        new Label(page, SWT.NONE).setText(Messages.Preferences_port);
        port = new Spinner(page, SWT.BORDER);
        port.setValues(parseInt(settings.get(ChatSettings.WEB_PORT, ChatSettings.DEFAULT_WEB_PORT),
                Integer.parseInt(ChatSettings.DEFAULT_WEB_PORT)), 1, 65535, 0, 1, 100);
        GridDataFactory.fillDefaults().hint(100, SWT.DEFAULT).applyTo(port);

        Label webHint = new Label(page, SWT.WRAP);
        webHint.setText(Messages.Preferences_webHint);
        GridDataFactory.fillDefaults().span(2, 1).hint(420, SWT.DEFAULT).applyTo(webHint);

        new Label(page, SWT.NONE).setText(Messages.Preferences_threshold);
        threshold = new Spinner(page, SWT.BORDER);
        // Hundredths: 0.00 .. 1.00.
        threshold.setValues(percent(settings.get(ChatSettings.BOT_THRESHOLD, ChatSettings.DEFAULT_BOT_THRESHOLD)), 0,
                100, 2, 5, 10);
        GridDataFactory.fillDefaults().hint(100, SWT.DEFAULT).indent(0, 12).applyTo(threshold);
        Label thresholdHint = new Label(page, SWT.WRAP);
        thresholdHint.setText(Messages.Preferences_thresholdHint);
        GridDataFactory.fillDefaults().span(2, 1).hint(420, SWT.DEFAULT).applyTo(thresholdHint);
        return page;
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static int percent(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            return (int) Math.round(Math.max(0, Math.min(1, value)) * 100);
        } catch (NumberFormatException e) {
            return (int) Math.round(Double.parseDouble(ChatSettings.DEFAULT_BOT_THRESHOLD) * 100);
        }
    }

    private void validate() {
        boolean valid = !bind.getText().isBlank() && !bind.getText().trim().contains(" ");
        setErrorMessage(valid ? null : Messages.Preferences_bindInvalid);
        setValid(valid);
    }

    @Override
    public boolean performOk() {
        if (webEnabled == null) {
            return true;
        }
        settings.put(ChatSettings.WEB_ENABLED, Boolean.toString(webEnabled.getSelection()));
        settings.put(ChatSettings.WEB_BIND, bind.getText().trim());
        settings.put(ChatSettings.WEB_PORT, Integer.toString(port.getSelection()));
        settings.put(ChatSettings.BOT_THRESHOLD, String.format(Locale.ROOT, "%.2f",
                threshold.getSelection() / 100.0));
        return true;
    }

    // For tests.

    public Button webEnabledBox() {
        return webEnabled;
    }

    public Text bindField() {
        return bind;
    }

    public Spinner portField() {
        return port;
    }

    public Spinner thresholdField() {
        return threshold;
    }
}
