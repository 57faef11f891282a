package io.switchboard.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.core.DataFolder;
import io.switchboard.core.DataFolderException;
import io.switchboard.core.Settings;

@Component(service = Settings.class)
public class SettingsService implements Settings {

    private static final String SYSTEM_PREFIX = "switchboard.";

    @Reference
    private DataFolder dataFolder;

    @Override
    public Optional<String> get(String key) {
        String override = System.getProperty(SYSTEM_PREFIX + key);
        if (override != null) {
            return Optional.of(override);
        }
        return Optional.ofNullable(load().getProperty(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        Properties properties = load();
        properties.setProperty(key, value);
        Path file = file();
        try {
            // Write beside the file and move over it, so a crash never leaves half a settings file.
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataFolderException(NLS.bind(Messages.Settings_cannotWrite, file, e.getMessage()), e);
        }
    }

    private synchronized Properties load() {
        Properties properties = new Properties();
        Path file = file();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new DataFolderException(NLS.bind(Messages.Settings_cannotRead, file, e.getMessage()), e);
            }
        }
        return properties;
    }

    private Path file() {
        return dataFolder.path().resolve(FILE_NAME);
    }
}
