package io.switchboard.core.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;

import io.switchboard.core.DataFolder;
import io.switchboard.core.DataFolderException;

@Component(service = DataFolder.class)
public class DataFolderService implements DataFolder {

    private Path chosen;

    @Override
    public synchronized Path path() {
        if (chosen == null) {
            chosen = prepare(defaultFolder());
        }
        return chosen;
    }

    @Override
    public Path resolve(String name) {
        return prepare(path().resolve(name));
    }

    @Override
    public synchronized Path use(Path folder) {
        // Check the folder first: a user who names an unusable folder learns that, whatever else is going on.
        Path prepared = prepare(folder.toAbsolutePath().normalize());
        if (chosen != null && !chosen.equals(prepared)) {
            throw new IllegalStateException("data folder already in use: " + chosen);
        }
        chosen = prepared;
        return chosen;
    }

    static Path defaultFolder() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        return Paths.get(System.getProperty("user.home"), DEFAULT_NAME).toAbsolutePath().normalize();
    }

    /** Creates the folder if needed and proves it writable, turning every failure into one readable line. */
    static Path prepare(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            Files.delete(probe);
            return folder;
        } catch (FileAlreadyExistsException e) {
            throw new DataFolderException(NLS.bind(Messages.DataFolder_notAFolder, folder), e);
        } catch (AccessDeniedException e) {
            throw new DataFolderException(NLS.bind(Messages.DataFolder_notWritable, folder), e);
        } catch (IOException | SecurityException e) {
            throw new DataFolderException(NLS.bind(Messages.DataFolder_cannotUse, folder, reason(e)), e);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
