package io.switchboard.chat.ui.internal;

import org.eclipse.jface.preference.IPreferencePage;
import org.osgi.service.component.annotations.Component;

import io.switchboard.app.PreferencePageContribution;
import io.switchboard.core.Settings;

/** Adds the Chat page to Window &gt; Preferences. */
@Component(service = PreferencePageContribution.class)
public class ChatPreferences implements PreferencePageContribution {

    @Override
    public String id() {
        return "chat";
    }

    @Override
    public String label() {
        return Messages.Preferences_title;
    }

    @Override
    public IPreferencePage create(Settings settings) {
        return new ChatPreferencePage(settings);
    }
}
