package io.switchboard.classifier.services.internal;

/**
 * Open-addressing map from 64-bit n-gram hashes to feature numbers. Prediction looks up a few hundred hashes per
 * text; boxing them into a {@code HashMap<Long, Integer>} would cost more than the whole dot product.
 */
final class LongIntMap {

    private static final long EMPTY = 0L;

    private long[] keys;
    private int[] values;
    private int size;
    private boolean hasZeroKey;
    private int zeroValue;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int size() {
        return size + (hasZeroKey ? 1 : 0);
    }

    /** The value for {@code key}, or {@code missing}. */
    int get(long key, int missing) {
        if (key == EMPTY) {
            return hasZeroKey ? zeroValue : missing;
        }
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return missing;
            }
            slot = (slot + 1) & mask;
        }
    }

    void put(long key, int value) {
        if (key == EMPTY) {
            hasZeroKey = true;
            zeroValue = value;
            return;
        }
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        values[slot] = value;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** Adds {@code delta} to the key's value (absent counts as 0). */
    void add(long key, int delta) {
        if (key == EMPTY) {
            hasZeroKey = true;
            zeroValue += delta;
            return;
        }
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            values[slot] = delta;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
        } else {
            values[slot] += delta;
        }
    }

    /** Calls {@code visitor} for every entry, in no particular order. */
    void forEach(Visitor visitor) {
        if (hasZeroKey) {
            visitor.visit(EMPTY, zeroValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    interface Visitor {
        void visit(long key, int value);
    }

    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                size++;
            }
        }
    }
}
