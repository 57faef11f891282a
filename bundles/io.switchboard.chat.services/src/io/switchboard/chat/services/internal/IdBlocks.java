package io.switchboard.chat.services.internal;

import java.util.function.Supplier;

import io.switchboard.store.Database;

/**
 * Ids of one of the store's sequences, reserved {@value #BLOCK} at a time and handed out in increasing order. Each
 * reservation is a commit of its own, which on a disk costs about as much as the message's own transaction
 * (8 ms each on the 2-core test machine): a block makes a chat message one commit instead of two.
 *
 * <p>Ids grow in the order they are handed out by one instance (the service's one {@link ChatStore}); blocks left
 * unfinished leave gaps. The embedded
 * database is used by one process at a time (the store's lock). A database shared by several processes would need
 * its own sequence instead, or ids within a conversation would no longer grow in commit order.
 */
final class IdBlocks {

    static final int BLOCK = 100;

    private final Supplier<Database> database;
    private final String sequence;
    private long next;
    private long limit;

    IdBlocks(Supplier<Database> database, String sequence) {
        this.database = database;
        this.sequence = sequence;
    }

    /** The first of {@code count} consecutive new ids. */
    synchronized long take(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count); //$NON-NLS-1$
        }
        if (next + count > limit) {
            int size = Math.max(BLOCK, count);
            next = database.get().allocateIds(sequence, size);
            limit = next + size;
        }
        long first = next;
        next += count;
        return first;
    }
}
