package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.InMemoryCheckpointStore;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A split plan saved under {@code _plan} and read back; a plan that cannot be read is a clear error. */
class SavedPlansTest {

    private static final String JOB = "folders";

    @TempDir
    Path folder;

    private SplitPlan plan() throws IOException {
        Files.writeString(folder.resolve("a.log"), "1\n");
        Files.writeString(folder.resolve("b.log"), "2\n");
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Mapper mapper = manager.findMapper("file", "folder-input", 1,
                    Map.of("configuration.folder", folder.toString(), "configuration.glob", "*.log")).orElseThrow();
            return SplitPlan.create(mapper, 1);
        }
    }

    @Test
    void aSavedPlanIsTheLatestGenerationOfThePlanPartitionUnderItsComponent() throws IOException {
        SplitPlan plan = plan();
        try (InMemoryCheckpointStore store = new InMemoryCheckpointStore()) {
            assertEquals(Optional.empty(), SavedPlans.load(store, JOB), "no plan: a plain job, or never run");

            SavedPlans.save(store, JOB, plan);
            CheckpointEnvelope second = SavedPlans.save(store, JOB, plan.markFinished("a.log"));

            assertEquals(JobPartitions.PLAN, second.partition());
            assertEquals(2, second.generation(), "each change is a new generation");
            assertEquals("file/folder-input", second.componentId());
            assertEquals(plan.markFinished("a.log").toJson(), second.checkpoint().getJsonObject("$checkpoint"));
            assertEquals(plan.markFinished("a.log"), SavedPlans.load(store, JOB).orElseThrow());
            assertEquals(second, SavedPlans.loadSaved(store, JOB).orElseThrow().envelope());
            assertEquals(Optional.empty(), store.loadLatest(JOB, JobPartitions.SINGLE));
        }
    }

    @Test
    void aPlanThatCannotBeReadIsAStoreErrorNamingTheJobAndGeneration() throws IOException {
        try (InMemoryCheckpointStore store = new InMemoryCheckpointStore()) {
            SavedPlans.save(store, JOB, plan());
            store.save(JOB, JobPartitions.PLAN, "file/folder-input", Json.createObjectBuilder().add("$checkpoint",
                    Json.createObjectBuilder().add("__version", 1).add("complete", true)).build());

            RunnerException e = assertThrows(RunnerException.class, () -> SavedPlans.load(store, JOB));

            assertEquals(ExitCodes.STORE_FAILED, e.exitCode());
            assertTrue(e.getMessage().startsWith("job 'folders': the split plan saved as generation 2 of partition "
                    + "_plan in in-memory store@"), e.getMessage());
            assertTrue(e.getMessage().contains("cannot be read: a split plan needs \"splits\""), e.getMessage());
        }
    }
}
