package io.connectorkit.store.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Negative;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The parsers of outside input under generated inputs, in every build (the Jazzer fuzz tests only replay their seeds
 * unless {@code JAZZER_FUZZ=1}): flat configuration maps built from the options' own names, dots, brackets, huge
 * indices, {@code $checkpoint.} prefixes, {@code __version} values and Unicode; JSON text, valid, nested past the
 * limit, truncated or with bytes changed; and envelope files, real ones damaged the same ways.
 */
class ParserPropertyTest {

    private static final ComponentManager MANAGER = ComponentManager.builder().checkpointing(true).build();

    @AfterContainer
    static void printFigures() {
        MANAGER.close();
        System.out.printf("parser properties: %d flat maps bound, %d JSON texts resumed, %d envelope files loaded; "
                        + "every one ended in a result or the documented exception%n",
                FuzzTargets.BINDINGS.get(), FuzzTargets.JSON_TEXTS.get(), FuzzTargets.ENVELOPE_FILES.get());
    }

    @Property(tries = 1500)
    void anyFlatConfigurationMapBindsOrIsRefusedWithAConfigurationError(
            @ForAll("components") String component, @ForAll("configurations") Map<String, String> configuration) {
        FuzzTargets.bind(component, configuration);
    }

    @Property(tries = 1000)
    void anyJsonTextResumesOrIsRefusedWithADocumentedError(@ForAll("components") String component,
                                                           @ForAll long seed) {
        FuzzTargets.resumeFromJson(component, FuzzInputs.jsonText(new Random(seed)));
    }

    /**
     * A checkpoint position before the first item is refused where it is bound, by {@code findMapper} and by
     * {@code checkCheckpoint} alike: a {@link ConfigurationException} naming the key and the value, never a failure
     * of the connector later (the JSON property above once met it as an {@code IndexOutOfBoundsException}).
     */
    @Property(tries = 50)
    void aNegativeCheckpointPositionIsRefusedNamingTheKey(@ForAll @Negative int next, @ForAll boolean version1) {
        JsonObject state = version1
                ? Json.createObjectBuilder().add("offset", next).add("__version", 1).build()
                : Json.createObjectBuilder().add("next", next).add("__version", 2).build();
        JsonObject checkpoint = Json.createObjectBuilder().add("$checkpoint", state).build();
        Map<String, String> configuration = new HashMap<>(FuzzTargets.validConfiguration("batched"));
        configuration.putAll(ComponentManager.jsonToMap(checkpoint));

        ConfigurationException bound = assertThrows(ConfigurationException.class,
                () -> MANAGER.findMapper("test", "batched", 1, configuration));
        ConfigurationException checked = assertThrows(ConfigurationException.class,
                () -> MANAGER.checkCheckpoint("test", "batched", checkpoint));

        assertEquals(List.of("configuration.source.position.next"), keys(bound));
        assertEquals(List.of("$checkpoint.next"), keys(checked));
        assertEquals("'" + next + "'", checked.problems().get(0).received());
    }

    private static List<String> keys(ConfigurationException e) {
        return e.problems().stream().map(ConfigurationException.Problem::key).toList();
    }

    @Property(tries = 300)
    void anyEnvelopeFileIsLoadedOrSkippedForTheValidGeneration(@ForAll long seed) throws IOException {
        Path root = Files.createTempDirectory("ck-envelope-prop");
        try {
            FuzzTargets.loadEnvelopeFile(root, FuzzInputs.envelopeFile(new Random(seed)).getBytes(StandardCharsets.UTF_8));
        } finally {
            FuzzInputs.deleteTree(root);
        }
    }

    @Provide
    Arbitrary<String> components() {
        return Arbitraries.of(FuzzTargets.COMPONENTS);
    }

    @Provide
    Arbitrary<Map<String, String>> configurations() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of(FuzzInputs.NAMES),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> index = Arbitraries.of(FuzzInputs.INDICES).map(i -> "[" + i + "]");
        Arbitrary<String> key = Combinators.combine(
                Arbitraries.of("", "", "$checkpoint.", "$checkpoint", "configuration.", "configuration.source."),
                segment.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts)),
                Arbitraries.oneOf(Arbitraries.just(""), index))
                .as((prefix, path, suffix) -> prefix + path + suffix);
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(FuzzInputs.VALUES), Arbitraries.strings().ofMaxLength(12))
                .injectNull(0.02); // a host map may hold nulls: once a NullPointerException, now a binding problem
        return Arbitraries.maps(key, value).ofMaxSize(10);
    }
}
