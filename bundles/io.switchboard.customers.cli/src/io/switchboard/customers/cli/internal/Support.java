package io.switchboard.customers.cli.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.Commands;
import io.switchboard.cli.FileMessages;
import io.switchboard.cli.InputFile;
import io.switchboard.customers.CustomerQuery;

/** What the customer commands share: filters, service access, files. */
final class Support {

    static final String COUNTRY = "--country";
    static final String SEARCH = "--search";
    static final Set<String> FILTERS = Set.of(COUNTRY, SEARCH);
    static final FileMessages FILES = new FileMessages(Messages.Customers_badPath, Messages.Import_cannotRead,
            Messages.Customers_noSuchFile, Messages.Customers_isFolder, Messages.Customers_notReadable);

    private Support() {
    }

    static String usage(String text) {
        return Commands.usage(text);
    }

    /** Every customer matching {@code --country} and {@code --search}, by name. */
    static CustomerQuery query(Arguments args) {
        return CustomerQuery.ALL.withCountry(args.option(COUNTRY)).withText(args.option(SEARCH));
    }

    static <T> T service(ComponentServiceObjects<T> objects) throws CommandException {
        return Commands.service(objects, Messages.Customers_storeUnavailable);
    }

    /** Writes what produces a file. */
    @FunctionalInterface
    interface Content {
        long writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a UTF-8 file completely or not at all: into a temporary file beside it, then moved over it, so a
     * failed or interrupted run never leaves half a file under the real name (nor replaces a good one).
     *
     * @return what {@code content} returned
     */
    static long writeAtomically(Path file, Content content) throws CommandException {
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new CommandException(NLS.bind(Messages.Export_cannotWrite, file,
                    NLS.bind(Messages.Export_noFolder, folder)));
        }
        if (Files.isDirectory(target)) {
            throw new CommandException(NLS.bind(Messages.Export_cannotWrite, file, Messages.Customers_isFolder));
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            long result;
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                result = content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new CommandException(NLS.bind(Messages.Export_cannotWrite, file, InputFile.reason(e, FILES)), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is hidden and named after the target; leaving it is the lesser harm
            }
        }
    }
}
