package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * For a connector whose checkpoint is at version 2 with a migration from version 1: a savepoint whose split states
 * hold version 1 checkpoints (taken with the older release, {@link DowngradingSource}) restores through the
 * connector's {@code MigrationHandler}, and the union of both jobs' outputs is every record exactly once.
 */
abstract class MigratingContract extends ExactlyOnceContract {

    /**
     * Turns a split's checkpoint (version 2) into what the connector's version 1 wrote; serializable, so independent
     * of the test instance.
     */
    abstract DowngradingSource.Downgrade downgrade();

    @Test
    void aSavepointOfVersion1CheckpointsRestoresThroughTheMigrationHandlerExactlyOnce() throws Exception {
        DowngradingSource.WRITTEN.set(0);
        Path output = temp.resolve("out");
        String savepoint = runAndStopWithSavepoint(new DowngradingSource(builder().build(), downgrade()), output);
        assertTrue(DowngradingSource.WRITTEN.get() > 0, "the savepoint holds version 1 checkpoints");
        List<String> first = FlinkJobs.committed(output);

        StreamExecutionEnvironment resumed = FlinkJobs.environment(savepoint);
        FlinkJobs.pipeline(resumed, builder().build(), new JobHooks.Plain(), output);
        resumed.execute(name() + " from a savepoint of version 1 checkpoints");

        assertFalse(first.isEmpty(), "the first job wrote records before it stopped");
        FlinkJobs.assertExactlyOnce(FlinkJobs.reference(family(), name(), configuration()),
                FlinkJobs.committed(output));
    }
}
