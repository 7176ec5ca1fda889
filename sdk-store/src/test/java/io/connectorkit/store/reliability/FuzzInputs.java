package io.connectorkit.store.reliability;

import io.connectorkit.store.FileCheckpointStore;
import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Building blocks of generated inputs, shared by the jqwik properties and the Jazzer fuzz tests. */
final class FuzzInputs {

    /** Option names of the test components, type hints and odd segments. */
    static final List<String> NAMES = List.of("configuration", "source", "items", "position", "next", "mode",
            "batch", "password", "total", "checkpoint", "note", "url", "numbers", "weight", "name", "color", "flag",
            "failAfter", "__version", "$checkpoint", "@type", "class", "@class", "", " ", "é", "\u0000", "x[",
            "]", "..", "java.lang.Runtime");

    /** List indices, good and bad. */
    static final List<String> INDICES = List.of("0", "1", "2", "00", "-1", "", "a", "\u0663", "100000", "100001",
            "99999999", "2147483647", "2147483648", "99999999999", "999999999999999999999999");

    /** Values, good and bad for every option type. */
    static final List<String> VALUES = List.of("", "0", "1", "2", "-1", "3", "999", "2147483648",
            "-9223372036854775809", "NaN", "Infinity", "1e400", "true", "FALSE", "FAST", "SAFE", "RED", "x", "\uD800",
            "é", "\u0000", "java.lang.Runtime", "null", "{}");

    private FuzzInputs() {
    }

    /** Random JSON text: mostly well-formed, sometimes nested past the limit, sometimes truncated or altered. */
    static String jsonText(Random random) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(10) == 0) {
            int depth = 50 + random.nextInt(40);
            sb.append("{\"$checkpoint\":");
            for (int i = 0; i < depth; i++) {
                sb.append(random.nextBoolean() ? "{\"a\":" : "[");
            }
            sb.append('1');
            // Closed in the wrong order half of the time: a parse error rather than a depth error.
            for (int i = 0; i < depth; i++) {
                sb.append(random.nextBoolean() ? '}' : ']');
            }
            sb.append('}');
        } else {
            sb.append("{\"$checkpoint\":");
            value(random, sb, 0, true);
            if (random.nextBoolean()) {
                sb.append(",\"").append(pick(random, NAMES)).append("\":");
                value(random, sb, 0, false);
            }
            sb.append('}');
        }
        return damage(random, sb.toString());
    }

    /** A real envelope file of a file store, valid or damaged. */
    static String envelopeFile(Random random) {
        Path root;
        try {
            root = Files.createTempDirectory("ck-envelope");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileCheckpointStore store = new FileCheckpointStore(root)) {
            store.save("job", "0", "test/counter", Json.createObjectBuilder().add("$checkpoint",
                    Json.createObjectBuilder().add("next", random.nextInt(1000)).add("note", pick(random, VALUES)))
                    .build());
            store.save("job", "0", "test/counter", Json.createObjectBuilder().add("$checkpoint",
                    Json.createObjectBuilder().add("next", random.nextInt(1000))).build());
            String text = Files.readString(root.resolve("job/partitions/0/checkpoint-00000000000000000002.json"),
                    StandardCharsets.UTF_8);
            return random.nextInt(8) == 0 ? text : damage(random, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(root);
        }
    }

    private static void value(Random random, StringBuilder sb, int depth, boolean object) {
        int kind = depth > 6 ? 2 + random.nextInt(5) : random.nextInt(7);
        if (object || kind == 0) {
            sb.append('{');
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('"').append(escape(pick(random, NAMES))).append("\":");
                value(random, sb, depth + 1, false);
            }
            sb.append('}');
            return;
        }
        switch (kind) {
            case 1 -> {
                sb.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    value(random, sb, depth + 1, false);
                }
                sb.append(']');
            }
            case 2 -> sb.append('"').append(escape(pick(random, VALUES))).append('"');
            case 3 -> sb.append(pick(random, List.of("0", "1", "2", "-1", "1.5", "1e400", "99999999999999999999",
                    "2147483648", "-0", "3")));
            case 4 -> sb.append(random.nextBoolean());
            case 5 -> sb.append("null");
            default -> sb.append('"').append(random.nextInt()).append('"');
        }
    }

    /** Truncates, flips a character, inserts or deletes one, or leaves it alone. */
    static String damage(Random random, String text) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + (char) (text.charAt(at) ^ (1 << random.nextInt(7))) + text.substring(at + 1);
            case 2 -> text.substring(0, at) + pick(random, List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\u0000",
                    "é", "1")) + text.substring(at);
            case 3 -> text.substring(0, at) + text.substring(at + 1);
            default -> text;
        };
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
