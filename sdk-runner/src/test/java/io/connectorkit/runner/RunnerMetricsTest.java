package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.listInput;
import static io.connectorkit.runner.Cli.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --metrics FILE}: the Prometheus text Micrometer's registry writes at the end of a run. */
class RunnerMetricsTest {

    @TempDir
    Path dir;

    @Test
    void aRunWritesItsMetricsInPrometheusText() throws IOException {
        Path metrics = dir.resolve("metrics.prom");

        Cli.run("run", "--family", "checkpoint", "--name", "list-input", "--configuration",
                listInput(dir, 25, 10).toString(), "--store", fileStore(dir.resolve("store")), "--output",
                dir.resolve("out.jsonl").toString(), "--metrics", metrics.toString(), "--sync-saves", "--quiet")
                .assertCode(0);

        String text = Files.readString(metrics);
        assertTrue(text.contains("# TYPE connectorkit_records_read_total counter"), text);
        assertEquals(25.0, metric(metrics, "connectorkit_records_read_total"));
        double saved = metric(metrics, "connectorkit_checkpoints_saved_total");
        // --sync-saves: none coalesced; the checkpoints after records 10, 20 and the final one after 25.
        assertEquals(3.0, saved);
        assertEquals(saved, metric(metrics, "connectorkit_checkpoints_taken_total"));
        assertEquals(saved, metric(metrics, "connectorkit_checkpoint_save_duration_seconds_count"));
        assertTrue(metric(metrics, "connectorkit_checkpoint_save_duration_seconds_sum") > 0, text);
        assertTrue(metric(metrics, "connectorkit_checkpoint_save_duration_seconds_max") > 0, text);
        assertEquals(saved, metric(metrics, "connectorkit_checkpoint_size_bytes_count"));
        assertTrue(metric(metrics, "connectorkit_checkpoint_size_bytes_max") > 50, text);
        assertTrue(metric(metrics, "connectorkit_checkpoint_size_bytes_sum")
                >= metric(metrics, "connectorkit_checkpoint_size_bytes_max"), text);
        assertEquals(0.0, metric(metrics, "connectorkit_failures_total"));
        assertEquals(0.0, metric(metrics, "connectorkit_retries_total"));
        assertTrue(metric(metrics, "connectorkit_checkpoint_age_seconds") >= 0, text);
        assertTrue(text.contains("# TYPE connectorkit_checkpoint_age_seconds gauge"), text);
    }

    @Test
    void aRunThatIsRefusedStillWritesItsMetrics() {
        Path metrics = dir.resolve("metrics.prom");

        Cli.run("run", "--family", "checkpoint", "--name", "no-such-input", "--store", fileStore(dir.resolve("store")),
                "--metrics", metrics.toString(), "--quiet").assertCode(4);

        assertEquals(0.0, metric(metrics, "connectorkit_records_read_total"));
        assertEquals(0.0, metric(metrics, "connectorkit_checkpoints_saved_total"));
    }
}
