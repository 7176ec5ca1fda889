package io.connectorkit.runner;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The Micrometer meters of a run's {@link RunnerMetrics}, for {@code --metrics FILE}: counters read from its plain
 * counters, the age of the last checkpoint, and the duration and size of each save.
 */
final class PrometheusMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer saveDuration;
    private final DistributionSummary checkpointSize;

    PrometheusMetrics(RunnerMetrics metrics) {
        FunctionCounter.builder("connectorkit.records.read", metrics, RunnerMetrics::records)
                .description("records read from the connector").register(registry);
        FunctionCounter.builder("connectorkit.checkpoints.taken", metrics, RunnerMetrics::checkpointsTaken)
                .description("checkpoints handed to the store (some may be coalesced)").register(registry);
        FunctionCounter.builder("connectorkit.checkpoints.saved", metrics, RunnerMetrics::checkpointsSaved)
                .description("checkpoints durably saved").register(registry);
        saveDuration = Timer.builder("connectorkit.checkpoint.save.duration")
                .description("time to save one checkpoint durably").register(registry);
        checkpointSize = DistributionSummary.builder("connectorkit.checkpoint.size").baseUnit("bytes")
                .description("size of a saved checkpoint's JSON").register(registry);
        Gauge.builder("connectorkit.checkpoint.age.seconds", metrics, RunnerMetrics::secondsSinceLastSave)
                .description("time since the last durable checkpoint (since start when none)").register(registry);
        FunctionCounter.builder("connectorkit.failures", metrics, RunnerMetrics::failures)
                .description("connector failures").register(registry);
        FunctionCounter.builder("connectorkit.retries", metrics, RunnerMetrics::retries)
                .description("retries after a failure").register(registry);
        Gauge.builder("connectorkit.splits.to.read", metrics, RunnerMetrics::splitsToRead)
                .description("the splits a partitioned job reads in this run (0 when not partitioned)").register(registry);
        Gauge.builder("connectorkit.splits.finished", metrics, RunnerMetrics::splitsFinished)
                .description("the splits read to their end in this run").register(registry);
    }

    /** The counters of one split, tagged with its id. */
    void split(SplitMetrics split) {
        FunctionCounter.builder("connectorkit.split.records.read", split, SplitMetrics::records)
                .tag("split", split.id()).description("records read from one split").register(registry);
        Gauge.builder("connectorkit.split.checkpoint.generation", split, SplitMetrics::lastSavedGeneration)
                .tag("split", split.id()).description("the split's last durable checkpoint generation")
                .register(registry);
        Gauge.builder("connectorkit.split.finished", split, s -> s.isFinished() ? 1 : 0)
                .tag("split", split.id()).description("1 once the split was read to its end").register(registry);
    }

    /** The input's backlog, tagged with its unit; registered when the input first reports it. */
    void backlog(RunnerMetrics metrics, String unit) {
        Gauge.builder("connectorkit.input.backlog", metrics, m -> m.backlog() < 0 ? Double.NaN : m.backlog())
                .tag("unit", unit)
                .description("how far the source is ahead of the last durable checkpoint, as the input's @Backlog "
                        + "says (a change feed: its server's position minus the durable one); NaN while unknown")
                .register(registry);
    }

    /** A durable save of {@code sizeBytes} that took {@code took}. */
    void saved(long sizeBytes, Duration took) {
        checkpointSize.record(sizeBytes);
        saveDuration.record(took);
    }

    /** The metrics in Prometheus text format. */
    String scrape() {
        return registry.scrape();
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
