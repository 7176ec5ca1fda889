package io.connectorkit.store;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum that seals a {@link CheckpointEnvelope}: SHA-256, as lowercase hex, over a canonical JSON form of every
 * field but the checksum itself.
 *
 * <p>SHA-256 rather than CRC32C: checkpoints are small and written at most a few times a second, so the cost does not
 * matter, while SHA-256 also catches deliberate or multi-bit edits that a 32-bit CRC can miss, and needs nothing
 * beyond the JDK.
 */
final class EnvelopeChecksum {

    private EnvelopeChecksum() {
    }

    /** SHA-256 hex over the canonical form of the envelope's fields. */
    static String of(String job, String partition, long generation, Instant createdAt, String componentId,
                     int version, JsonObject checkpoint, Audit audit) {
        // A JSON object so that no field value can be confused with a separator; canonical so that key order and
        // whitespace do not matter.
        JsonObject canonical = EnvelopeCodec.JSON.createObjectBuilder()
                .add("format", EnvelopeCodec.FORMAT)
                .add("job", job)
                .add("partition", partition)
                .add("generation", generation)
                .add("createdAt", createdAt.toString())
                .add("componentId", componentId)
                .add("version", version)
                .add("audit", audit == null ? JsonValue.NULL : audit.toJson())
                .add("checkpoint", checkpoint)
                .build();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** JSON with object keys sorted, no whitespace, strings escaped minimally, numbers as their own text. */
    static String canonical(JsonValue value) {
        StringBuilder sb = new StringBuilder();
        appendCanonical(sb, value);
        return sb.toString();
    }

    private static void appendCanonical(StringBuilder sb, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                List<String> keys = new ArrayList<>(object.keySet());
                Collections.sort(keys);
                sb.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    appendString(sb, keys.get(i));
                    sb.append(':');
                    appendCanonical(sb, object.get(keys.get(i)));
                }
                sb.append('}');
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                sb.append('[');
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    appendCanonical(sb, array.get(i));
                }
                sb.append(']');
            }
            case STRING -> appendString(sb, ((JsonString) value).getString());
            case NUMBER -> sb.append(((JsonNumber) value).bigDecimalValue().toString());
            case TRUE -> sb.append("true");
            case FALSE -> sb.append("false");
            case NULL -> sb.append("null");
            default -> throw new IllegalStateException("unknown JSON value type " + value.getValueType());
        }
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
