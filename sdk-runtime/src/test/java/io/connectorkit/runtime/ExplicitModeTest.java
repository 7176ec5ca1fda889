package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplicitModeTest {

    @Test
    void theHostPollsReadinessAndTakesCheckpointsAtTheInterval() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Input input = CallbackModeTest.counter(manager, "counter-every-3", 7);
            input.start();
            List<Long> taken = new ArrayList<>();
            for (Object record = input.next(); record != null; record = input.next()) {
                if (input.isCheckpointReady()) {
                    taken.add(input.getCheckpoint().state().getJsonNumber("next").longValue());
                }
            }
            input.stop();
            assertEquals(List.of(3L, 6L), taken);
        }
    }

    @Test
    void getCheckpointGivesTheWireFormatWithTheVersion() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Input input = manager.findMapper("test", "batched", 1,
                    Map.of("configuration.source.items[0]", "a")).orElseThrow().create();
            input.start();
            input.next();
            CheckpointState state = input.getCheckpoint();
            assertEquals(2, state.version());
            assertEquals(Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder()
                    .add("next", 1).add("mode", "SAFE").add("__version", 2)).build(), state.toJson());
        }
    }

    @Test
    void withCheckpointingOffNothingIsReadyAndGetCheckpointSaysHowToTurnItOn() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(false).build()) {
            Input input = CallbackModeTest.counter(manager, "counter", 3);
            input.start();
            input.next();
            assertFalse(input.isCheckpointReady());
            IllegalStateException error = assertThrows(IllegalStateException.class, input::getCheckpoint);
            assertEquals("test/counter: checkpointing is off; to turn it on, build the ComponentManager with "
                    + "builder().checkpointing(true)", error.getMessage());
        }
    }

    @Test
    void theHostSaysHowItsUsersTurnCheckpointingOn() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(false)
                .howToEnableCheckpointing("run without --no-checkpoints").build()) {
            Input input = CallbackModeTest.counter(manager, "counter", 3);
            input.start();
            IllegalStateException error = assertThrows(IllegalStateException.class, input::getCheckpoint);
            assertEquals("test/counter: checkpointing is off; to turn it on, run without --no-checkpoints",
                    error.getMessage());
        }
    }

    @Test
    void anEmitterWithoutCheckpointDataIsNeverReady() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Input input = manager.findMapper("test", "plain", 1, Map.of("configuration.url", "u")).orElseThrow()
                    .create();
            input.start();
            input.next();
            assertFalse(input.isCheckpointReady());
            IllegalStateException error = assertThrows(IllegalStateException.class, input::getCheckpoint);
            assertEquals("test/plain: the emitter has no @CheckpointData method", error.getMessage());
        }
    }

    @Test
    void checkpointingIsOffUnlessTheBuilderTurnsItOnWhateverTheSystemProperties() {
        // The runtime reads no system property: the runner maps its flag and connectorkit.checkpoint.enabled.
        String property = "connectorkit.checkpoint.enabled";
        String previous = System.getProperty(property);
        try {
            System.setProperty(property, "true");
            try (ComponentManager manager = new ComponentManager();
                    ComponentManager built = ComponentManager.builder().build();
                    ComponentManager on = ComponentManager.builder().checkpointing(true).build()) {
                assertFalse(manager.isCheckpointingEnabled(), "off by default");
                assertFalse(built.isCheckpointingEnabled(), "off by default");
                assertTrue(on.isCheckpointingEnabled());
            }
        } finally {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
    }
}
