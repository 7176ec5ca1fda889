package io.connectorkit.runner;

import java.time.Duration;

/**
 * The pause after an infinite input said it has nothing now: 1 ms after the first idle call, doubling up to 100 ms
 * while it stays idle, back to 1 ms after a record. So an idle job neither spins (at most ten polls a second once
 * idle a while) nor waits long for the first record of a burst; a stop request ends the pause at once.
 */
final class IdlePause {

    static final Duration LONGEST = Duration.ofMillis(100);
    private static final long SHORTEST_NANOS = 1_000_000;

    private long nextNanos = SHORTEST_NANOS;

    /** A record came: the next idle pause is short again. */
    void reset() {
        nextNanos = SHORTEST_NANOS;
    }

    /**
     * Waits the next pause (never past {@code limits}' time), or until a stop is requested.
     *
     * @return the pause just waited
     */
    Duration pause(StopRequest stop, RunLimits limits) {
        Duration pause = limits.leftOr(Duration.ofNanos(nextNanos));
        nextNanos = Math.min(nextNanos * 2, LONGEST.toNanos());
        try {
            stop.await(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException(ExitCodes.CONNECTOR_FAILED, "interrupted while the input was idle");
        }
        return pause;
    }
}
