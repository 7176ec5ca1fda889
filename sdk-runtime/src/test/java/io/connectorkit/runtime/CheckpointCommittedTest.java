package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.fixtures.Ranges;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Input.checkpointCommitted}: the worker is told only of checkpoints it handed out, never of older ones. */
class CheckpointCommittedTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();
    private final List<CheckpointState> delivered = new ArrayList<>();
    private Input input;

    @BeforeEach
    void start() {
        Ranges.COMMITTED.clear();
        input = manager.findMapper("test", "ranges", 1, Map.of("to", "6", "token", "s3cret")).orElseThrow().create();
        input.start(delivered::add);
        for (Object record = input.next(); record != null; record = input.next()) {
            // every second record is a checkpoint (interval 2), delivered at the next call
        }
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static long next(CheckpointState state) {
        return state.state().getJsonNumber("next").longValue();
    }

    @Test
    void theWorkerIsCalledWithTheCommittedStateBoundBack() {
        assertEquals(List.of(2L, 4L, 6L), delivered.stream().map(CheckpointCommittedTest::next).toList());
        input.checkpointCommitted(delivered.get(1));
        assertEquals(List.of(4L), Ranges.COMMITTED);
    }

    @Test
    void aCheckpointReadBackFromJsonIsRecognised() {
        input.checkpointCommitted(CheckpointState.fromJson(delivered.get(0).toJson()));
        assertEquals(List.of(2L), Ranges.COMMITTED);
    }

    @Test
    void theFinalCheckpointCanBeCommittedAfterStop() {
        input.stop();
        CheckpointState last = delivered.get(delivered.size() - 1);
        assertEquals(6L, next(last));
        input.checkpointCommitted(last);
        assertEquals(List.of(6L), Ranges.COMMITTED);
    }

    @Test
    void committingTheSameCheckpointTwiceCallsTheWorkerOnce() {
        input.checkpointCommitted(delivered.get(0));
        input.checkpointCommitted(delivered.get(0));
        assertEquals(List.of(2L), Ranges.COMMITTED);
    }

    @Test
    void aCheckpointOlderThanOneCommittedIsRefused() {
        input.checkpointCommitted(delivered.get(1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> input.checkpointCommitted(delivered.get(0)));
        assertTrue(error.getMessage().startsWith("test/ranges: checkpointCommitted({\"$checkpoint\":{\"next\":2,"
                + "\"__version\":1}}) refused: this input never handed out that checkpoint, or it is older than one "
                + "already committed ({\"$checkpoint\":{\"next\":4,\"__version\":1}})"), error.getMessage());
        assertEquals(List.of(4L), Ranges.COMMITTED);
    }

    @Test
    void aCheckpointThisInputNeverHandedOutIsRefused() {
        CheckpointState invented = new CheckpointState(1, Json.createObjectBuilder().add("next", 3).build());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> input.checkpointCommitted(invented));
        assertTrue(error.getMessage().contains("this input never handed out that checkpoint"), error.getMessage());
        assertTrue(error.getMessage().contains("3 are waiting, from {\"$checkpoint\":{\"next\":2,\"__version\":1}} to "
                + "{\"$checkpoint\":{\"next\":6,\"__version\":1}}"), error.getMessage());
        assertEquals(List.of(), Ranges.COMMITTED);
    }

    @Test
    void aCheckpointTakenInExplicitModeCanBeCommitted() {
        Input explicit = manager.findMapper("test", "ranges", 1, Map.of("to", "6", "token", "s3cret")).orElseThrow()
                .create();
        explicit.start();
        explicit.next();
        CheckpointState taken = explicit.getCheckpoint();
        explicit.checkpointCommitted(taken);
        assertEquals(List.of(1L), Ranges.COMMITTED);
    }

    @Test
    void anEmitterWithoutCheckpointCommittedIgnoresCommits() {
        Input counter = CallbackModeTest.counter(manager, "counter", 3);
        List<CheckpointState> states = new ArrayList<>();
        counter.start(states::add);
        counter.next();
        counter.next();
        counter.checkpointCommitted(states.get(0));
        counter.checkpointCommitted(new CheckpointState(1, Json.createObjectBuilder().build()));
        assertEquals(List.of(), Ranges.COMMITTED);
    }
}
