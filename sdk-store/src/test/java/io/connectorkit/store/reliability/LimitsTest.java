package io.connectorkit.store.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.ConfigurationException.Problem;
import io.connectorkit.store.Audit;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input limits of the runtime and the file store, and the regressions the fuzzers found. */
class LimitsTest {

    private static final ComponentManager MANAGER = ComponentManager.builder().checkpointing(true).build();

    @AfterAll
    static void close() {
        MANAGER.close();
    }

    private static ConfigurationException refused(String component, Map<String, String> configuration) {
        return assertThrows(ConfigurationException.class,
                () -> MANAGER.findMapper("test", component, 1, configuration));
    }

    private static JsonValue nested(int depth) {
        JsonValue value = Json.createValue(1);
        for (int i = 1; i < depth; i++) {
            value = Json.createObjectBuilder().add("a", value).build();
        }
        return Json.createArrayBuilder().add(value).build();
    }

    @Test
    void jsonToMapAcceptsSixtyFourLevelsAndRefusesSixtyFiveNamingThePathAndTheLimit() {
        // nested(n): one array around n - 1 objects around a number, i.e. n levels of containers.
        assertEquals(1, ComponentManager.jsonToMap(nested(64)).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComponentManager.jsonToMap(nested(65)));
        assertTrue(e.getMessage().contains("limit of 64 levels"), e.getMessage());
        assertTrue(e.getMessage().contains("'[0]" + ".a".repeat(63) + "'"), e.getMessage());
    }

    @Test
    void aCheckpointWithMoreThanTenThousandKeysIsRefusedNamingTheLimitAndTheSize() {
        Map<String, String> configuration = new HashMap<>(Map.of("total", "5"));
        for (int i = 0; i <= 10_000; i++) {
            configuration.put("$checkpoint.k" + i, "1");
        }
        ConfigurationException e = refused("counter", configuration);
        Problem problem = e.problems().get(0);
        assertEquals("$checkpoint", problem.key());
        assertTrue(problem.expected().contains("at most 10000 keys"), problem.expected());
        assertTrue(problem.received().startsWith("10001 keys, "), problem.received());
    }

    @Test
    void aCheckpointAboveOneMebibyteIsRefusedNamingTheLimitAndTheSize() {
        ConfigurationException e = refused("counter", Map.of("total", "5",
                "$checkpoint.note", "é".repeat(512 * 1024), "$checkpoint.next", "1"));
        Problem problem = e.problems().get(0);
        assertEquals("$checkpoint", problem.key());
        assertTrue(problem.expected().contains("1048576 bytes"), problem.expected());
        // "note" + 2 bytes per é + "next" + "1"
        assertEquals("2 keys, " + (4 + 1024 * 1024 + 4 + 1) + " bytes", problem.received());
        // One byte less in total is accepted.
        MANAGER.findMapper("test", "counter", 1, Map.of("total", "5",
                "$checkpoint.note", "x".repeat(1024 * 1024 - 8))).orElseThrow();
    }

    @Test
    void listIndicesAboveTheBoundAreABindingProblemNotAnAllocation() {
        for (String index : new String[] {"100001", "2147483647", "99999999999", "0000000000000000000000100001"}) {
            ConfigurationException e = refused("batched", Map.of("configuration.source.items[" + index + "]", "x"));
            assertEquals(1, e.problems().size(), e.getMessage());
            Problem problem = e.problems().get(0);
            assertEquals("configuration.source.items", problem.key());
            assertEquals("list indices 0 to 100000 at most", problem.expected());
            assertEquals("index " + index, problem.received());
        }
        // The bound itself is a valid index: reported as a gap, as before.
        ConfigurationException gap = refused("batched", Map.of("configuration.source.items[100000]", "x"));
        assertTrue(gap.getMessage().contains("without gaps"), gap.getMessage());
    }

    @Test
    void unicodeDigitsAreNotListIndices() {
        // Character.isDigit accepts U+0663 (Arabic-Indic three) and Integer.parseInt reads it as 3.
        ConfigurationException e = refused("batched", Map.of("configuration.source.items[\u0663]", "x"));
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals("configuration.source.items[\u0663]")
                && p.received().equals("an unknown key")), e.getMessage());
    }

    @Test
    void aNullValueIsABindingProblemNotANullPointerException() {
        // Regression (found by the parser properties): Map.copyOf in the mapper threw a NullPointerException.
        Map<String, String> configuration = new HashMap<>();
        configuration.put("total", "5");
        configuration.put("$checkpoint.note", null);
        ConfigurationException e = refused("counter", configuration);
        assertEquals(new Problem("$checkpoint.note", "a value (leave the key out to keep the default)", "null"),
                e.problems().get(0));
    }

    @Test
    void aNegativeCheckpointPositionIsABindingProblemNotAConnectorFailure() {
        // Regression (found by the JSON property, then replayed from jqwik's database on every run): the fixture read
        // items.get(-1). It now validates its checkpoint in its setter, as a real connector does.
        FuzzTargets.resumeFromJson("batched", "{\"$checkpoint\": {\"next\": -1}}");
        FuzzTargets.resumeFromJson("batched", "{\"$checkpoint\": {\"offset\": -1, \"__version\": 1}}");

        ConfigurationException e = refused("batched", Map.of("configuration.source.items[0]", "a",
                "$checkpoint.next", "-1", "$checkpoint.__version", "2"));
        assertEquals("configuration.source.position.next", e.problems().get(0).key());
        assertEquals("'-1'", e.problems().get(0).received());
    }

    @Test
    void aBatchOfZeroIsABindingProblemNotADivisionByZero() {
        FuzzTargets.bind("batched", Map.of("configuration.source.items[0]", "a", "configuration.batch", "0"));

        ConfigurationException e = refused("batched", Map.of("configuration.source.items[0]", "a",
                "configuration.batch", "0"));
        assertEquals("configuration.batch", e.problems().get(0).key());
    }

    @Test
    void anEnvelopeFileLargerThanAnyTheStoreWritesIsSkippedWithoutReadingIt(@TempDir Path root) throws IOException {
        try (FileCheckpointStore store = new FileCheckpointStore(root)) {
            JsonObject checkpoint = Json.createObjectBuilder()
                    .add("$checkpoint", Json.createObjectBuilder().add("next", 7)).build();
            CheckpointEnvelope first = store.save("job", "0", "test/counter", checkpoint);
            Path second = root.resolve("job/partitions/0/checkpoint-00000000000000000002.json");
            Files.write(second, new byte[3 * 1024 * 1024]);
            assertEquals(first, store.loadLatest("job", "0").orElseThrow());
        }
    }

    @Test
    void theFileStoreRefusesAnEnvelopeItCouldNotReadBack(@TempDir Path root) {
        try (FileCheckpointStore store = new FileCheckpointStore(root)) {
            JsonObject checkpoint = Json.createObjectBuilder()
                    .add("$checkpoint", Json.createObjectBuilder().add("next", 7)).build();
            CheckpointEnvelope first = store.save("job", "0", "test/counter", checkpoint);
            Audit huge = new Audit("ops", "x".repeat(3 * 1024 * 1024), Instant.now());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.save("job", "0", "test/counter", checkpoint, huge));
            assertTrue(e.getMessage().contains("audit"), e.getMessage());
            assertEquals(first, store.loadLatest("job", "0").orElseThrow(), "the previous generation stays the latest");
        }
    }
}
