package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackModeTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aCheckpointIsDeliveredOnlyAfterTheHostReceivedTheRecordsItCovers() {
        List<Object> received = new ArrayList<>();
        List<String> events = new ArrayList<>();
        Input input = counter(manager, "counter", 3);
        input.start(state -> {
            long next = state.state().getJsonNumber("next").longValue();
            // Every record the checkpoint covers (0 … next-1) is already in the host's hands.
            assertEquals(next, received.size(), "checkpoint " + state + " covers records not yet received");
            events.add("checkpoint next=" + next);
        });
        for (Object record = input.next(); record != null; record = input.next()) {
            received.add(record);
            events.add("record " + record);
        }
        input.stop();
        assertEquals(List.of("record 0", "checkpoint next=1", "record 1", "checkpoint next=2", "record 2",
                "checkpoint next=3"), events);
    }

    @Test
    void stopDeliversTheFinalCheckpointOnceThenRunsPreDestroy() {
        List<CheckpointState> states = new ArrayList<>();
        Input input = counter(manager, "counter-every-3", 5);
        input.start(states::add);
        while (input.next() != null) {
            // drain
        }
        input.stop();
        input.stop(); // a second stop does nothing
        assertEquals(List.of(3L, 5L), states.stream().map(s -> s.state().getJsonNumber("next").longValue()).toList());
    }

    @Test
    void recordFrequencyTakesACheckpointEveryIntervalRecords() {
        List<Long> nexts = new ArrayList<>();
        Input input = counter(manager, "counter-every-3", 10);
        input.start(s -> nexts.add(s.state().getJsonNumber("next").longValue()));
        while (input.next() != null) {
            // drain
        }
        input.stop();
        assertEquals(List.of(3L, 6L, 9L, 10L), nexts);
    }

    @Test
    void timeFrequencyWaitsForTheInterval() {
        List<CheckpointState> states = new ArrayList<>();
        Input input = counter(manager, "counter-every-hour", 1000);
        input.start(states::add);
        while (input.next() != null) {
            // an hour does not pass: only the final checkpoint
        }
        input.stop();
        assertEquals(1, states.size());
        assertEquals(1000L, states.get(0).state().getJsonNumber("next").longValue());
    }

    @Test
    void timeFrequencyFromTheHostTakesCheckpointsOnceTimeHasPassed() throws InterruptedException {
        try (ComponentManager timed = ComponentManager.builder().checkpointing(true)
                .checkpointFrequency(Frequency.TIME, 300).build()) {
            List<Long> nexts = new ArrayList<>();
            Input input = counter(timed, "counter", 4);
            input.start(s -> nexts.add(s.state().getJsonNumber("next").longValue()));
            input.next(); // record 0 right away: the interval has not passed
            input.next(); // record 1; the 0 record is not due yet
            Thread.sleep(350);
            input.next(); // record 2, now due
            input.next(); // record 3: delivers the checkpoint covering 0..2
            assertEquals(List.of(3L), nexts);
            input.stop();
            assertEquals(List.of(3L, 4L), nexts);
        }
    }

    @Test
    void hostFrequencyOverridesTheAnnotation() {
        try (ComponentManager every5 = ComponentManager.builder().checkpointing(true)
                .checkpointFrequency(Frequency.RECORD, 5).build()) {
            List<Long> nexts = new ArrayList<>();
            Input input = counter(every5, "counter", 12);
            input.start(s -> nexts.add(s.state().getJsonNumber("next").longValue()));
            while (input.next() != null) {
                // drain
            }
            input.stop();
            assertEquals(List.of(5L, 10L, 12L), nexts);
        }
    }

    @Test
    void checkpointsWaitForASafePointWhenTheEmitterDeclaresThem() {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < 7; i++) {
            config.put("configuration.source.items[" + i + "]", "item" + i);
        }
        config.put("configuration.batch", "3");
        Input input = manager.findMapper("test", "batched", 1, config).orElseThrow().create();
        List<Integer> nexts = new ArrayList<>();
        input.start(s -> nexts.add(s.state().getInt("next")));
        while (input.next() != null) {
            // drain
        }
        input.stop();
        assertEquals(List.of(3, 6, 7), nexts);
    }

    @Test
    void anEmitterWithoutCheckpointDataGetsNoCallbacks() {
        Input input = manager.findMapper("test", "plain", 1, Map.of("configuration.url", "u")).orElseThrow().create();
        List<CheckpointState> states = new ArrayList<>();
        input.start(states::add);
        while (input.next() != null) {
            // drain
        }
        input.stop();
        assertEquals(List.of(), states);
    }

    @Test
    void eachCheckpointIsAnImmutableSnapshot() {
        List<CheckpointState> states = new ArrayList<>();
        Input input = counter(manager, "counter", 4);
        input.start(states::add);
        while (input.next() != null) {
            // the emitter keeps mutating the same State object
        }
        input.stop();
        assertEquals(List.of(1L, 2L, 3L, 4L),
                states.stream().map(s -> s.state().getJsonNumber("next").longValue()).toList());
    }

    @Test
    void preDestroyRunsEvenWhenTheCallbackThrowsAtStop() {
        Input input = counter(manager, "counter", 2);
        List<String> calls = new ArrayList<>();
        input.start(state -> {
            calls.add("callback");
            throw new IllegalStateException("disk full");
        });
        IllegalStateException error = assertThrows(IllegalStateException.class, input::stop);
        assertEquals("disk full", error.getMessage());
        assertEquals(List.of("callback"), calls);
        assertTrue(lastCounter().calls.contains("release"), "@PreDestroy ran: " + lastCounter().calls);
    }

    @Test
    void aFailedCallbackKeepsTheCheckpointDue() {
        Input input = counter(manager, "counter", 5);
        List<Long> saved = new ArrayList<>();
        boolean[] fail = {true};
        input.start(state -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("transient");
            }
            saved.add(state.state().getJsonNumber("next").longValue());
        });
        assertEquals(0L, input.next());
        assertThrows(IllegalStateException.class, input::next, "the callback failure surfaces");
        assertEquals(1L, input.next(), "no record was produced or lost while the callback failed");
        assertEquals(List.of(1L), saved, "the due checkpoint was delivered on the next call");
    }

    @Test
    void crashWithoutStopThenResumeLosesNothingAndDuplicatesAtMostOneInterval() {
        int total = 5_000;
        int crashAfter = 1_234;
        try (ComponentManager every100 = ComponentManager.builder().checkpointing(true)
                .checkpointFrequency(Frequency.RECORD, 100).build()) {
            List<Object> output = new ArrayList<>();
            CheckpointState[] saved = new CheckpointState[1];
            Input first = counter(every100, "counter", total);
            first.start(state -> saved[0] = state);
            for (int i = 0; i < crashAfter; i++) {
                output.add(first.next());
            }
            // crash: no stop(); the host only has what the callback saved
            assertNotNull(saved[0]);
            Map<String, String> config = new HashMap<>(Map.of("total", String.valueOf(total)));
            config.putAll(ComponentManager.jsonToMap(saved[0].toJson()));
            Input second = every100.findMapper("test", "counter", 1, config).orElseThrow().create();
            second.start(state -> saved[0] = state);
            for (Object record = second.next(); record != null; record = second.next()) {
                output.add(record);
            }
            second.stop();
            assertEquals(total, output.stream().distinct().count(), "every record, none missing");
            int duplicates = output.size() - total;
            assertTrue(duplicates > 0 && duplicates <= 100, "duplicates " + duplicates + " within one interval");
        }
    }

    @Test
    void nextBeforeStartIsAClearError() {
        Input input = counter(manager, "counter", 1);
        IllegalStateException error = assertThrows(IllegalStateException.class, input::next);
        assertEquals("test/counter: next() needs a started input, this one is NEW", error.getMessage());
    }

    static Input counter(ComponentManager manager, String name, int total) {
        return manager.findMapper("test", name, 1, Map.of("total", String.valueOf(total))).orElseThrow().create();
    }

    private static io.connectorkit.runtime.fixtures.Counter lastCounter() {
        return io.connectorkit.runtime.fixtures.Counter.lastCreated;
    }
}
