package io.connectorkit.samples.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * folder-input end to end through the runtime: one split per file, each split read and resumed on its own, and a file
 * moved to the done folder only once a checkpoint covering all of it was committed.
 */
class FolderInputTest {

    @TempDir
    Path folder;

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @BeforeEach
    void files() throws IOException {
        write("b.log", 3);
        write("a.log", 120);
        write("c.log", 1);
        Files.writeString(folder.resolve("notes.txt"), "not a log\n");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private void write(String name, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append(name).append(" line ").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Mapper mapper() {
        return manager.findMapper("file", "folder-input", 1,
                Map.of("configuration.folder", folder.toString(), "configuration.glob", "*.log")).orElseThrow();
    }

    /** Reads {@code input} to its end in callback mode; the checkpoints delivered go to {@code checkpoints}. */
    private static List<JsonObject> read(Input input, List<CheckpointState> checkpoints) {
        List<JsonObject> records = new ArrayList<>();
        input.start(checkpoints::add);
        for (Object record = input.next(); record != null; record = input.next()) {
            records.add((JsonObject) record);
        }
        input.stop();
        return records;
    }

    private boolean inFolder(String name) {
        return Files.exists(folder.resolve(name));
    }

    private boolean done(String name) {
        return Files.exists(folder.resolve("done").resolve(name));
    }

    @Test
    void eachMatchingFileIsASplitNamedAfterItInNameOrder() throws IOException {
        Mapper mapper = mapper();
        List<Split> splits = mapper.split(1);

        assertEquals(List.of("a.log", "b.log", "c.log"), splits.stream().map(Split::id).toList());
        assertEquals("b.log", splits.get(1).configuration().get("configuration.file"));
        assertEquals(Files.size(folder.resolve("a.log")) + Files.size(folder.resolve("b.log"))
                + Files.size(folder.resolve("c.log")), mapper.estimateSize());
        assertEquals(SplitPlan.create(mapper, 1), SplitPlan.create(mapper(), 1), "the same folder, the same plan");
    }

    @Test
    void theSplitsTogetherReadWhatTheWholeFolderReads() {
        Mapper mapper = mapper();
        List<JsonObject> all = new ArrayList<>();
        for (Split split : mapper.split(1)) {
            all.addAll(read(mapper.create(split, null), new ArrayList<>()));
        }
        List<JsonObject> whole = read(mapper.create(), new ArrayList<>());

        assertEquals(124, whole.size());
        assertEquals(whole, all);
        assertEquals("{\"file\":\"b.log\",\"line\":2,\"text\":\"b.log line 2\"}", whole.get(121).toString());
    }

    @Test
    void aHostPlansOnceThenReadsEachSplitFromItsOwnCheckpointAndCommitsWhatItSaved() {
        Map<String, String> configuration = Map.of("configuration.folder", folder.toString(),
                "configuration.glob", "*.log");
        // The first run: plan once, save the plan.
        Mapper mapper = manager.findMapper("file", "folder-input", 1, configuration).orElseThrow();
        JsonObject savedPlan = SplitPlan.create(mapper, Math.max(1, mapper.estimateSize() / 4)).toJson();
        Map<String, CheckpointState> saved = new HashMap<>(); // the store: each split's latest durable checkpoint

        // A later run (or another worker): read the saved plan, never split again.
        Mapper resumed = manager.findMapper("file", "folder-input", 1, configuration).orElseThrow();
        SplitPlan plan = SplitPlan.fromJson(savedPlan);
        plan.checkAgainst(resumed); // the same configuration, or an error naming what changed
        for (Split split : plan.pending()) {
            Input input = resumed.create(split, saved.get(split.id()));
            List<CheckpointState> taken = new ArrayList<>();
            input.start(taken::add);
            for (Object record = input.next(); record != null; record = input.next()) {
                // ... hand the record on
            }
            input.stop(); // delivers the split's final checkpoint
            CheckpointState last = taken.get(taken.size() - 1);
            saved.put(split.id(), last); // save it durably first,
            input.checkpointCommitted(last); // then tell the connector
            plan = plan.markFinished(split.id());
        }
        assertTrue(plan.isFinished());
        assertTrue(done("a.log") && done("b.log") && done("c.log"));
    }

    @Test
    void aSplitResumesFromItsOwnCheckpointAtTheNextLine() {
        Mapper mapper = mapper();
        Split a = mapper.split(1).get(0);
        List<CheckpointState> checkpoints = new ArrayList<>();
        List<JsonObject> first = read(mapper.create(a, null), checkpoints);
        CheckpointState afterFifty = checkpoints.get(0);
        assertEquals(50, afterFifty.state().getJsonNumber("line").longValue());

        List<JsonObject> resumed = read(mapper.create(a, afterFifty), new ArrayList<>());
        assertEquals(first.subList(50, 120), resumed);
    }

    @Test
    void aFileIsMovedOnlyOnceTheCheckpointThatCoversAllOfItIsCommitted() {
        Mapper mapper = mapper();
        Split a = mapper.split(1).get(0);
        List<CheckpointState> checkpoints = new ArrayList<>();
        Input input = mapper.create(a, null);
        read(input, checkpoints);
        CheckpointState last = checkpoints.get(checkpoints.size() - 1);
        assertTrue(last.state().getBoolean("finished"));
        assertTrue(inFolder("a.log"), "read to its end, but nothing is durable yet");

        input.checkpointCommitted(checkpoints.get(1)); // after line 100: durable, but a.log is not read whole
        assertTrue(inFolder("a.log"));

        input.checkpointCommitted(last);
        assertFalse(inFolder("a.log"));
        assertTrue(done("a.log"));
        assertTrue(inFolder("b.log"), "another split's file is not this worker's to move");
    }

    @Test
    void aHostWhoseSaveFailedResumesTheFileFromTheLastDurableCheckpointAndMovesItThen() {
        Mapper mapper = mapper();
        Split a = mapper.split(1).get(0);
        List<CheckpointState> checkpoints = new ArrayList<>();
        Input crashed = mapper.create(a, null);
        read(crashed, checkpoints);
        // The host saved only the first checkpoint (line 50); saving the others failed, so it committed only that.
        CheckpointState durable = checkpoints.get(0);
        crashed.checkpointCommitted(durable);
        assertTrue(inFolder("a.log"), "the file's end was never durable");

        List<CheckpointState> again = new ArrayList<>();
        Input resumed = mapper.create(a, durable);
        List<JsonObject> records = read(resumed, again);
        assertEquals(70, records.size());
        assertTrue(inFolder("a.log"));
        resumed.checkpointCommitted(again.get(again.size() - 1));
        assertTrue(done("a.log"));
    }

    @Test
    void aSplitWhoseFileWasMovedResumesFromItsFinalCheckpointToNothing() {
        Mapper mapper = mapper();
        Split c = mapper.split(1).get(2);
        List<CheckpointState> checkpoints = new ArrayList<>();
        Input input = mapper.create(c, null);
        read(input, checkpoints);
        CheckpointState last = checkpoints.get(checkpoints.size() - 1);
        input.checkpointCommitted(last);
        assertTrue(done("c.log"));

        assertEquals(List.of(), read(mapper.create(c, last), new ArrayList<>()));
    }

    @Test
    void theWholeFolderMovesEachFileItsDurableCheckpointHasPassed() {
        List<CheckpointState> checkpoints = new ArrayList<>();
        Input input = mapper().create();
        read(input, checkpoints);
        CheckpointState inA = checkpoints.get(1);
        assertEquals("a.log", inA.state().getString("file"));

        input.checkpointCommitted(inA);
        assertTrue(inFolder("a.log"), "line 100 of 120 does not cover a.log");

        CheckpointState last = checkpoints.get(checkpoints.size() - 1);
        assertEquals("c.log", last.state().getString("file"));
        input.checkpointCommitted(last);
        assertTrue(done("a.log") && done("b.log") && done("c.log"));
        assertTrue(inFolder("notes.txt"), "not matched by the glob, never read, never moved");
    }
}
