package io.switchboard.chat.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.ComponentServiceObjects;

import io.switchboard.cli.CommandException;
import io.switchboard.cli.Commands;
import io.switchboard.cli.FileMessages;

/** What the chat commands share. */
final class Support {

    static final FileMessages FILES = new FileMessages(Messages.Chat_badPath, Messages.Chat_cannotRead,
            Messages.Chat_noSuchFile, Messages.Chat_isFolder, Messages.Chat_notReadable);
    /** Longest message line read from standard input; the rest of a longer line is read and dropped. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private Support() {
    }

    static String usage(String text) {
        return Commands.usage(text);
    }

    static <T> T service(ComponentServiceObjects<T> objects) throws CommandException {
        return Commands.service(objects, Messages.Chat_botUnavailable);
    }

    /**
     * Reads standard input one line at a time as bytes, so that a line that is not UTF-8 is reported by its number
     * and the next line is still read.
     */
    static final class Lines {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long number;
        private boolean end;

        Lines(InputStream in) {
            this.in = in;
        }

        long number() {
            return number;
        }

        /**
         * The next line without its line break; {@code null} at the end of input.
         *
         * @throws CharacterCodingException when the line is not UTF-8 (the line is consumed; {@link #number} names it)
         */
        String next() throws IOException {
            if (end) {
                return null;
            }
            line.reset();
            boolean any = false;
            int b;
            while ((b = in.read()) >= 0) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                }
            }
            if (b < 0) {
                end = true;
                if (!any) {
                    return null;
                }
            }
            number++;
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        }
    }
}
