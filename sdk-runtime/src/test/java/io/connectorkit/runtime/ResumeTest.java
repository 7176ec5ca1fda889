package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ConfigurationException.Problem;
import io.connectorkit.runtime.fixtures.Batched;
import io.connectorkit.testsupport.LogCapture;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResumeTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void resumesACheckpointThatIsARootParameter() {
        assertEquals(List.of(7L, 8L, 9L), readAll("counter", Map.of("total", "10", "$checkpoint.next", "7")));
    }

    @Test
    void resumesACheckpointAtDepthTwo() {
        Map<String, String> config = batched("a", "b", "c", "d");
        config.put("$checkpoint.next", "2");
        config.put("$checkpoint.__version", "2");
        assertEquals(List.of("c", "d"), readAll("batched", config));
    }

    @Test
    void checkpointKeysWinOverTheSameOptionGivenByPath() {
        // Both orders of insertion: the winner must not depend on map order.
        for (boolean checkpointFirst : new boolean[] {true, false}) {
            Map<String, String> config = new java.util.LinkedHashMap<>();
            if (checkpointFirst) {
                config.put("$checkpoint.next", "8");
            }
            config.put("total", "10");
            config.put("checkpoint.next", "2");
            if (!checkpointFirst) {
                config.put("$checkpoint.next", "8");
            }
            assertEquals(List.of(8L, 9L), readAll("counter", config));
        }
    }

    @Test
    void onlyTheExactCheckpointPrefixIsRewritten() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> manager.findMapper("test",
                "counter", 1, Map.of("total", "3", "$checkpointX.next", "2")));
        assertEquals(List.of(new Problem("$checkpointX.next", "a known option of test/counter", "an unknown key")),
                error.problems());
    }

    @Test
    void migratesAnOlderCheckpointWithItsOwnRelativeKeys() {
        Map<String, String> config = batched("a", "b", "c", "d");
        config.put("$checkpoint.offset", "3");
        config.put("$checkpoint.mode", "FAST");
        config.put("$checkpoint.__version", "1");
        assertEquals(List.of("d"), readAll("batched", config));
        assertEquals(1, Batched.Migration.lastIncomingVersion);
        assertEquals(Map.of("offset", "3", "mode", "FAST"), Batched.Migration.lastIncomingData);
    }

    @Test
    void aCheckpointWithoutVersionIsVersionOne() {
        Map<String, String> config = batched("a", "b", "c", "d");
        config.put("$checkpoint.offset", "1");
        assertEquals(List.of("b", "c", "d"), readAll("batched", config));
        assertEquals(1, Batched.Migration.lastIncomingVersion);
    }

    @Test
    void rejectsACheckpointFromANewerVersion() {
        Map<String, String> config = batched("a");
        config.put("$checkpoint.next", "1");
        config.put("$checkpoint.__version", "3");
        UnsupportedVersionException error = assertThrows(UnsupportedVersionException.class,
                () -> manager.findMapper("test", "batched", 1, config));
        assertEquals("test/batched", error.componentId());
        assertEquals("$checkpoint.__version", error.field());
        assertEquals(3, error.receivedVersion());
        assertEquals(2, error.supportedVersion());
        assertTrue(error.getMessage().contains("test/batched: $checkpoint.__version is 3 but this version of the "
                + "component reads up to 2"), error.getMessage());
    }

    @Test
    void rejectsAMalformedCheckpointVersion() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> manager.findMapper("test",
                "counter", 1, Map.of("total", "3", "$checkpoint.next", "1", "$checkpoint.__version", "two")));
        assertEquals(List.of(new Problem("$checkpoint.__version", "a version, 1 or more", "'two'")), error.problems());
    }

    @Test
    void aBadCheckpointValueNamesTheRewrittenKey() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> manager.findMapper("test",
                "counter", 1, Map.of("total", "3", "$checkpoint.next", "abc")));
        assertEquals(List.of(new Problem("checkpoint.next", "a long", "'abc'")), error.problems());
    }

    @Test
    void checkpointKeysForAComponentWithoutCheckpointAreAnError() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> manager.findMapper("test",
                "plain", 1, Map.of("configuration.url", "u", "$checkpoint.x", "1")));
        assertEquals("$checkpoint.*", error.problems().get(0).key());
    }

    @Test
    void withCheckpointingOffCheckpointKeysAreIgnoredWithAWarningNamingThem() {
        try (ComponentManager off = ComponentManager.builder().checkpointing(false).build();
                LogCapture log = LogCapture.of(ResumePreparer.class)) {
            Input input = off.findMapper("test", "counter", 1,
                    Map.of("total", "2", "$checkpoint.next", "1", "$checkpoint.__version", "1")).orElseThrow().create();
            input.start();
            assertEquals(0L, input.next(), "starts from the configuration");
            assertEquals(1, log.messages().size());
            String warning = log.messages().get(0);
            assertTrue(warning.contains("test/counter") && warning.contains("[$checkpoint.__version, $checkpoint.next]")
                    && warning.endsWith("To resume, build the ComponentManager with builder().checkpointing(true)."),
                    warning);
        }
    }

    @Test
    void theWarningSaysHowTheHostTurnsCheckpointingOnWordForWord() {
        try (ComponentManager off = ComponentManager.builder().checkpointing(false)
                .howToEnableCheckpointing("run without --no-checkpoints (not '{0}')").build();
                LogCapture log = LogCapture.of(ResumePreparer.class)) {
            off.findMapper("test", "counter", 1, Map.of("total", "2", "$checkpoint.next", "1")).orElseThrow();
            assertEquals(1, log.messages().size());
            String warning = log.messages().get(0);
            assertTrue(warning.endsWith("To resume, run without --no-checkpoints (not '{0}')."), warning);
        }
    }

    @Test
    void roundTripOfAStateThroughJsonGivesAnEqualState() {
        Map<String, String> config = batched("a", "b", "c", "d", "e");
        config.put("configuration.batch", "2");
        Input input = manager.findMapper("test", "batched", 1, config).orElseThrow().create();
        input.start();
        input.next();
        input.next();
        input.next();
        CheckpointState saved = input.getCheckpoint();
        assertEquals(Json.createObjectBuilder().add("next", 3).add("mode", "SAFE").build(), saved.state());

        Map<String, String> resumed = new HashMap<>(batched("a", "b", "c", "d", "e"));
        resumed.putAll(ComponentManager.jsonToMap(saved.toJson()));
        Input again = manager.findMapper("test", "batched", 1, resumed).orElseThrow().create();
        again.start();
        assertEquals(saved, again.getCheckpoint(), "state → toJson → jsonToMap → findMapper → @CheckpointData");
    }

    private List<Object> readAll(String name, Map<String, String> config) {
        Input input = manager.findMapper("test", name, 1, config).orElseThrow().create();
        input.start();
        List<Object> records = new ArrayList<>();
        for (Object record = input.next(); record != null; record = input.next()) {
            records.add(record);
        }
        input.stop();
        return records;
    }

    private static Map<String, String> batched(String... items) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < items.length; i++) {
            config.put("configuration.source.items[" + i + "]", items[i]);
        }
        return config;
    }
}
