package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.flink.fixtures.CommitLog;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which connector checkpoints a completed, aborted or subsumed Flink checkpoint commits (the fixture logs them). */
class PendingCommitsTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();
    private final PendingCommits commits = new PendingCommits("flinktest/commit-log");
    private Input input;

    @BeforeEach
    void start() {
        CommitLog.clear();
        input = manager.findMapper("flinktest", "commit-log", 1, Map.of("configuration.total", "100",
                "configuration.batchSize", "10")).orElseThrow().create();
        input.start();
    }

    @AfterEach
    void stop() {
        input.stop();
        manager.close();
    }

    /** Reads {@code records} records and returns the checkpoint after them. */
    private CheckpointState readTo(int records) {
        for (int i = 0; i < records; i++) {
            input.next();
        }
        return input.getCheckpoint();
    }

    private static List<String> committed() {
        return CommitLog.events().stream().filter(event -> event.startsWith("commit")).toList();
    }

    @Test
    void nothingIsCommittedBeforeItsCheckpointCompletesAndACompletedOneSubsumesTheOlder() {
        commits.snapshotTaken(1, Map.of(input, readTo(10)));
        commits.snapshotTaken(2, Map.of(input, readTo(10)));
        assertEquals(List.of(), committed());

        commits.completed(2, false);

        assertEquals(List.of("commit 20"), committed(), "the newest up to 2, once");
        commits.completed(1, false);
        assertEquals(List.of("commit 20"), committed(), "1 was subsumed");
    }

    @Test
    void anAbortedSnapshotCommitsNothingAndItsFinalCheckpointGoesToTheNext() {
        commits.snapshotTaken(1, Map.of(input, readTo(10)));
        CheckpointState end = readTo(90);
        commits.splitEnded(input, end);
        commits.snapshotTaken(2, Map.of());
        commits.aborted(2);
        commits.completed(1, false);
        assertEquals(List.of("commit 10"), committed());

        commits.snapshotTaken(3, Map.of());
        commits.completed(3, false);

        assertEquals(List.of("commit 10", "commit 100"), committed());
    }

    @Test
    void aFinalCheckpointAfterTheLastSnapshotWaitsForACheckpointTakenAfterTheReaderEnded() {
        commits.snapshotTaken(1, Map.of());
        commits.splitEnded(input, readTo(100));

        commits.completed(1, true);
        assertEquals(List.of(), committed(), "checkpoint 1 was taken before the split ended");

        commits.completed(2, true);
        assertEquals(List.of("commit 100"), committed(), "checkpoint 2 came after the task finished");
    }
}
