package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.OptionModel.Kind;
import io.connectorkit.runtime.fixtures.Plain;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ComponentManager#describe} and {@link ComponentManager#components}. */
class DescribeTest {

    private final ComponentManager manager = ComponentManager.builder().build();

    @AfterEach
    void close() {
        manager.close();
    }

    private Map<String, OptionDescription> options(String name) {
        return manager.describe("test", name).orElseThrow().options().stream()
                .collect(Collectors.toMap(OptionDescription::path, Function.identity()));
    }

    @Test
    void describesEachOptionWithItsTypeDefaultAndFlags() {
        Map<String, OptionDescription> plain = options("plain");

        assertEquals(new OptionDescription("configuration.url", Kind.STRING, "string", null, true, false),
                plain.get("configuration.url"));
        assertEquals(new OptionDescription("configuration.color", Kind.ENUM, "enum RED|GREEN",
                Json.createValue("GREEN"), false, false), plain.get("configuration.color"));
        assertEquals(Json.createValue(-1), plain.get("configuration.failAfter").defaultValue());
        assertEquals(Json.createValue(0), plain.get("configuration.b").defaultValue());
        assertEquals(JsonValue.FALSE, plain.get("configuration.flag").defaultValue());
        assertEquals("list of int", plain.get("configuration.numbers").type());
        assertNull(plain.get("configuration.numbers").defaultValue(), "the list is null by default");
        assertEquals(new OptionDescription("configuration.items[].weight", Kind.INT, "int", Json.createValue(0), true,
                false), plain.get("configuration.items[].weight"));
        assertEquals(new OptionDescription("configuration.password", Kind.STRING, "string", null, false, true),
                plain.get("configuration.password"));
        assertEquals(17, plain.size(), plain.keySet()::toString);
    }

    @Test
    void describesTheCheckpointItsVersionAndFields() {
        ComponentDescription batched = manager.describe("test", "batched").orElseThrow();

        CheckpointDescription checkpoint = batched.checkpoint();
        assertEquals("configuration.source.position", checkpoint.path());
        assertEquals(2, checkpoint.version());
        assertTrue(checkpoint.migrates());
        assertEquals(Frequency.RECORD, checkpoint.frequency());
        assertEquals(List.of(
                new OptionDescription("next", Kind.INT, "int", Json.createValue(0), false, false),
                new OptionDescription("mode", Kind.ENUM, "enum FAST|SAFE", Json.createValue("SAFE"), false, false)),
                checkpoint.fields());
        assertTrue(batched.checkpoints());
        assertEquals("io.connectorkit.runtime.fixtures.Batched", batched.type());
    }

    @Test
    void aRootCheckpointAndARequiredRootParameter() {
        ComponentDescription counter = manager.describe("test", "counter").orElseThrow();

        assertEquals(new OptionDescription("total", Kind.INT, "int", null, true, false), counter.options().get(0));
        assertEquals("checkpoint", counter.checkpoint().path());
        assertEquals(List.of("next", "note"),
                counter.checkpoint().fields().stream().map(OptionDescription::path).toList());
    }

    @Test
    void listsEveryComponentAndWhetherItCheckpoints() {
        List<ComponentDescription> components = manager.components();

        assertEquals(manager.componentIds(), components.stream().map(ComponentDescription::id).toList());
        ComponentDescription plain = components.stream().filter(c -> c.name().equals("plain")).findFirst()
                .orElseThrow();
        assertFalse(plain.checkpoints());
        assertNull(plain.checkpoint());
        assertEquals(2, components.stream().filter(c -> c.name().equals("plain-v2")).findFirst().orElseThrow()
                .version());
    }

    @Test
    void anUnknownComponentIsEmpty() {
        assertTrue(manager.describe("test", "nope").isEmpty());
        assertTrue(manager.describe(null, "plain").isEmpty());
    }

    @Test
    void aCredentialsGetterIsNeverCalled() {
        OptionModel secret = OptionModel.builder("password", Kind.STRING, String.class).credential()
                .field(o -> {
                    throw new AssertionError("the credential's getter was called");
                }, (o, v) -> { })
                .build();
        ComponentModel model = ComponentModel.builder("t", "secret", Plain.class)
                .parameter(OptionModel.builder("configuration", Kind.OBJECT, Plain.Config.class)
                        .factory(Plain.Config::new).child(secret).build())
                .constructor(args -> null).producer("produce", c -> null).build();

        ComponentDescription description = new ComponentDescriber(JsonProvider.provider()).describe(model, null);

        assertEquals(new OptionDescription("configuration.password", Kind.STRING, "string", null, false, true),
                description.options().get(0));
    }
}
