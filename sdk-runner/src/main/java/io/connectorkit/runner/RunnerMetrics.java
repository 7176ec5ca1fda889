package io.connectorkit.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job's metrics: plain counters, which the progress line and the final line read, and, when a metrics file is
 * asked for, their Micrometer meters in Prometheus text format ({@link PrometheusMetrics}). Without a metrics file no
 * Micrometer class is loaded: its core takes tens of milliseconds of a cold start. The record counter is a plain
 * field, so counting a record costs one add on the record path. A partitioned job counts each split's records in its
 * own {@link SplitMetrics} (one reading thread each), which {@link #records()} sums.
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
    private final Map<String, SplitMetrics> splitsById = new ConcurrentHashMap<>();
    private final List<SplitMetrics> splits = new CopyOnWriteArrayList<>();
    private volatile int splitsToRead;
    private volatile long backlog = -1;
    private volatile String backlogUnit;

    /** @param prometheus whether {@link #scrape()} is needed: a metrics file is written */
    RunnerMetrics(boolean prometheus) {
        lastSavedNanos = startNanos;
        this.prometheus = prometheus ? new PrometheusMetrics(this) : null;
    }

    /** One record read; called on the record path by the one reading thread. */
    void recordRead() {
        records.lazySet(records.get() + 1);
    }

    /** The records read in this run, every split's included. */
    long records() {
        long sum = records.get();
        for (SplitMetrics split : splits) {
            sum += split.records();
        }
        return sum;
    }

    /** A partitioned job has {@code count} splits to read in this run (its plan's pending ones). */
    void splitsToRead(int count) {
        splitsToRead = count;
    }

    /** The counters of split {@code id}, made at its first use. */
    SplitMetrics split(String id) {
        return splitsById.computeIfAbsent(id, key -> {
            SplitMetrics made = new SplitMetrics(key);
            splits.add(made);
            if (prometheus != null) {
                prometheus.split(made);
            }
            return made;
        });
    }

    /** The splits read in this run, in the order they started. */
    List<SplitMetrics> splits() {
        return new ArrayList<>(splits);
    }

    /** The splits to read in this run (0 for a job that is not partitioned). */
    int splitsToRead() {
        return splitsToRead;
    }

    /** The splits finished in this run. */
    long splitsFinished() {
        return splits.stream().filter(SplitMetrics::isFinished).count();
    }

    /**
     * The input's backlog ({@code @Backlog}), from the reading thread: {@code value} in {@code unit}, negative when
     * the input does not know it yet.
     */
    void backlog(long value, String unit) {
        if (backlogUnit == null && prometheus != null) {
            prometheus.backlog(this, unit);
        }
        backlogUnit = unit;
        backlog = value;
    }

    /** The input's last backlog, negative when unknown (or the input has no {@code @Backlog}). */
    long backlog() {
        return backlog;
    }

    /** What {@link #backlog()} counts; {@code null} when the input has no {@code @Backlog}. */
    String backlogUnit() {
        return backlogUnit;
    }

    void checkpointTaken() {
        checkpointsTaken.incrementAndGet();
    }

    long checkpointsTaken() {
        return checkpointsTaken.get();
    }

    /** A save of {@code partition} returned: it is durable. */
    void checkpointSaved(String partition, long generation, long sizeBytes, Duration took) {
        SplitMetrics split = splitsById.get(partition);
        if (split != null) {
            split.checkpointSaved(generation);
        }
        checkpointSaved(generation, sizeBytes, took);
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
