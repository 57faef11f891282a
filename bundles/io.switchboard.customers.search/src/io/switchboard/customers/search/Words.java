package io.switchboard.customers.search;

import java.util.Arrays;

/**
 * The searchable words of one customer as code points in one reused array, so that cutting them into grams
 * allocates nothing per word or gram. Code points rather than chars so that no gram splits a character outside the
 * Basic Multilingual Plane.
 */
final class Words {

    private int[] points = new int[256];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;
    private int count;

    void clear() {
        size = 0;
        count = 0;
    }

    /** The words of normalised text, cut as {@link SearchText#words} cuts them. */
    void addWordsOf(String normalized) {
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean separator = i == normalized.length() || SearchText.separatesWords(normalized.charAt(i));
            if (separator && start >= 0) {
                add(normalized, start, i);
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
    }

    /** The whole text as one word (an e-mail address, the digits of a phone number); nothing if empty. */
    void addWhole(String text) {
        if (!text.isEmpty()) {
            add(text, 0, text.length());
        }
    }

    private void add(String text, int from, int to) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        if (points.length < size + (to - from)) {
            points = Arrays.copyOf(points, Math.max(points.length * 2, size + (to - from)));
        }
        starts[count] = size;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                points[size++] = Character.toCodePoint(c, text.charAt(++i));
            } else {
                points[size++] = c;
            }
        }
        ends[count] = size;
        count++;
    }

    int count() {
        return count;
    }

    int start(int word) {
        return starts[word];
    }

    /** Length of a word in code points. */
    int length(int word) {
        return ends[word] - starts[word];
    }

    /** Code points of all the words together. */
    int size() {
        return size;
    }

    /** Whether any character is beyond ASCII. */
    boolean beyondAscii() {
        for (int i = 0; i < size; i++) {
            if (points[i] >= 128) {
                return true;
            }
        }
        return false;
    }

    int point(int at) {
        return points[at];
    }
}
