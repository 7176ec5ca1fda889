package io.connectorkit.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job's metrics: plain counters, which the progress line and the final line read, and, when a metrics file is
 * asked for, their Micrometer meters in Prometheus text format ({@link PrometheusMetrics}). Without a metrics file no
 * Micrometer class is loaded: its core takes tens of milliseconds of a cold start. The record counter is a plain
 * field, so counting a record costs one add on the record path.
 */
final class RunnerMetrics {

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong checkpointsTaken = new AtomicLong();
    private final AtomicLong checkpointsSaved = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final PrometheusMetrics prometheus;
    private volatile long lastSavedNanos;
    private volatile long lastSavedGeneration;
    private final long startNanos = System.nanoTime();

    /** @param prometheus whether {@link #scrape()} is needed: a metrics file is written */
    RunnerMetrics(boolean prometheus) {
        lastSavedNanos = startNanos;
        this.prometheus = prometheus ? new PrometheusMetrics(this) : null;
    }

    /** One record read; called on the record path by the one reading thread. */
    void recordRead() {
        records.lazySet(records.get() + 1);
    }

    long records() {
        return records.get();
    }

    void checkpointTaken() {
        checkpointsTaken.incrementAndGet();
    }

    long checkpointsTaken() {
        return checkpointsTaken.get();
    }

    /** A save returned: it is durable. */
    void checkpointSaved(long generation, long sizeBytes, Duration took) {
        checkpointsSaved.incrementAndGet();
        if (prometheus != null) {
            prometheus.saved(sizeBytes, took);
        }
        lastSavedGeneration = generation;
        lastSavedNanos = System.nanoTime();
    }

    long checkpointsSaved() {
        return checkpointsSaved.get();
    }

    /** The last durable generation, 0 when none in this run. */
    long lastSavedGeneration() {
        return lastSavedGeneration;
    }

    double secondsSinceLastSave() {
        return (System.nanoTime() - lastSavedNanos) / 1e9;
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void failure() {
        failures.incrementAndGet();
    }

    long failures() {
        return failures.get();
    }

    void retry() {
        retries.incrementAndGet();
    }

    long retries() {
        return retries.get();
    }

    /** The metrics in Prometheus text format; only when made for Prometheus. */
    String scrape() {
        if (prometheus == null) {
            throw new IllegalStateException("these metrics were made without a metrics file");
        }
        return prometheus.scrape();
    }

    /** Writes {@link #scrape()} to {@code file} with temp file + atomic rename, so a reader never sees half of it. */
    void writeTo(Path file) {
        if (prometheus == null) {
            throw new IllegalStateException("these metrics were made without a metrics file");
        }
        prometheus.writeTo(file);
    }
}
