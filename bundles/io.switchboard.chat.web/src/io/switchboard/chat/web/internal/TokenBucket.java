package io.switchboard.chat.web.internal;

/**
 * A token bucket: up to {@code burst} messages at once, {@code perSecond} in the long run. Time comes from the
 * caller (nanoseconds, as {@link System#nanoTime()}), so tests need not sleep.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(int burst, double perSecond, long now) {
        this.capacity = burst;
        this.perNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = now;
    }

    /** Takes one token if there is one. */
    synchronized boolean tryTake(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
