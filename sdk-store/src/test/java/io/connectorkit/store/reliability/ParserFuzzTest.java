package io.connectorkit.store.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of the parsers of outside input with Jazzer. In the default build (no {@code JAZZER_FUZZ})
 * each test replays its seeds in {@code src/test/resources/.../ParserFuzzTestInputs/<method>/} and the crashes found
 * so far: deterministic and quick. {@code scripts/fuzz.sh} fuzzes each one for a given time ({@code JAZZER_FUZZ=1});
 * a crash is written to that folder and then replayed by every build.
 */
class ParserFuzzTest {

    private static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("ck-fuzz-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() {
        FuzzInputs.deleteTree(ROOT);
        System.out.printf("jazzer fuzz tests: %d flat maps, %d JSON texts, %d envelope files%n",
                FuzzTargets.BINDINGS.get(), FuzzTargets.JSON_TEXTS.get(), FuzzTargets.ENVELOPE_FILES.get());
    }

    /** Keys from option names, brackets and prefixes, or raw fuzzer strings; values likewise. */
    @FuzzTest(maxDuration = "10s")
    void flatConfiguration(FuzzedDataProvider data) {
        String component = data.pickValue(FuzzTargets.COMPONENTS);
        Map<String, String> configuration = new LinkedHashMap<>();
        int keys = data.consumeInt(0, 12);
        for (int i = 0; i < keys && data.remainingBytes() > 0; i++) {
            StringBuilder key = new StringBuilder();
            if (data.consumeBoolean()) {
                key.append(data.pickValue(new String[] {"$checkpoint.", "configuration.", "configuration.source.", ""}));
            }
            int segments = data.consumeInt(1, 4);
            for (int s = 0; s < segments; s++) {
                if (s > 0) {
                    key.append('.');
                }
                key.append(data.consumeBoolean() ? data.pickValue(FuzzInputs.NAMES) : data.consumeString(8));
                if (data.consumeBoolean()) {
                    key.append('[').append(data.consumeBoolean() ? data.pickValue(FuzzInputs.INDICES)
                            : data.consumeString(12)).append(']');
                }
            }
            String value = data.consumeBoolean() ? data.pickValue(FuzzInputs.VALUES) : data.consumeString(16);
            configuration.put(key.toString(), value);
        }
        FuzzTargets.bind(component, configuration);
    }

    /** Any text, as a saved checkpoint read back with Parsson, flattened and bound. */
    @FuzzTest(maxDuration = "10s")
    void checkpointJson(FuzzedDataProvider data) {
        String component = data.pickValue(FuzzTargets.COMPONENTS);
        FuzzTargets.resumeFromJson(component, data.consumeRemainingAsString());
    }

    /** Any bytes, as the newest checkpoint file of a file store job with a valid older generation. */
    @FuzzTest(maxDuration = "10s")
    void envelopeFile(byte[] content) {
        FuzzTargets.loadEnvelopeFile(ROOT, content);
    }
}
