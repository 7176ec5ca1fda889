package io.connectorkit.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runner.testconnectors.RangesReader;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.FileCheckpointStore;
import io.connectorkit.store.ForwardingCheckpointStore;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partitioned run driven directly, over a store that delays every save and fails some: the split plan is saved
 * before the first record is written, and {@code @CheckpointCommitted} hears only of checkpoints already durable, the
 * final one of each split included.
 */
class SplitDurabilityTest {

    private static final String JOB = "durability";

    @TempDir
    Path dir;

    @AfterEach
    void forgetListener() {
        RangesReader.commits = null;
    }

    @Test
    void thePlanIsSavedBeforeTheFirstRecordAndCommitsNeverRunAheadOfDurableSaves() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Set<String> durable = ConcurrentHashMap.newKeySet();
        List<String> early = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> lastCommitted = new ConcurrentHashMap<>();
        AtomicInteger failedSaves = new AtomicInteger();
        RangesReader.commits = (split, next) -> {
            if (!durable.contains(split + ":" + next)) {
                early.add(split + ":" + next);
            }
            lastCommitted.merge(split, next, Math::max);
        };
        Map<String, String> configuration = Map.of("configuration.to", "2000", "configuration.splits", "4");
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build();
                CheckpointStore store = new SlowFailingStore(new FileCheckpointStore(dir.resolve("store")), events,
                        durable, failedSaves);
                RecordOutput output = RecordOutput.append(dir.resolve("out.jsonl"), JsonbBuilder::create, cut -> { })) {
            Mapper mapper = manager.findMapper("test", "ranges", 1, configuration).orElseThrow();
            JobSettings settings = new JobSettings("test", "ranges", configuration, JOB, 0, 0, Duration.ofMillis(10),
                    false);
            AtomicBoolean firstRecord = new AtomicBoolean(true);
            OutputOpener outputs = (partition, told) -> new StreamJobOutput(new RecordLines() {
                private final SplitLines lines = new SplitLines(output);

                @Override
                public void write(Object record) {
                    if (firstRecord.getAndSet(false)) {
                        events.add("record");
                    }
                    lines.write(record);
                }

                @Override
                public void flush() {
                    lines.flush();
                }

                @Override
                public void force() {
                    lines.force();
                }
            }, store, JOB, partition, false, Duration.ZERO, told);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            SplitRun run = new SplitRun(settings, mapper, store, outputs, new RunnerMetrics(false),
                    new PrintStream(log, true, StandardCharsets.UTF_8), new StopRequest(), true);

            assertEquals(JobRunner.Outcome.FINISHED, new PartitionedJobRunner(run, 2, 0, () -> null).run(),
                    log::toString);
        }
        assertEquals("plan", events.get(0), "the plan is saved before the first record: " + events.subList(0, 3));
        assertTrue(failedSaves.get() > 0, "the store failed some saves, which the writer retried");
        assertEquals(List.of(), early, "checkpoints reported to @CheckpointCommitted before they were durable");
        assertEquals(Map.of("r0-500", 500, "r500-1000", 1000, "r1000-1500", 1500, "r1500-2000", 2000), lastCommitted,
                "each split's final checkpoint is reported once durable");
        assertEquals(2000, Files.readAllLines(dir.resolve("out.jsonl")).size());
    }

    /**
     * Saves after a pause, and fails every fourth save of a split (before saving anything); records what it saved,
     * once durable, as {@code split:next}.
     */
    private static final class SlowFailingStore extends ForwardingCheckpointStore {
        private final List<String> events;
        private final Set<String> durable;
        private final AtomicInteger failed;
        private final AtomicInteger saves = new AtomicInteger();

        SlowFailingStore(CheckpointStore delegate, List<String> events, Set<String> durable, AtomicInteger failed) {
            super(delegate);
            this.events = events;
            this.durable = durable;
            this.failed = failed;
        }

        @Override
        public CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint,
                Audit audit) {
            if (partition.equals(JobPartitions.PLAN)) {
                events.add("plan");
                return super.save(job, partition, componentId, checkpoint, audit);
            }
            int n = saves.incrementAndGet();
            LockSupport.parkNanos(n % 3 == 0 ? 20_000_000 : 2_000_000);
            if (n % 4 == 0) {
                failed.incrementAndGet();
                throw new CheckpointStoreException("planted failure of save " + n);
            }
            CheckpointEnvelope saved = super.save(job, partition, componentId, checkpoint, audit);
            durable.add(partition + ":" + checkpoint.getJsonObject("$checkpoint").getInt("next"));
            return saved;
        }
    }
}
