package io.switchboard.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

import io.switchboard.core.DataFolderException;
import io.switchboard.store.StoreException;

/**
 * The lock a process holds on a store folder from before Derby boots the database until it shuts it down.
 *
 * <p>Derby checks its own lock ({@code dbex.lck}) only late in its boot: before that, a second process's Derby
 * deletes and rewrites {@code db.lck} and empties the database's {@code tmp} folder, and while the first process is
 * still creating the database (an import into a new store hashes its file first, so that is seconds after it
 * started) the second finds a database folder without {@code service.properties} and fails its own creation in
 * it. The first process's import then died ("No current connection", nothing stored). So the second process must
 * be turned away before Derby sees the folder at all, by an operating-system lock on a file of our own.
 *
 * <p>File locks belong to the process, and a JVM refuses to lock the same file twice; several databases on one
 * folder in one process (Derby shares one engine between them) share one lock, counted.
 */
final class StoreLock implements AutoCloseable {

    static final String FILE_NAME = "switchboard.lock";

    /** Per process, like the operating system's locks themselves. */
    private static final Map<Path, StoreLock> HELD = new HashMap<>();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;
    private int users = 1;

    private StoreLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder} (created if needed) for this process.
     *
     * @throws DataFolderException if another process holds the lock: an ordinary situation the user resolves
     * @throws StoreException      if the lock file cannot be created
     */
    static StoreLock acquire(Path folder) {
        synchronized (HELD) {
            StoreLock held = HELD.get(folder);
            if (held != null) {
                held.users++;
                return held;
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(folder);
                channel = FileChannel.open(folder.resolve(FILE_NAME), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw new DataFolderException(NLS.bind(Messages.Store_inUse, folder), null);
                }
                StoreLock acquired = new StoreLock(folder, channel, lock);
                HELD.put(folder, acquired);
                return acquired;
            } catch (IOException e) {
                closeQuietly(channel, e);
                throw new StoreException(NLS.bind(Messages.Store_cannotOpen, folder, DerbyDatabase.reason(e)), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (--users > 0) {
                return;
            }
            HELD.remove(folder);
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // Closing the channel releases the lock in any case; the process keeps running.
            }
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
    }
}
