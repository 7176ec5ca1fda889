package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.flink.fixtures.CommitLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An infinite input on the MiniCluster: {@code flinktest/tail} follows a file the test appends to, in groups of three
 * records with a safe point after each group, and keepalive lines that move its position without a record. Its job
 * never ends by itself: each test waits for what it expects in the {@code FileSink}'s committed output, lets a few
 * more checkpoints pass (so that a repeated record would show), then cancels the job.
 */
class InfiniteInputOnFlinkTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkJobs.cluster();

    /** How long a test waits for what it expects: far more than it takes on a busy machine. */
    private static final long PATIENCE_MILLIS = 90_000;

    @TempDir
    Path temp;

    private Path feed;
    private int written;
    private final List<JobClient> jobs = new ArrayList<>();

    @BeforeEach
    void createTheFeed() throws IOException {
        JobHooks.reset();
        CommitLog.clear();
        feed = Files.createFile(temp.resolve("feed.txt"));
    }

    /** Cancels a job a failed test left running: it would hold the cluster's slots, and the next test would wait. */
    @AfterEach
    void cancelWhatStillRuns() throws Exception {
        for (JobClient job : jobs) {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get();
            }
        }
    }

    /** Starts the tests' pipeline over the feed, from {@code savepoint} unless it is null. */
    private JobClient start(String savepoint, MapFunction<JsonObject, String> map, Path output, String name)
            throws Exception {
        StreamExecutionEnvironment env = FlinkJobs.environment(savepoint);
        FlinkJobs.pipeline(env, source(), map, output);
        JobClient job = env.executeAsync(name);
        jobs.add(job);
        return job;
    }

    private ConnectorKitSource<JsonObject> source() {
        return ConnectorKitSource.builder("flinktest", "tail").configuration(Map.of("configuration.path",
                feed.toString())).build();
    }

    @Test
    void anInfiniteInputMakesAnUnboundedSource() {
        assertEquals(Boundedness.CONTINUOUS_UNBOUNDED, source().getBoundedness());
    }

    @Test
    void anInducedFailureWhileFollowingEndsWithEveryRecordExactlyOnce() throws Exception {
        Path output = temp.resolve("out");
        JobClient job = start(null, new JobHooks.FailOnce(300, 37), output, "tail with a failure");

        write(1500);
        awaitCommitted(job, output, 1500);

        assertTrue(JobHooks.FAILED.get(), "the failure was induced");
        FlinkJobs.assertExactlyOnce(records(1500), settleThenCancel(job, output));
    }

    @Test
    void stopWithSavepointMidStreamThenANewJobFromItReadsOnExactlyOnce() throws Exception {
        Path output = temp.resolve("out");
        JobClient first = start(null, new JobHooks.Paced(), output, "tail until a savepoint");
        write(3000); // 3 s of the paced map: the job is stopped long before it read them all
        await(() -> JobHooks.PASSED.get() >= 300, first, () -> "300 records through the paced map");
        String savepoint = first.stopWithSavepoint(false, temp.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();
        first.getJobExecutionResult().get();
        int firstJob = FlinkJobs.committed(output).size();

        write(3600);
        JobClient second = start(savepoint, new JobHooks.Plain(), output, "tail from a savepoint");
        awaitCommitted(second, output, 3600);

        List<String> all = settleThenCancel(second, output);
        assertTrue(firstJob > 0 && firstJob < 3000, "the first job was stopped mid-stream, after " + firstJob
                + " records");
        FlinkJobs.assertExactlyOnce(records(3600), all);
    }

    @Test
    void aPositionThatMovedWhileIdleIsCommittedOnceFlinkCompletedACheckpoint() throws Exception {
        Path output = temp.resolve("out");
        JobClient job = start(null, new JobHooks.Plain(), output, "tail, then only keepalives");
        write(3);
        awaitCommitted(job, output, 3);

        append("# keepalive\n# keepalive\n");
        String moved = "tail commit " + Files.size(feed);
        await(() -> CommitLog.events().contains(moved), job, () -> "'" + moved + "' in " + CommitLog.events());

        FlinkJobs.assertExactlyOnce(records(3), settleThenCancel(job, output));
    }

    /**
     * Appends the records after the last one written up to {@code total}: groups of three ({@code "7+"},
     * {@code "8+"}, {@code "9"}), a keepalive line after every tenth group, 30 records a write.
     */
    private void write(int total) throws IOException, InterruptedException {
        StringBuilder lines = new StringBuilder();
        while (written < total) {
            written++;
            lines.append(written).append(written % 3 == 0 ? "\n" : "+\n");
            if (written % 30 == 0) {
                lines.append("# keepalive\n");
            }
            if (written % 30 == 0 || written == total) {
                append(lines.toString());
                lines.setLength(0);
                Thread.sleep(1);
            }
        }
    }

    private void append(String lines) throws IOException {
        Files.writeString(feed, lines, StandardOpenOption.APPEND);
    }

    /** The records {@code 1 … total}, as their JSON text. */
    private static List<String> records(int total) {
        return IntStream.rangeClosed(1, total).mapToObj(n -> Json.createObjectBuilder().add("n", n).build()
                .toString()).toList();
    }

    private static void awaitCommitted(JobClient job, Path output, int records) throws Exception {
        await(() -> FlinkJobs.committed(output).size() >= records, job, () -> records + " records committed by the "
                + "sink; " + FlinkJobs.committed(output).size() + " are (failure induced: " + JobHooks.FAILED.get()
                + ", records through the map: " + JobHooks.PASSED.get() + ")");
    }

    private static void await(BooleanSupplier condition, JobClient job, Supplier<String> what) throws Exception {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!condition.getAsBoolean()) {
            assertFalse(job.getJobStatus().get().isGloballyTerminalState(), () -> "the job ended, waiting for "
                    + what.get());
            assertTrue(System.currentTimeMillis() < deadline, () -> "waited " + PATIENCE_MILLIS + " ms for "
                    + what.get());
            Thread.sleep(20);
        }
    }

    /** Lets a few checkpoints pass, so that a record written twice would be committed too; cancels the job. */
    private static List<String> settleThenCancel(JobClient job, Path output) throws Exception {
        Thread.sleep(500);
        List<String> committed = FlinkJobs.committed(output);
        assertFalse(job.getJobStatus().get().isGloballyTerminalState(), "an infinite input's job never ends by itself");
        job.cancel().get();
        return committed;
    }
}
