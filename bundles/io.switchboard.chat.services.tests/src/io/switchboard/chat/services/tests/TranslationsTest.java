package io.switchboard.chat.services.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** Every text of the services bundle is there in English and in Chinese. */
class TranslationsTest {

    private static final String FOLDER = "io/switchboard/chat/services/internal/";

    @Test
    void everyTextHasAChineseTranslation() throws Exception {
        Bundle services = Arrays.stream(Fixtures.context().getBundles())
                .filter(b -> b.getSymbolicName().equals("io.switchboard.chat.services")).findFirst().orElseThrow();
        for (String family : new String[] { FOLDER + "messages", FOLDER + "customer", "OSGI-INF/l10n/bundle" }) {
            Properties english = load(services, family + ".properties");
            Properties chinese = load(services, family + "_zh.properties");
            assertFalse(english.isEmpty(), family);
            assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()),
                    family + ": the same keys in both languages");
            for (String key : chinese.stringPropertyNames()) {
                assertFalse(chinese.getProperty(key).equals(english.getProperty(key)) && !key.equals("bundle.vendor"),
                        family + ": " + key + " is translated");
            }
        }
    }

    private static Properties load(Bundle bundle, String entry) throws Exception {
        URL url = bundle.getEntry(entry);
        assertNotNull(url, entry);
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        }
        return properties;
    }
}
