package io.switchboard.chat.bot.internal;

import java.util.Arrays;

/** An open-addressing map from non-zero 64-bit hashes to ints, without boxing; not thread-safe while written. */
final class LongIntHash {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntHash(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value of the key, or {@code missing}. */
    int get(long key, int missing) {
        long k = key == 0 ? 1 : key;
        for (int i = (int) k & mask;; i = (i + 1) & mask) {
            long found = keys[i];
            if (found == k) {
                return values[i];
            }
            if (found == 0) {
                return missing;
            }
        }
    }

    /** Puts the key if absent and returns its value: the one it had, or {@code value} now. */
    int putIfAbsent(long key, int value) {
        long k = key == 0 ? 1 : key;
        int i = (int) k & mask;
        for (;; i = (i + 1) & mask) {
            long found = keys[i];
            if (found == k) {
                return values[i];
            }
            if (found == 0) {
                break;
            }
        }
        keys[i] = k;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    void put(long key, int value) {
        long k = key == 0 ? 1 : key;
        int i = (int) k & mask;
        for (;; i = (i + 1) & mask) {
            long found = keys[i];
            if (found == k) {
                values[i] = value;
                return;
            }
            if (found == 0) {
                break;
            }
        }
        keys[i] = k;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = (int) k & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    LongIntHash copy() {
        LongIntHash copy = new LongIntHash(16);
        copy.keys = Arrays.copyOf(keys, keys.length);
        copy.values = Arrays.copyOf(values, values.length);
        copy.size = size;
        copy.mask = mask;
        return copy;
    }
}
