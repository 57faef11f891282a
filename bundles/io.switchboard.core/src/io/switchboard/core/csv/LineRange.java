package io.switchboard.core.csv;

import java.util.ArrayList;
import java.util.List;

/** Lines {@code first..last} of a file, both included; e.g. the rows an import skipped as imported before. */
public record LineRange(long first, long last) {

    /** {@code 2..5, 8}: the ranges as a person reads them. */
    public static String text(List<LineRange> ranges) {
        List<String> parts = new ArrayList<>();
        for (LineRange range : ranges) {
            parts.add(range.first == range.last ? Long.toString(range.first) : range.first + ".." + range.last);
        }
        return String.join(", ", parts);
    }

    /**
     * Collects lines into ranges. A record may span several lines, so whether a line continues the last range is
     * said by the caller (the record before it was collected too), not guessed from the numbers.
     */
    public static final class Builder {
        private final List<LineRange> ranges = new ArrayList<>();

        /** @param continues whether the record before this one was added too */
        public void add(long line, boolean continues) {
            if (continues && !ranges.isEmpty()) {
                LineRange last = ranges.remove(ranges.size() - 1);
                ranges.add(new LineRange(last.first, line));
            } else {
                ranges.add(new LineRange(line, line));
            }
        }

        public List<LineRange> build() {
            return List.copyOf(ranges);
        }
    }
}
