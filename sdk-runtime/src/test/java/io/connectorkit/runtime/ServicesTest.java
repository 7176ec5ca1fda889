package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Services are made when a component first needs them, never at start-up: a cold start does not pay for JSON-B, nor
 * for JSON-P when neither the component nor checkpoints use it.
 */
class ServicesTest {

    @Test
    void jsonPIsLookedUpOnlyWhenCheckpointsOrAComponentNeedIt() {
        try (ComponentManager manager = ComponentManager.builder().build()) {
            run(manager, "counter");
            assertFalse(manager.jsonCreated(), "no checkpoints, and the component asks for no JsonBuilderFactory");
        }
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            assertFalse(manager.jsonCreated(), "not at start-up");
            run(manager, "counter");
            assertTrue(manager.jsonCreated(), "checkpoints are JSON");
        }
    }

    private static void run(ComponentManager manager, String name) {
        Input input = manager.findMapper("test", name, 1, Map.of("total", "2")).orElseThrow().create();
        input.start();
        input.next();
        input.stop();
    }

    @Test
    void theJsonbIsCreatedOnlyWhenAComponentAsksForIt() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            assertFalse(manager.jsonbCreated(), "not at start-up");
            Input counter = manager.findMapper("test", "counter", 1, Map.of("total", "2")).orElseThrow().create();
            counter.start();
            counter.next();
            counter.stop();
            assertFalse(manager.jsonbCreated(), "not for a component that does not ask for it");

            String first = record(manager);
            assertTrue(manager.jsonbCreated());
            assertTrue(first.startsWith("{\"service\":"), first);
            assertEquals(first, record(manager), "one shared instance per manager");
        }
    }

    private static String record(ComponentManager manager) {
        Input input = manager.findMapper("test", "jsonb-user", 1, Map.of()).orElseThrow().create();
        input.start();
        String record = (String) input.next();
        input.stop();
        return record;
    }
}
