package io.switchboard.app;

import org.eclipse.jface.preference.IPreferencePage;

import io.switchboard.core.Settings;

/**
 * A page a capability adds to Window &gt; Preferences, after the General page. Register it as an OSGi service
 * (a DS component); the dialog asks every registered one for a new page each time it opens. The values belong in
 * the data folder's {@link Settings}, so the headless commands read what the page stored.
 */
public interface PreferencePageContribution {

    /** Stable id of the page's node in the dialog, e.g. {@code "chat"}. */
    String id();

    /** The page's name in the dialog's tree, in the workbench's language. */
    String label();

    /** A new page on the settings; called on the UI thread each time the dialog opens. */
    IPreferencePage create(Settings settings);
}
