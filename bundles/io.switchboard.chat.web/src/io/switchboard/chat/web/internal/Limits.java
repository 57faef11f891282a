package io.switchboard.chat.web.internal;

import java.time.Duration;

/**
 * What one web chat server accepts, so that a flood or a huge message from one browser costs the others nothing.
 *
 * @param maxConnections  open WebSocket connections at once; the next upgrade is refused with 503
 * @param maxFrameBytes   largest WebSocket text message (UTF-8 bytes of the JSON frame); a larger one closes the
 *                        connection with 1009 (message too big), which the page explains
 * @param maxTextChars    longest chat message in characters; a longer one is refused with a notice
 * @param burst           messages a connection may send at once (token bucket size)
 * @param perSecond       messages a connection may send per second in the long run (token bucket refill)
 * @param queue           messages of one connection waiting to be handled; more are refused with a notice
 * @param workers         threads that hand messages to the chat service, shared by all connections
 * @param idleTimeout     a connection silent for this long is closed (the page reconnects when it is used again)
 */
public record Limits(int maxConnections, int maxFrameBytes, int maxTextChars, int burst, double perSecond, int queue,
        int workers, Duration idleTimeout) {

    public static final Limits DEFAULT = new Limits(2000, 64 * 1024, 4000, 10, 2.0, 8, 4, Duration.ofMinutes(30));

    public Limits {
        if (maxConnections < 1 || maxFrameBytes < 1024 || maxTextChars < 1 || burst < 1 || perSecond <= 0
                || queue < 1 || workers < 1 || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("limits out of range: " + maxConnections + ", " + maxFrameBytes + ", "
                    + maxTextChars + ", " + burst + ", " + perSecond + ", " + queue + ", " + workers);
        }
    }

    public Limits withMaxConnections(int value) {
        return new Limits(value, maxFrameBytes, maxTextChars, burst, perSecond, queue, workers, idleTimeout);
    }

    public Limits withRate(int burstValue, double perSecondValue) {
        return new Limits(maxConnections, maxFrameBytes, maxTextChars, burstValue, perSecondValue, queue, workers,
                idleTimeout);
    }

    public Limits withWorkers(int value) {
        return new Limits(maxConnections, maxFrameBytes, maxTextChars, burst, perSecond, queue, value, idleTimeout);
    }
}
