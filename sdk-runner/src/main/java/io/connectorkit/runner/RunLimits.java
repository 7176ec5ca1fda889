package io.connectorkit.runner;

import java.time.Duration;

/**
 * {@code --max-records} and {@code --max-duration}: when a run stops on purpose, the way a signal stops it (the input's
 * {@code stop()}, its final checkpoint saved), so that a job over an infinite input can be run in slices. Counted
 * over the whole run, retries included; read on the reading thread only.
 */
final class RunLimits {

    /** How often, in records, the clock is read on the record path. */
    private static final int CLOCK_EVERY = 1024;

    private final long maxRecords;
    private final Duration maxDuration;
    private final long deadlineNanos;
    private long records;
    private String reached;

    /**
     * @param maxRecords the most records read, 0 for no limit
     * @param maxDuration the longest run, {@code null} for no limit; counted from now
     */
    RunLimits(long maxRecords, Duration maxDuration) {
        this.maxRecords = maxRecords;
        this.maxDuration = maxDuration;
        this.deadlineNanos = maxDuration == null ? 0 : System.nanoTime() + maxDuration.toNanos();
    }

    /** No limit. */
    static RunLimits none() {
        return new RunLimits(0, null);
    }

    /** Counts one record read; whether a limit is now reached (the clock is read every 1,024 records). */
    boolean recordRead() {
        records++;
        if (records == maxRecords) {
            reached = "--max-records " + maxRecords;
            return true;
        }
        return (records & (CLOCK_EVERY - 1)) == 0 && timeUp();
    }

    /** Whether {@code --max-duration} has passed. */
    boolean timeUp() {
        if (maxDuration != null && System.nanoTime() - deadlineNanos >= 0) {
            reached = "--max-duration " + DurationOption.format(maxDuration);
            return true;
        }
        return false;
    }

    /** The time left before {@code --max-duration}, or {@code fallback} when there is none or it is longer. */
    Duration leftOr(Duration fallback) {
        if (maxDuration == null) {
            return fallback;
        }
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        return left < fallback.toNanos() ? Duration.ofNanos(left) : fallback;
    }

    /** The limit that stopped the run ({@code "--max-records 1000"}), or {@code null} when none did. */
    String reached() {
        return reached;
    }
}
