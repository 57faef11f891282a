package io.switchboard.core;

import java.util.Optional;

/**
 * Product configuration: {@code switchboard.properties} in the data folder, where a system property of the same
 * name prefixed with {@code switchboard.} overrides a value for one run (for example
 * {@code -Dswitchboard.classifier.threshold=0.5}).
 */
public interface Settings {

    /** The file inside the data folder that holds the settings. */
    String FILE_NAME = "switchboard.properties";

    Optional<String> get(String key);

    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /**
     * Stores a value in the data folder's settings file, keeping every other line of the file.
     *
     * @throws DataFolderException if the file cannot be written
     */
    void put(String key, String value);
}
