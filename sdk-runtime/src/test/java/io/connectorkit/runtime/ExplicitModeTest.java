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
            assertTrue(error.getMessage().contains("checkpointing is off"), error.getMessage());
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
    void theSystemPropertyIsTheDefaultSwitch() {
        String previous = System.getProperty(ComponentManager.CHECKPOINT_ENABLED_PROPERTY);
        try {
            System.setProperty(ComponentManager.CHECKPOINT_ENABLED_PROPERTY, "true");
            try (ComponentManager manager = new ComponentManager()) {
                assertTrue(manager.isCheckpointingEnabled());
            }
            System.clearProperty(ComponentManager.CHECKPOINT_ENABLED_PROPERTY);
            try (ComponentManager manager = new ComponentManager()) {
                assertFalse(manager.isCheckpointingEnabled(), "off by default");
            }
        } finally {
            if (previous == null) {
                System.clearProperty(ComponentManager.CHECKPOINT_ENABLED_PROPERTY);
            } else {
                System.setProperty(ComponentManager.CHECKPOINT_ENABLED_PROPERTY, previous);
            }
        }
    }
}
