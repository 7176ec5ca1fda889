package io.connectorkit.runtime;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;

/**
 * Decides when the checkpoint interval has passed: a record counter for {@link Frequency#RECORD}, the monotonic clock
 * for {@link Frequency#TIME}. One per input; not thread-safe.
 */
final class CheckpointPolicy {

    private final boolean byTime;
    private final long interval;
    private long recordsSinceLast;
    private long lastNanos;

    CheckpointPolicy(Frequency frequency, long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("checkpoint interval must be more than zero, got " + interval);
        }
        this.byTime = frequency == Frequency.TIME;
        this.interval = byTime ? Math.multiplyExact(interval, 1_000_000L) : interval;
        this.lastNanos = System.nanoTime();
    }

    /** Counts one produced record; returns whether the interval has now passed. */
    boolean recordProduced() {
        recordsSinceLast++;
        return intervalPassed();
    }

    /** Whether a checkpoint is due: enough records, or enough time, since the last one. */
    boolean intervalPassed() {
        if (byTime) {
            return recordsSinceLast > 0 && System.nanoTime() - lastNanos >= interval;
        }
        return recordsSinceLast >= interval;
    }

    /** A checkpoint was just taken. */
    void checkpointTaken() {
        recordsSinceLast = 0;
        if (byTime) {
            lastNanos = System.nanoTime();
        }
    }
}
