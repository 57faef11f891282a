package io.switchboard.mail.services.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the sender did since the last committed batch, one line per event: {@code P id} just before the end of a
 * message's data (the final ".") goes to the server, {@code S id} the instant the server has accepted it. Emptied
 * after the batch's commit.
 *
 * <p>Why: the database commit of a batch comes later (one commit per batch keeps the outbox fast), and even a
 * commit per message takes milliseconds; a {@code kill -9} in between would leave a message that was delivered
 * looking undelivered, and it would go out twice. An append is one {@code write} into the operating system's page
 * cache (microseconds), which survives the death of the process (not a power loss: after one, the messages of
 * the last batch may go out again). On start-up the journal's ids are marked sent before anything is resent.
 *
 * <p>A {@code P} without its {@code S} is a message whose final "." may have reached the server while the process
 * died waiting for the server's answer: see {@link OutboxStore#recover()}.
 */
public final class SentJournal {

    private final Path file;
    private FileChannel channel;

    SentJournal(Path file) {
        this.file = file;
    }

    /** What the journal holds: ids accepted by the server, ids whose end of data was about to be sent. */
    public record Entries(java.util.Set<Long> sent, java.util.Set<Long> pending) {
        /** Pending without the server's acceptance: the process died between the end of data and the reply. */
        public java.util.Set<Long> unconfirmed() {
            java.util.Set<Long> unconfirmed = new java.util.TreeSet<>(pending);
            unconfirmed.removeAll(sent);
            return unconfirmed;
        }
    }

    /** Records that the end of message {@code id}'s data is about to be written to the server. */
    void pending(long id) {
        append('P', id);
    }

    /** Records that the server accepted message {@code id}. */
    void sent(long id) {
        append('S', id);
    }

    private synchronized void append(char kind, long id) {
        try {
            if (channel == null) {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            ByteBuffer line = ByteBuffer.wrap((kind + " " + id + "\n").getBytes(StandardCharsets.US_ASCII));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was recorded since the last {@link #clear()}; a torn last line (the process died writing it) is ignored. */
    synchronized Entries read() {
        Entries ids = new Entries(new java.util.TreeSet<>(), new java.util.TreeSet<>());
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
                if (line.startsWith("S ")) {
                    ids.sent().add(Long.parseLong(line.substring(2).strip()));
                } else if (line.startsWith("P ")) {
                    ids.pending().add(Long.parseLong(line.substring(2).strip()));
                } else if (!line.isBlank()) {
                    throw new NumberFormatException(line);
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
