package io.switchboard.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;

/**
 * A file named on the command line, checked before any service is asked, so that every command that reads a file
 * reports a missing, unreadable or mistaken one with the same one-line message shape:
 * {@code cannot read NAME: reason}.
 */
public final class InputFile {

    private InputFile() {
    }

    /** The word as a path; a word that is no file name is a usage error naming it. */
    public static Path path(String word, FileMessages messages) throws UsageException {
        try {
            return Path.of(word);
        } catch (InvalidPathException e) {
            throw new UsageException(NLS.bind(messages.badPath(), word));
        }
    }

    /** The word as the path of a readable file; a missing file, a folder or one without permission is a failure. */
    public static Path readable(String word, FileMessages messages) throws UsageException, CommandException {
        Path file = path(word, messages);
        if (!Files.exists(file)) {
            throw new CommandException(NLS.bind(messages.cannotRead(), word, messages.noSuchFile()));
        }
        if (Files.isDirectory(file)) {
            throw new CommandException(NLS.bind(messages.cannotRead(), word, messages.isFolder()));
        }
        if (!Files.isReadable(file)) {
            throw new CommandException(NLS.bind(messages.cannotRead(), word, messages.notReadable()));
        }
        return file;
    }

    /**
     * The failure of reading the file named {@code word}. Services promise a message naming the file; this makes
     * sure of it, without naming it twice.
     */
    public static CommandException cannotRead(String word, IOException e, FileMessages messages) {
        String reason = reason(e, messages);
        boolean named = reason.contains(word);
        try {
            Path file = Path.of(word);
            named = named || reason.contains(file.toString()) || reason.contains(file.toAbsolutePath().toString());
        } catch (InvalidPathException notAPath) {
            // the word itself is all there is to look for
        }
        return new CommandException(named ? reason : NLS.bind(messages.cannotRead(), word, reason), e);
    }

    /** Why a file operation failed, in one line. */
    public static String reason(IOException e, FileMessages messages) {
        if (e instanceof NoSuchFileException) {
            return messages.noSuchFile();
        }
        if (e instanceof AccessDeniedException) {
            return messages.notReadable();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : Output.oneLine(message);
    }
}
