package io.switchboard.chat.bot.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The learned pairs in the data folder ({@code <data>/chat/}): one segment file per learning run, each written
 * beside its final name and moved there in one step, so a run killed while writing leaves the segments before it
 * whole and no half segment. When there are many segments they are compacted into one, the same way; the old ones
 * are deleted after the new one is in place (a crash in between only leaves pairs twice, which loading
 * de-duplicates).
 */
final class PairStore {

    static final String PREFIX = "pairs-";
    static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x53424331; // "SBC1"
    /** Segments above which the next write compacts them into one. */
    static final int MAX_SEGMENTS = 32;

    private final Supplier<Path> folder;

    PairStore(Supplier<Path> folder) {
        this.folder = folder;
    }

    /** Reads every segment in order; a damaged segment (not written by this class) is skipped after its last good pair. */
    void load(BiConsumer<String, String> pair) throws IOException {
        for (Path segment : segments()) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(segment), 1 << 16))) {
                if (in.readInt() != MAGIC) {
                    continue;
                }
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    String statement = readString(in);
                    String response = readString(in);
                    pair.accept(statement, response);
                }
            } catch (EOFException damaged) {
                // written by something else, or truncated outside this class: keep what was read
            }
        }
    }

    /**
     * Stores the pairs as a new segment; when there are many segments, one with every pair known before
     * ({@code known}) and these replaces them.
     */
    void append(List<String> statements, List<String> responses, Supplier<AllPairs> all) throws IOException {
        List<Path> existing = segments();
        long next = existing.isEmpty() ? 1 : number(existing.get(existing.size() - 1)) + 1;
        if (existing.size() >= MAX_SEGMENTS) {
            AllPairs known = all.get();
            List<String> s = new ArrayList<>(known.statements());
            List<String> r = new ArrayList<>(known.responses());
            s.addAll(statements);
            r.addAll(responses);
            write(next, s, r);
            for (Path old : existing) {
                Files.deleteIfExists(old);
            }
        } else {
            write(next, statements, responses);
        }
    }

    record AllPairs(List<String> statements, List<String> responses) {
    }

    void clear() throws IOException {
        List<Path> existing = segments();
        // newest first: a crash in between leaves an older state, never pairs without those learned before them
        for (int i = existing.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(existing.get(i));
        }
    }

    private void write(long number, List<String> statements, List<String> responses) throws IOException {
        Path dir = folder.get();
        Files.createDirectories(dir);
        Path target = dir.resolve(String.format("%s%012d%s", PREFIX, number, SUFFIX));
        Path tmp = Files.createTempFile(dir, PREFIX, ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(statements.size());
                for (int i = 0; i < statements.size(); i++) {
                    writeString(out, statements.get(i));
                    writeString(out, responses.get(i));
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private List<Path> segments() throws IOException {
        Path dir = folder.get();
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path path : stream) {
                if (number(path) >= 0) {
                    found.add(path);
                }
            }
        }
        found.sort((a, b) -> Long.compare(number(a), number(b)));
        return found;
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (64 << 20)) {
            throw new EOFException("bad length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
