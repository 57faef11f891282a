package io.switchboard.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.switchboard.core.DataFolder;
import io.switchboard.core.DataFolderException;
import io.switchboard.core.Settings;

class DataFolderTest {

    @TempDir
    Path temp;

    @Test
    void serviceUsesTheConfiguredFolderAndCreatesSubfolders() throws Exception {
        DataFolder folder = Services.get(DataFolder.class);
        Path expected = Path.of(System.getProperty(DataFolder.PROPERTY)).toAbsolutePath().normalize();
        assertEquals(expected, folder.path());
        Path db = folder.resolve("db");
        assertTrue(Files.isDirectory(db), db + " was not created");
        assertEquals(expected.resolve("db"), db);
    }

    @Test
    void anotherFolderCannotBeChosenOnceOneIsInUse() throws Exception {
        DataFolder folder = Services.get(DataFolder.class);
        folder.path();
        assertThrows(IllegalStateException.class, () -> folder.use(temp.resolve("other")));
    }

    @Test
    void unwritableFolderIsOneReadableLine() throws Exception {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        DataFolder folder = Services.get(DataFolder.class);
        DataFolderException e = assertThrows(DataFolderException.class, () -> folder.use(file.resolve("sub")));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void optionIsReadInBothSpellings() {
        assertEquals("/d", DataFolder.optionValue(List.of("--data-dir", "/d", "customers")));
        assertEquals("/e", DataFolder.optionValue(List.of("x", "--data-dir=/e")));
        assertNull(DataFolder.optionValue(List.of("customers", "list")));
        assertThrows(IllegalArgumentException.class, () -> DataFolder.optionValue(List.of("--data-dir")));
    }

    @Test
    void settingsPersistInTheDataFolderAndSystemPropertiesOverride() throws Exception {
        Settings settings = Services.get(Settings.class);
        settings.put("test.colour", "blue");
        settings.put("test.size", "3");
        assertEquals("blue", settings.get("test.colour", "none"));
        Path file = Services.get(DataFolder.class).path().resolve(Settings.FILE_NAME);
        assertTrue(Files.readString(file).contains("test.size=3"));
        System.setProperty("switchboard.test.colour", "red");
        try {
            assertEquals("red", settings.get("test.colour", "none"));
        } finally {
            System.clearProperty("switchboard.test.colour");
        }
        assertEquals("fallback", settings.get("test.missing", "fallback"));
    }
}
