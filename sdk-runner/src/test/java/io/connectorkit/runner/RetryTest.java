package io.connectorkit.runner;

import static io.connectorkit.runner.Cli.fileStore;
import static io.connectorkit.runner.Cli.ids;
import static io.connectorkit.runner.Cli.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runner.testconnectors.FailOnceCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --retries K} with {@code test/fail-once}, a connector that fails before a given record. */
class RetryTest {

    private static final int TOTAL = 20;
    private static final int FAIL_AT = 12;

    @TempDir
    Path dir;

    private Cli.Result run(boolean failAlways, String... more) {
        Path configuration = Cli.write(dir.resolve("fail-once.json"), "{\"configuration\": {\"total\": " + TOTAL
                + ", \"failAt\": " + FAIL_AT + ", \"failAlways\": " + failAlways + ", \"marker\": \""
                + dir.resolve("failed.marker").toString().replace("\\", "\\\\") + "\"}}");
        String[] base = {"run", "--family", "test", "--name", "fail-once", "--configuration", configuration.toString(),
            "--store", fileStore(dir.resolve("store")), "--output", dir.resolve("out.jsonl").toString(),
            "--metrics", dir.resolve("metrics.prom").toString(), "--retry-backoff-ms", "1", "--quiet"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void aFailureIsRetriedFromTheLastSavedCheckpoint() {
        run(false, "--retries", "1").assertCode(0)
                .assertErrContains("test/fail-once", "simulated failure before record " + FAIL_AT, "retry 1 of 1");

        assertTrue(Files.exists(dir.resolve("failed.marker")), "the connector did fail once");
        List<Integer> ids = ids(dir.resolve("out.jsonl"));
        assertEquals(new TreeSet<>(IntStream.rangeClosed(1, TOTAL).boxed().toList()), new TreeSet<>(ids),
                () -> "every record: " + ids);
        int duplicates = ids.size() - TOTAL;
        assertTrue(duplicates <= FailOnceCheckpoint.INTERVAL, () -> "resumed from scratch? " + ids);
        // The checkpoint after record 10 was saved, so the retry starts at 11: only record 11 is read twice.
        assertEquals(List.of(11), IntStream.rangeClosed(1, TOTAL).filter(id -> ids.stream()
                .filter(i -> i == id).count() > 1).boxed().toList(), () -> "records read twice: " + ids);
        Path metrics = dir.resolve("metrics.prom");
        assertEquals(1.0, metric(metrics, "connectorkit_failures_total"));
        assertEquals(1.0, metric(metrics, "connectorkit_retries_total"));
        assertEquals(TOTAL + duplicates, metric(metrics, "connectorkit_records_read_total"));
    }

    @Test
    void withoutRetriesAFailureIsExit1NamingTheComponent() {
        run(false, "--retries", "0").assertCode(1)
                .assertErrContains("test/fail-once", "simulated failure before record " + FAIL_AT);

        assertEquals(1.0, metric(dir.resolve("metrics.prom"), "connectorkit_failures_total"));
        assertEquals(0.0, metric(dir.resolve("metrics.prom"), "connectorkit_retries_total"));
        assertEquals(IntStream.range(1, FAIL_AT).boxed().toList(), ids(dir.resolve("out.jsonl")),
                "the records read before the failure are written");

        // The rerun resumes from the checkpoint after record 10 and, the failure being over, finishes.
        run(false).assertCode(0).assertErrContains("resumes from checkpoint");
        List<Integer> ids = ids(dir.resolve("out.jsonl"));
        assertEquals(new TreeSet<>(IntStream.rangeClosed(1, TOTAL).boxed().toList()), new TreeSet<>(ids));
        assertTrue(ids.size() - TOTAL <= FailOnceCheckpoint.INTERVAL, ids::toString);
    }

    @Test
    void aConnectorThatKeepsFailingGivesUpAfterTheRetries() {
        run(true, "--retries", "2").assertCode(1).assertErrContains("test/fail-once", "gave up after 2 retries");

        assertEquals(3.0, metric(dir.resolve("metrics.prom"), "connectorkit_failures_total"));
        assertEquals(2.0, metric(dir.resolve("metrics.prom"), "connectorkit_retries_total"));
    }
}
