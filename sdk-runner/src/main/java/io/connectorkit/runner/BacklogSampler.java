package io.connectorkit.runner;

import io.connectorkit.runtime.Input;

/**
 * Asks the input for its backlog ({@code @Backlog}: how far the source is ahead of the last durable checkpoint) about
 * once a second, on the reading thread, and hands it to the metrics, where the progress line and
 * {@code connectorkit_input_backlog} show it. On the record path it costs a counter, and the clock every 1,024 records.
 */
final class BacklogSampler {

    private static final long EVERY_NANOS = 1_000_000_000L;
    private static final int CLOCK_EVERY = 1024;

    private final RunnerMetrics metrics;
    private long records;
    private long lastNanos;
    private boolean first = true;

    BacklogSampler(RunnerMetrics metrics) {
        this.metrics = metrics;
    }

    /** After a record. */
    void afterRecord(Input input) {
        if ((++records & (CLOCK_EVERY - 1)) == 0) {
            sampleIfDue(input);
        }
    }

    /** While the input is idle (an infinite input had nothing). */
    void idle(Input input) {
        sampleIfDue(input);
    }

    private void sampleIfDue(Input input) {
        long now = System.nanoTime();
        if (first || now - lastNanos >= EVERY_NANOS) {
            first = false;
            lastNanos = now;
            String unit = input.backlogUnit();
            if (unit != null) {
                metrics.backlog(input.backlog(), unit);
            }
        }
    }
}
