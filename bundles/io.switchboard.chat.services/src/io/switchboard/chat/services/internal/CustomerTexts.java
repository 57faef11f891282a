package io.switchboard.chat.services.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the service says to the customer (the hand-over when they ask for a person or no bot is there, an agent
 * joining): in the language of the customer's messages, which need not be the agent's. English is the base;
 * there is no fallback to the JVM's locale.
 */
final class CustomerTexts {

    private static final String BUNDLE = "io.switchboard.chat.services.internal.customer"; //$NON-NLS-1$

    private CustomerTexts() {
    }

    static String handOver(String language) {
        return text(language, "handOver"); //$NON-NLS-1$
    }

    static String agentJoined(String language, String agent) {
        MessageFormat format = new MessageFormat(text(language, "agentJoined"), locale(language)); //$NON-NLS-1$
        return format.format(new Object[] { agent });
    }

    static String botAgain(String language) {
        return text(language, "botAgain"); //$NON-NLS-1$
    }

    private static String text(String language, String key) {
        return ResourceBundle.getBundle(BUNDLE, locale(language), CustomerTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    private static Locale locale(String language) {
        return language == null || language.isBlank() ? Locale.ROOT : Locale.forLanguageTag(language);
    }
}
