package io.switchboard.customers.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.cli.Arguments;
import io.switchboard.cli.CommandContext;
import io.switchboard.cli.CommandException;
import io.switchboard.cli.UsageException;
import io.switchboard.customers.CustomerQuery;

/** What the customer commands share: the program name, filters, service access, files. */
final class Support {

    static final String PROGRAM = "switchboard";
    static final String COUNTRY = "--country";
    static final String SEARCH = "--search";
    static final Set<String> FILTERS = Set.of(COUNTRY, SEARCH);

    private Support() {
    }

    static String usage(String text) {
        return NLS.bind(text, PROGRAM);
    }

    /** Every customer matching {@code --country} and {@code --search}, by name. */
    static CustomerQuery query(Arguments args) {
        return CustomerQuery.ALL.withCountry(args.option(COUNTRY)).withText(args.option(SEARCH));
    }

    /**
     * The service behind a reference. Commands hold {@link ComponentServiceObjects} instead of the service so
     * that the store is not started when the command line merely lists its commands: it starts on first use,
     * after {@code --data-dir} has chosen the folder it lives in.
     */
    static <T> T service(ComponentServiceObjects<T> objects) throws CommandException {
        T service = objects == null ? null : objects.getService();
        if (service == null) {
            throw new CommandException(Messages.Customers_storeUnavailable);
        }
        return service;
    }

    static Path path(String word) throws UsageException {
        try {
            return Path.of(word);
        } catch (InvalidPathException e) {
            throw new UsageException(NLS.bind(Messages.Customers_badPath, word));
        }
    }

    /** A writer for results on standard output: UTF-8 whatever the platform's default, never closing the stream. */
    static Writer stdout(CommandContext context) {
        return new BufferedWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8));
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
            throw new CommandException(NLS.bind(Messages.Export_cannotWrite, file, reason(e)), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Why a file operation failed, in one line. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Messages.Customers_noSuchFile;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return Messages.Customers_notReadable;
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s*\\R\\s*", " ");
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
