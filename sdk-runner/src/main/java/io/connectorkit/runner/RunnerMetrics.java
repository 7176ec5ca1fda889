package io.connectorkit.runner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job's metrics, in Micrometer, written in Prometheus text format when a metrics file is asked for (otherwise in
 * a simple registry, which the progress line and the final line read, and Prometheus's classes are never loaded). The
 * record counter is a plain field read by a function counter, so counting a record costs one add on the record path.
 */
final class RunnerMetrics {

    private final MeterRegistry registry;
    private final AtomicLong records = new AtomicLong();
    private final Counter checkpointsTaken;
    private final Counter checkpointsSaved;
    private final Timer saveDuration;
    private final DistributionSummary checkpointSize;
    private final Counter failures;
    private final Counter retries;
    private volatile long lastSavedNanos;
    private volatile long lastSavedGeneration;
    private final long startNanos = System.nanoTime();

    /** @param prometheus whether {@link #scrape()} is needed: a metrics file is written */
    RunnerMetrics(boolean prometheus) {
        registry = prometheus ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : new SimpleMeterRegistry();
        FunctionCounter.builder("connectorkit.records.read", records, AtomicLong::get)
                .description("records read from the connector").register(registry);
        checkpointsTaken = Counter.builder("connectorkit.checkpoints.taken")
                .description("checkpoints handed to the store (some may be coalesced)").register(registry);
        checkpointsSaved = Counter.builder("connectorkit.checkpoints.saved")
                .description("checkpoints durably saved").register(registry);
        saveDuration = Timer.builder("connectorkit.checkpoint.save.duration")
                .description("time to save one checkpoint durably").register(registry);
        checkpointSize = DistributionSummary.builder("connectorkit.checkpoint.size").baseUnit("bytes")
                .description("size of a saved checkpoint's JSON").register(registry);
        Gauge.builder("connectorkit.checkpoint.age.seconds", this, RunnerMetrics::secondsSinceLastSave)
                .description("time since the last durable checkpoint (since start when none)").register(registry);
        failures = Counter.builder("connectorkit.failures").description("connector failures").register(registry);
        retries = Counter.builder("connectorkit.retries").description("retries after a failure").register(registry);
        lastSavedNanos = startNanos;
    }

    /** One record read; called on the record path by the one reading thread. */
    void recordRead() {
        records.lazySet(records.get() + 1);
    }

    long records() {
        return records.get();
    }

    void checkpointTaken() {
        checkpointsTaken.increment();
    }

    /** A save returned: it is durable. */
    void checkpointSaved(long generation, long sizeBytes, Duration took) {
        checkpointsSaved.increment();
        checkpointSize.record(sizeBytes);
        saveDuration.record(took);
        lastSavedGeneration = generation;
        lastSavedNanos = System.nanoTime();
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
        failures.increment();
    }

    void retry() {
        retries.increment();
    }

    /** The metrics in Prometheus text format; only when made for Prometheus. */
    String scrape() {
        if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
            throw new IllegalStateException("these metrics were made without a metrics file");
        }
        return prometheus.scrape();
    }

    /** Writes {@link #scrape()} to {@code file} with temp file + atomic rename, so a reader never sees half of it. */
    void writeTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temp, scrape(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RunnerException(ExitCodes.OUTPUT_FAILED, "cannot write the metrics file " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
