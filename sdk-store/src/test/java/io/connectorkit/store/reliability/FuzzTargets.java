package io.connectorkit.store.reliability;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.UnsupportedVersionException;
import io.connectorkit.runtime.Input;
import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The three parsers that take outside input, each as a target that accepts any input and fails (with an
 * {@link AssertionError} naming the input) only when it ends in something other than a result or the documented
 * exception type. Shared by the Jazzer fuzz tests and the jqwik properties.
 */
final class FuzzTargets {

    /** Components of the runtime's test index that the binding targets pick from. */
    static final List<String> COMPONENTS = List.of("counter", "counter-every-3", "batched", "plain", "plain-v2");

    /** Inputs tried, per target, for the figures. */
    static final AtomicLong BINDINGS = new AtomicLong();
    static final AtomicLong JSON_TEXTS = new AtomicLong();
    static final AtomicLong ENVELOPE_FILES = new AtomicLong();

    private static final ComponentManager MANAGER = ComponentManager.builder().checkpointing(true).build();
    private FuzzTargets() {
    }

    /**
     * {@code findMapper} of a flat configuration map, then {@code create()} and a few records: a mapper, or a
     * {@link ConfigurationException} / {@link UnsupportedVersionException}.
     */
    static void bind(String component, Map<String, String> configuration) {
        Quiet.run(() -> bind0(component, configuration));
    }

    private static void bind0(String component, Map<String, String> configuration) {
        BINDINGS.incrementAndGet();
        try {
            Optional<io.connectorkit.runtime.Mapper> mapper = MANAGER.findMapper("test", component, 1,
                    configuration);
            if (mapper.isPresent()) {
                Input input = mapper.get().create();
                input.start(checkpoint -> checkpoint.toJson());
                for (int i = 0; i < 3 && input.next() != null; i++) {
                    // a few records and checkpoints
                }
                input.stop();
            }
        } catch (ConfigurationException | UnsupportedVersionException expected) {
            if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
                throw new AssertionError("an error without a message for " + configuration, expected);
            }
        } catch (io.connectorkit.runtime.ComponentException e) {
            // Plain fails on purpose when configuration.failAfter says so, and plain-v2's migration handler when
            // configuration.link is "explode": their own documented failures.
            boolean planned = component.startsWith("plain")
                    && (configuration.containsKey("configuration.failAfter")
                            && e.getMessage().contains("@Producer produce() failed")
                        || "explode".equals(configuration.get("configuration.link"))
                            && e.getMessage().contains("migration handler"));
            if (!planned) {
                throw new AssertionError("unexpected component failure for " + configuration, e);
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("findMapper(test/" + component + ", " + show(configuration) + ") threw " + e, e);
        }
    }

    /**
     * JSON text as a host reads a saved checkpoint: parsed with Parsson ({@link JsonException} for bad text),
     * flattened with {@code jsonToMap} ({@link IllegalArgumentException} past the nesting limit), then bound on top of
     * a valid configuration of {@code component}.
     */
    static void resumeFromJson(String component, String text) {
        Quiet.run(() -> resumeFromJson0(component, text));
    }

    private static void resumeFromJson0(String component, String text) {
        JSON_TEXTS.incrementAndGet();
        JsonValue json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readValue();
        } catch (JsonException expected) {
            return;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("parsing " + show(text) + " threw " + e, e);
        }
        Map<String, String> flat;
        try {
            flat = ComponentManager.jsonToMap(json);
        } catch (IllegalArgumentException expected) {
            if (!expected.getMessage().contains("limit of 64 levels")) {
                throw new AssertionError("jsonToMap(" + show(text) + ") threw " + expected, expected);
            }
            return;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("jsonToMap(" + show(text) + ") threw " + e, e);
        }
        Map<String, String> configuration = new HashMap<>(validConfiguration(component));
        configuration.putAll(flat);
        bind0(component, configuration);
    }

    /**
     * {@code content} as the newest checkpoint file of a job in a file store whose older generation is valid: the
     * store returns that generation, or a valid envelope, or throws {@link CheckpointStoreException}.
     */
    static void loadEnvelopeFile(Path root, byte[] content) {
        Quiet.run(() -> loadEnvelopeFile0(root, content));
    }

    private static void loadEnvelopeFile0(Path root, byte[] content) {
        ENVELOPE_FILES.incrementAndGet();
        try (FileCheckpointStore store = new FileCheckpointStore(root)) {
            Path dir = root.resolve("job").resolve("partitions").resolve("0");
            Path newest = dir.resolve("checkpoint-00000000000000000002.json");
            if (store.load("job", "0", 1).isEmpty()) {
                store.save("job", "0", "test/counter", Json.createObjectBuilder()
                        .add("$checkpoint", Json.createObjectBuilder().add("next", 7)).build());
            }
            Files.write(newest, content);
            Optional<CheckpointEnvelope> latest = store.loadLatest("job", "0");
            if (latest.isEmpty() || !latest.get().verify()) {
                throw new AssertionError("loadLatest returned " + latest + " for a valid generation 1 and " + show(content));
            }
            store.history("job", "0");
            try {
                store.load("job", "0", 2);
            } catch (CheckpointStoreException expected) {
                // generation 2 is corrupt: documented
            }
            Files.delete(newest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CheckpointStoreException e) {
            throw new AssertionError("a valid generation 1 exists, yet loading failed for " + show(content) + ": " + e, e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("loading " + show(content) + " threw " + e, e);
        }
    }

    /** A configuration of {@code component} that binds. */
    static Map<String, String> validConfiguration(String component) {
        return switch (component) {
            case "batched" -> Map.of("configuration.source.items[0]", "a", "configuration.source.items[1]", "b");
            case "plain", "plain-v2" -> Map.of("configuration.url", "u");
            default -> Map.of("total", "5");
        };
    }

    private static String show(Object input) {
        String text = input instanceof byte[] bytes ? bytes.length + " bytes " + new String(bytes,
                java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(input);
        return text.length() > 500 ? text.substring(0, 500) + "... (" + text.length() + " characters)" : text;
    }
}
