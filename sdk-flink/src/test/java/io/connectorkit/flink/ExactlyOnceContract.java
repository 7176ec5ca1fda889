package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every input must do on Flink, run by a subclass per connector on the MiniCluster: an induced failure, and a
 * stop-with-savepoint then a restore, each ending with every record exactly once in the {@code FileSink}'s output,
 * compared with a read of the same component through the runtime alone.
 */
abstract class ExactlyOnceContract {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkJobs.cluster();

    @TempDir
    Path temp;

    /** The component, as {@code family}, {@code name}. */
    abstract String family();

    abstract String name();

    /** The configuration both Flink and the reference read. */
    abstract Map<String, String> configuration();

    /** The source the jobs read (its desired split size, if any, set). */
    abstract ConnectorKitSourceBuilder builder();

    /**
     * How many records a subtask passes before the induced failure (then it waits for a checkpoint, 1 ms a record),
     * and how many the paced job passes before it is stopped with a savepoint: well before the end, so that neither
     * can come too late on a busy machine.
     */
    abstract long failAfter();

    @BeforeEach
    final void resetHooks() {
        JobHooks.reset();
    }

    @Test
    void anInducedFailureMidRunEndsWithEveryRecordExactlyOnce() throws Exception {
        Path output = temp.resolve("out");
        StreamExecutionEnvironment env = FlinkJobs.environment(null);
        FlinkJobs.pipeline(env, builder().build(), new JobHooks.FailOnce(failAfter(), 37), output);
        env.execute(name() + " with a failure");

        assertTrue(JobHooks.FAILED.get(), "the failure was induced");
        FlinkJobs.assertExactlyOnce(FlinkJobs.reference(family(), name(), configuration()),
                FlinkJobs.committed(output));
    }

    @Test
    void stopWithSavepointThenANewJobFromItWritesEveryRecordExactlyOnce() throws Exception {
        Path output = temp.resolve("out");
        String savepoint = runAndStopWithSavepoint(builder().build(), output);
        List<String> first = FlinkJobs.committed(output);

        StreamExecutionEnvironment resumed = FlinkJobs.environment(savepoint);
        FlinkJobs.pipeline(resumed, builder().build(), new JobHooks.Plain(), output);
        resumed.execute(name() + " from a savepoint");

        List<String> all = FlinkJobs.committed(output);
        assertFalse(first.isEmpty(), "the first job wrote records before it stopped");
        assertTrue(all.size() > first.size(), "the second job wrote the rest");
        FlinkJobs.assertExactlyOnce(FlinkJobs.reference(family(), name(), configuration()), new ArrayList<>(all));
    }

    /**
     * Runs {@code source} paced (1 ms a record) until {@link #failAfter()} records went through, then stops it with
     * a savepoint.
     *
     * @return the savepoint's path
     */
    final String runAndStopWithSavepoint(Source<JsonObject, ?, ?> source, Path output) throws Exception {
        StreamExecutionEnvironment env = FlinkJobs.environment(null);
        FlinkJobs.pipeline(env, source, new JobHooks.Paced(), output);
        JobClient job = env.executeAsync(name() + " until a savepoint");
        while (JobHooks.PASSED.get() < failAfter()) {
            assertFalse(job.getJobStatus().get().isGloballyTerminalState(), "the job ended before it was stopped");
            Thread.sleep(10);
        }
        String savepoint = job.stopWithSavepoint(false, temp.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();
        job.getJobExecutionResult().get();
        return savepoint;
    }
}
