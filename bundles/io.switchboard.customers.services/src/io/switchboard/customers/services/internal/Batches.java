package io.switchboard.customers.services.internal;

import java.util.ArrayList;
import java.util.List;

/** Splitting work into IN lists of a fixed size, so that the database compiles each statement once. */
final class Batches {

    static final int IN_SIZE = 200;

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    static String placeholders(int count) {
        StringBuilder marks = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            marks.append(i == 0 ? "?" : ", ?");
        }
        return marks.toString();
    }

    private Batches() {
    }
}
