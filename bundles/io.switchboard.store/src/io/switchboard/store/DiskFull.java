package io.switchboard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a failure caused by a full disk, however deeply the database or the text index wrapped it: Derby
 * reports a page or log it could not write ({@code XSDG1}, {@code XSLA4}) with the operating system's error as a
 * cause, and once it has given up, every later statement only says "No current connection". Callers that know
 * what was stored turn it into one message that says so; nothing else needs to guess.
 */
public final class DiskFull {

    /** Derby: a page could not be written; the log could not be written. */
    private static final Set<String> SQL_STATES = Set.of("XSDG1", "XSLA4");

    /** What the operating system says, as Java passes it on (Linux and macOS; quotas). */
    private static final String[] MESSAGES = { "No space left on device", "Disk quota exceeded",
            "not enough space on the disk" };

    private DiskFull() {
    }

    /** Below this much usable space, a write that failed most likely failed for want of room. */
    static final long NEARLY_FULL_BYTES = 2L << 20;

    /**
     * Whether the disk holding {@code folder} is (nearly) full now: once Derby has given up on a full disk, later
     * statements fail with "No current connection" alone, and only the disk itself still tells why.
     */
    public static boolean at(Path folder) {
        try {
            return folder != null && Files.getFileStore(folder).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Whether {@code failure}, one of its causes, chained SQL exceptions or suppressed ones says the disk is full. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState())) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if ((t instanceof IOException || t instanceof SQLException) && t.getMessage() != null) {
                for (String message : MESSAGES) {
                    if (t.getMessage().contains(message)) {
                        return true;
                    }
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return false;
    }
}
