package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ConfigurationException.Problem;
import io.connectorkit.runtime.fixtures.Plain;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FindMapperTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void unknownComponentsGiveEmptyNotAnException() {
        assertTrue(manager.findMapper("nope", "plain", 1, Map.of()).isEmpty());
        assertTrue(manager.findMapper("test", "nope", 1, Map.of()).isEmpty());
        assertTrue(manager.findMapper(null, null, 1, Map.of()).isEmpty());
    }

    @Test
    void listsTheIndexedComponents() {
        assertEquals(List.of("test/batched", "test/counter", "test/counter-every-3", "test/counter-every-hour",
                "test/feed", "test/jsonb-user", "test/plain", "test/plain-v2", "test/ranges", "test/ranges-named"),
                manager.componentIds());
    }

    @Test
    void bindsEveryKindOfOption() {
        Map<String, String> config = new HashMap<>();
        config.put("configuration.url", "jdbc:x");
        config.put("configuration.flag", "TRUE");
        config.put("configuration.b", "-8");
        config.put("configuration.s", "300");
        config.put("configuration.l", "9000000000");
        config.put("configuration.f", "0.5");
        config.put("configuration.d", "1e3");
        config.put("configuration.c", "x");
        config.put("configuration.color", "RED");
        config.put("configuration.boxed", "7");
        config.put("configuration.numbers[0]", "4");
        config.put("configuration.numbers[1]", "5");
        config.put("configuration.items[0].name", "a");
        config.put("configuration.items[0].weight", "2");
        Plain plain = createPlain(config);
        Plain.Config c = plain.config;
        assertEquals("jdbc:x", c.url);
        assertTrue(c.flag);
        assertEquals(-8, c.b);
        assertEquals(300, c.s);
        assertEquals(9_000_000_000L, c.l);
        assertEquals(0.5f, c.f);
        assertEquals(1000d, c.d);
        assertEquals('x', c.c);
        assertEquals(Plain.Color.RED, c.color);
        assertEquals(7, c.boxed);
        assertEquals(List.of(4, 5), c.numbers);
        assertEquals("a", c.items.get(0).name);
        assertEquals(2, c.items.get(0).weight);
        assertNotNull(plain.factory, "the JsonBuilderFactory service is injected");
    }

    @Test
    void optionsWithoutKeysKeepTheirDefaults() {
        Plain.Config c = createPlain(Map.of("configuration.url", "u")).config;
        assertEquals(Plain.Color.GREEN, c.color);
        assertEquals(-1, c.failAfter);
        assertEquals(null, c.numbers);
    }

    @Test
    void collectsEveryBindingProblemIntoOneException() {
        Map<String, String> config = Map.of(
                "configuration.b", "abc",
                "configuration.color", "BLUE",
                "configuration.flag", "yes",
                "configuration.items[0].name", "no weight");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> manager.findMapper("test", "plain", 1, config));
        assertEquals("test/plain", error.componentId());
        assertEquals(List.of(
                new Problem("configuration.b", "a byte (-128 to 127)", "'abc'"),
                new Problem("configuration.color", "one of [RED, GREEN]", "'BLUE'"),
                new Problem("configuration.flag", "true or false", "'yes'"),
                new Problem("configuration.items[0].weight", "an int (required)", "nothing"),
                new Problem("configuration.url", "a string (required)", "nothing")), error.problems());
        assertTrue(error.getMessage().startsWith("invalid configuration for test/plain (5 problems):"),
                error.getMessage());
        assertTrue(error.getMessage().contains("configuration.color: expected one of [RED, GREEN], received 'BLUE'"));
    }

    @Test
    void unknownKeysAreReportedWithoutTheirValue() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> manager.findMapper("test",
                "plain", 1, Map.of("configuration.url", "u", "configuration.pasword", "s3cr3t")));
        assertEquals(List.of(new Problem("configuration.pasword", "a known option of test/plain", "an unknown key")),
                error.problems());
        assertFalse(error.getMessage().contains("s3cr3t"));
    }

    @Test
    void credentialValuesNeverAppearInBindingErrors() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> manager.findMapper("test",
                "batched", 1, Map.of("configuration.source.password", "hunter2", "configuration.batch", "x")));
        assertFalse(error.getMessage().contains("hunter2"));
        assertEquals(List.of(new Problem("configuration.batch", "an int", "'x'")), error.problems());
    }

    @Test
    void listIndicesMustNotHaveGaps() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> manager.findMapper("test",
                "plain", 1, Map.of("configuration.url", "u", "configuration.numbers[0]", "1",
                        "configuration.numbers[2]", "3")));
        assertEquals(List.of(new Problem("configuration.numbers", "list indices 0 to 1 without gaps",
                "indices [0, 2]")), error.problems());
    }

    @Test
    void eachInputGetsItsOwnConfigurationObjects() {
        var mapper = manager.findMapper("test", "plain", 1, Map.of("configuration.url", "u")).orElseThrow();
        Input first = mapper.create();
        Input second = mapper.create();
        first.start();
        second.start();
        assertEquals(0, ((JsonObject) first.next()).getInt("n"));
        assertEquals(0, ((JsonObject) second.next()).getInt("n"));
    }

    @Test
    void anOlderConfigurationVersionGoesThroughTheEmittersMigrationHandler() {
        manager.findMapper("test", "plain-v2", 1, Map.of("configuration.link", "jdbc:old")).orElseThrow().create();
        assertEquals("jdbc:old", Plain.lastCreated.config.url);
        manager.findMapper("test", "plain-v2", 2, Map.of("configuration.url", "jdbc:new")).orElseThrow().create();
        assertEquals("jdbc:new", Plain.lastCreated.config.url);
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> manager.findMapper("test",
                "plain-v2", 2, Map.of("configuration.link", "jdbc:old")), "version 2 is not migrated");
        assertEquals(List.of("configuration.link", "configuration.url"),
                error.problems().stream().map(Problem::key).toList(), "unknown old key, missing required url");
    }

    @Test
    void newerConfigurationVersionIsRejected() {
        UnsupportedVersionException error = assertThrows(UnsupportedVersionException.class,
                () -> manager.findMapper("test", "plain", 2, Map.of("configuration.url", "u")));
        assertEquals(2, error.receivedVersion());
        assertEquals(1, error.supportedVersion());
        assertTrue(error.getMessage().startsWith("test/plain: the configuration version is 2"), error.getMessage());
    }

    private Plain createPlain(Map<String, String> config) {
        manager.findMapper("test", "plain", 1, config).orElseThrow().create();
        return Plain.lastCreated;
    }

    @Test
    void everyInputOfAMapperHasConfigurationObjectsOfItsOwn() {
        // The first input takes the objects bound when the mapper was found; the emitter mutates its state in place.
        Mapper mapper = manager.findMapper("test", "counter", 1, Map.of("total", "5", "checkpoint.next", "2"))
                .orElseThrow();
        Input first = mapper.create();
        first.start();
        assertEquals(2L, first.next());
        assertEquals(3L, first.next());
        Input second = mapper.create();
        second.start();
        assertEquals(2L, second.next(), "starts from the configuration, not from the first input's state");
        Input third = mapper.create();
        third.start();
        assertEquals(2L, third.next());
        assertEquals(4L, first.next());
    }
}
