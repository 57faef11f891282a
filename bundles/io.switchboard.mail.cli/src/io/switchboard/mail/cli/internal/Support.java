package io.switchboard.mail.cli.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.cli.CommandException;
import io.switchboard.cli.Commands;
import io.switchboard.cli.FileMessages;
import io.switchboard.cli.InputFile;
import io.switchboard.cli.UsageException;

/** What the mail commands share: service access and file messages. */
final class Support {

    static final FileMessages FILES = new FileMessages(Messages.Mail_badPath, Messages.Mail_cannotRead,
            Messages.Mail_noSuchFile, Messages.Mail_isFolder, Messages.Mail_notReadable);

    private Support() {
    }

    static String usage(String text) {
        return Commands.usage(text);
    }

    static <T> T service(ComponentServiceObjects<T> objects) throws CommandException {
        return Commands.service(objects, Messages.Mail_unavailable);
    }

    /** A UTF-8 text file named on the command line; a bad name, a missing file or bad UTF-8 names the file. */
    static String readText(String word) throws UsageException, CommandException {
        Path path = InputFile.readable(word, FILES);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CommandException(org.eclipse.osgi.util.NLS.bind(Messages.Mail_notUtf8, word));
        } catch (IOException e) {
            throw InputFile.cannotRead(word, e, FILES);
        }
    }
}
