package io.switchboard.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folders a command may create on its way to a data folder that does not exist yet ({@code --data-dir} with
 * a typo), noted before the command runs, so that a command that fails can take them back. Only folders that
 * hold no file are removed: data a command stored is never deleted.
 */
public final class NewFolders {

    /** Nothing to take back: the folder existed. */
    public static final NewFolders NONE = new NewFolders(null);

    private final Path outermost;

    private NewFolders(Path outermost) {
        this.outermost = outermost;
    }

    /** Notes which part of {@code folder}'s path does not exist yet. */
    public static NewFolders before(Path folder) {
        Path missing = null;
        for (Path p = folder.toAbsolutePath().normalize(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
                p = p.getParent()) {
            missing = p;
        }
        return new NewFolders(missing);
    }

    /** Removes the folders noted as new if none of them holds a file now; otherwise leaves everything. */
    public void removeIfNothingStored() {
        if (outermost == null || !Files.isDirectory(outermost, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(outermost)) {
            List<Path> all = paths.collect(Collectors.toList());
            if (all.stream().anyMatch(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
                return;
            }
            all.sort(Comparator.reverseOrder());
            for (Path folder : all) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException | UncheckedIOException e) {
            // Left as it is: an empty folder is untidy, not harmful.
        }
    }
}
