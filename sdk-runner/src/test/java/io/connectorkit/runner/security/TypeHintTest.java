package io.connectorkit.runner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runner.Cli;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The binding only creates the component's declared configuration and {@code @Checkpoint} types: type hints in a
 * configuration or checkpoint are unknown keys, and a class they name is never loaded or initialised ({@link Canary}
 * records its static initialisation in a system property).
 */
class TypeHintTest {

    static final String CANARY = Canary.class.getName();
    private static final ComponentManager MANAGER = ComponentManager.builder().checkpointing(true).build();

    /** Initialising this class sets a system property: it must never happen. */
    public static final class Canary {
        static {
            System.setProperty(Canary.class.getName() + ".initialized", "true");
        }

        public Canary() {
            System.setProperty(Canary.class.getName() + ".constructed", "true");
        }
    }

    @AfterAll
    static void close() {
        MANAGER.close();
    }

    static Stream<Map<String, String>> hints() {
        return Stream.of(
                Map.of("configuration.checkpoint.class", "java.lang.Runtime"),
                Map.of("configuration.checkpoint.class", CANARY),
                Map.of("$checkpoint.@class", CANARY),
                Map.of("$checkpoint.@type", CANARY),
                Map.of("$checkpoint.class", CANARY),
                Map.of("configuration.@type", CANARY),
                Map.of("@type", CANARY),
                Map.of("class", CANARY),
                Map.of("configuration.checkpoint.@class", CANARY, "$checkpoint.sinceId", "3"),
                Map.of("configuration.checkpoint.strategy.class", CANARY),
                Map.of("configuration.checkpoint", CANARY),
                Map.of("configuration", CANARY));
    }

    @ParameterizedTest
    @MethodSource("hints")
    void aTypeHintIsAnUnknownKeyAndNoOtherClassIsLoaded(Map<String, String> hint) {
        Map<String, String> configuration = new HashMap<>(Map.of("configuration.total", "5"));
        configuration.putAll(hint);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MANAGER.findMapper("checkpoint", "list-input", 1, configuration));
        assertTrue(e.problems().stream().allMatch(p -> p.received().equals("an unknown key")
                        || p.received().equals("'" + CANARY + "'")), e::getMessage);
        assertTrue(e.problems().stream().noneMatch(p -> p.key().equals("configuration.total")), e::getMessage);
        assertCanaryUntouched();
    }

    @Test
    void aJsonConfigurationWithTypeHintsIsRefusedKeyByKey() {
        String json = "{\"@type\": \"" + CANARY + "\", \"configuration\": {\"class\": \"" + CANARY + "\", \"total\": 5,"
                + " \"checkpoint\": {\"@class\": \"" + CANARY + "\", \"sinceId\": 2}}}";
        Map<String, String> flat = ComponentManager.jsonToMap(Json.createReader(new StringReader(json)).readValue());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MANAGER.findMapper("checkpoint", "list-input", 1, flat));
        assertEquals(3, e.problems().size(), e::getMessage);
        assertTrue(e.problems().stream().allMatch(p -> p.received().equals("an unknown key")), e::getMessage);
        assertCanaryUntouched();
    }

    @Test
    void aSavedCheckpointWithATypeHintStopsTheRunnerWithABadConfiguration(@TempDir Path dir) throws IOException {
        Path store = dir.resolve("store");
        try (FileCheckpointStore files = new FileCheckpointStore(store)) {
            files.save("hinted", "0", "checkpoint/list-input", Json.createObjectBuilder().add("$checkpoint",
                    Json.createObjectBuilder().add("sinceId", 3).add("@class", CANARY).add("__version", 2)).build());
        }
        Path config = Files.writeString(dir.resolve("config.json"), "{\"configuration\": {\"total\": 10}}");
        Cli.Result result = Cli.run("run", "--family", "checkpoint", "--name", "list-input",
                "--configuration", config.toString(), "--store", "file:" + store, "--job", "hinted", "--output",
                dir.resolve("out.jsonl").toString());
        assertEquals(5, result.code(), result::all);
        assertTrue(result.all().contains("@class: expected a known option of checkpoint/list-input, received an "
                + "unknown key"), result::all);
        assertTrue(Files.notExists(dir.resolve("out.jsonl")) || Files.size(dir.resolve("out.jsonl")) == 0);
        assertCanaryUntouched();
    }

    private static void assertCanaryUntouched() {
        assertNull(System.getProperty(CANARY + ".initialized"), "the named class was initialised");
        assertNull(System.getProperty(CANARY + ".constructed"), "the named class was instantiated");
    }
}
