package io.connectorkit.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes a run's metrics to the {@code --metrics} file every 5 s on a daemon thread, and once more on
 * {@link #close()}, after the periodic writes stopped, so that the last file written is the one kept. A write that
 * fails is a warning, never what decides (or hides) the job's result.
 */
final class MetricsFileWriter implements AutoCloseable {

    private final RunnerMetrics metrics;
    private final Path file;
    private final PrintStream log;
    private final ScheduledExecutorService executor;

    private MetricsFileWriter(RunnerMetrics metrics, Path file, PrintStream log) {
        this.metrics = metrics;
        this.file = file;
        this.log = log;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "metrics-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts writing {@code metrics} to {@code file}, the first time in 5 s; warnings go to {@code log}. */
    static MetricsFileWriter start(RunnerMetrics metrics, Path file, PrintStream log) {
        MetricsFileWriter writer = new MetricsFileWriter(metrics, file, log);
        writer.executor.scheduleAtFixedRate(writer::write, 5, 5, TimeUnit.SECONDS);
        return writer;
    }

    /** Stops the periodic writes (waiting up to 10 s for one in progress), then writes the file a last time. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }

    private void write() {
        try {
            metrics.writeTo(file);
        } catch (RunnerException e) {
            log.println("connectorkit: warning: " + e.getMessage());
        }
    }
}
