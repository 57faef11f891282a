package io.switchboard.mail.services.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids of messages the SMTP server has accepted but whose {@code SENT} mark is not committed yet: one line per
 * id, appended the instant {@code sendMessage} returns, emptied after the batch's commit.
 *
 * <p>Why: the database commit of a batch comes later (one commit per batch keeps the outbox fast), and even a
 * commit per message takes milliseconds; a {@code kill -9} in between would leave a message that was delivered
 * looking undelivered, and it would go out twice. An append is one {@code write} into the operating system's page
 * cache (microseconds), which survives the death of the process (not a power loss: after one, the messages of
 * the last batch may go out again). On start-up the journal's ids are marked sent before anything is resent.
 */
final class SentJournal {

    private final Path file;
    private FileChannel channel;

    SentJournal(Path file) {
        this.file = file;
    }

    /** Records that the server accepted message {@code id}. */
    synchronized void append(long id) {
        try {
            if (channel == null) {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            ByteBuffer line = ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.US_ASCII));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids recorded since the last {@link #clear()}; a torn last line (the process died writing it) is ignored. */
    synchronized List<Long> read() {
        List<Long> ids = new ArrayList<>();
        if (!Files.exists(file)) {
            return ids;
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return ids;
            }
            for (String line : text.substring(0, end).split("\n")) {
                if (!line.isBlank()) {
                    ids.add(Long.parseLong(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            // Not ours: leave the file for a person to look at rather than guess.
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        return ids;
    }

    /** Empties the journal once its ids are committed as sent. */
    synchronized void clear() {
        try {
            if (channel != null) {
                channel.truncate(0);
            } else if (Files.exists(file)) {
                try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    c.truncate(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing only
            }
            channel = null;
        }
    }
}
