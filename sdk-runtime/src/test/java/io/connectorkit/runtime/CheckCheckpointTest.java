package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ConfigurationException.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ComponentManager#checkCheckpoint}: a checkpoint checked against the component's {@code @Checkpoint}. */
class CheckCheckpointTest {

    // Checkpointing off: the check does not depend on the switch.
    private final ComponentManager manager = ComponentManager.builder().checkpointing(false).build();

    @AfterEach
    void close() {
        manager.close();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private ConfigurationException refused(String name, String checkpoint) {
        return assertThrows(ConfigurationException.class,
                () -> manager.checkCheckpoint("test", name, json(checkpoint)));
    }

    @Test
    void aCheckpointThatFitsIsAccepted() {
        assertTrue(manager.checkCheckpoint("test", "batched", json("{'$checkpoint': {'next': 3, 'mode': 'FAST', "
                + "'__version': 2}}")));
        assertTrue(manager.checkCheckpoint("test", "counter", json("{'$checkpoint': {'next': 7, 'note': 'x'}}")));
        assertTrue(manager.checkCheckpoint("test", "counter", json("{'$checkpoint': {}}")));
    }

    @Test
    void anUnknownComponentIsNotCheckedAndSaysSo() {
        assertFalse(manager.checkCheckpoint("test", "nope", json("{'$checkpoint': {'anything': 1}}")));
        assertFalse(manager.checkCheckpoint(null, "batched", json("{'$checkpoint': {}}")));
    }

    @Test
    void everyUnknownKeyAndBadValueIsListedWithWhatWasExpectedAndReceived() {
        ConfigurationException error = refused("batched",
                "{'$checkpoint': {'nxt': 3, 'mode': 'SLOW', 'next': 'ten', '__version': 2}}");

        assertEquals("test/batched", error.componentId());
        assertEquals(List.of(
                new Problem("$checkpoint.mode", "one of [FAST, SAFE]", "'SLOW'"),
                new Problem("$checkpoint.next", "an int", "'ten'"),
                new Problem("$checkpoint.nxt", "a field of Position (@Checkpoint of test/batched): [next, mode]",
                        "an unknown key")), error.problems());
        assertTrue(error.getMessage().contains("$checkpoint.next: expected an int, received 'ten'"),
                error.getMessage());
    }

    @Test
    void aValueOutOfTheTypesRangeIsRefused() {
        ConfigurationException error = refused("batched", "{'$checkpoint': {'next': 3000000000, '__version': 2}}");

        assertEquals(List.of(new Problem("$checkpoint.next", "an int", "'3000000000'")), error.problems());
    }

    @Test
    void anOlderCheckpointIsMigratedBeforeItIsChecked() {
        // Version 1 called next "offset": accepted, then checked under the name the current version uses.
        assertTrue(manager.checkCheckpoint("test", "batched", json("{'$checkpoint': {'offset': 4, '__version': 1}}")));

        ConfigurationException error = refused("batched", "{'$checkpoint': {'offset': 'x', '__version': 1}}");

        assertEquals(List.of(new Problem("$checkpoint.next", "an int", "'x'")), error.problems());
    }

    @Test
    void aNewerCheckpointIsAnUnsupportedVersion() {
        UnsupportedVersionException error = assertThrows(UnsupportedVersionException.class,
                () -> manager.checkCheckpoint("test", "batched", json("{'$checkpoint': {'next': 1, '__version': 3}}")));

        assertTrue(error.getMessage().contains("3"), error.getMessage());
    }

    @Test
    void aBadVersionIsAProblemOnTheVersionKey() {
        ConfigurationException error = refused("batched", "{'$checkpoint': {'next': 1, '__version': 'two'}}");

        assertEquals(List.of(new Problem("$checkpoint.__version", "a version, 1 or more", "'two'")), error.problems());
    }

    @Test
    void keysBesideCheckpointAndAComponentWithoutCheckpointAreRefused() {
        ConfigurationException beside = refused("counter", "{'$checkpoint': {'next': 1}, 'total': 5}");
        assertEquals(List.of("total"), beside.problems().stream().map(Problem::key).toList());

        ConfigurationException scalar = refused("counter", "{'$checkpoint': 5}");
        assertEquals(List.of(new Problem("$checkpoint", "an object of checkpoint fields", "'5'")), scalar.problems());

        ConfigurationException noCheckpoint = refused("plain", "{'$checkpoint': {'next': 1}}");
        assertTrue(noCheckpoint.getMessage().contains("no @Checkpoint option"), noCheckpoint.getMessage());
    }

    @Test
    void whatTheCheckRefusesFindMapperRefusesTooAndWhatItAcceptsResumes() {
        List<String> checkpoints = List.of(
                "{'$checkpoint': {'next': 2, '__version': 2}}",
                "{'$checkpoint': {'next': 'two', '__version': 2}}",
                "{'$checkpoint': {'mode': 'SLOW', '__version': 2}}",
                "{'$checkpoint': {'offset': 1, '__version': 1}}",
                "{'$checkpoint': {'offset': 1, '__version': 2}}",
                "{'$checkpoint': {'next': 1, 'extra': {'deep': 1}, '__version': 2}}");
        try (ComponentManager resuming = ComponentManager.builder().checkpointing(true).build()) {
            for (String checkpoint : checkpoints) {
                Map<String, String> configuration = new HashMap<>(Map.of("configuration.source.items[0]", "a",
                        "configuration.source.items[1]", "b", "configuration.source.items[2]", "c"));
                configuration.putAll(ComponentManager.jsonToMap(json(checkpoint)));
                boolean resumes = accepts(() -> resuming.findMapper("test", "batched", 1, configuration));
                boolean checks = accepts(() -> manager.checkCheckpoint("test", "batched", json(checkpoint)));
                assertEquals(resumes, checks, checkpoint);
            }
        }
    }

    private static boolean accepts(Runnable call) {
        try {
            call.run();
            return true;
        } catch (ConfigurationException e) {
            return false;
        }
    }
}
