package io.connectorkit.store;

import io.connectorkit.runtime.CheckpointState;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The checkpoint envelope's format: validating a checkpoint's shape and version, sealing an envelope (its checksum is
 * {@link EnvelopeChecksum}'s), and the envelope's JSON document used by the file store, read back and verified.
 */
final class EnvelopeCodec {

    static final String ROOT_KEY = CheckpointState.CHECKPOINT_KEY;
    static final String VERSION_KEY = CheckpointState.VERSION_KEY;
    /** Identifies the envelope file format; a future format changes it. */
    static final String FORMAT = "connectorkit-checkpoint/1";

    /** The longest component id: the JDBC store's column is VARCHAR(512). */
    static final int MAX_COMPONENT_ID = 512;

    private static final List<String> ENVELOPE_KEYS = List.of("format", "job", "partition", "generation", "createdAt",
            "componentId", "version", "audit", "checksum", "checkpoint");

    /**
     * Looked up once: {@code Json.createXxx} runs a {@code ServiceLoader} lookup on every call, which costs more than
     * the rest of a save's CPU work put together.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private EnvelopeCodec() {
    }

    /** Truncates to microseconds: what PostgreSQL and H2 timestamps keep, so every store round-trips it exactly. */
    static Instant storeTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Checks that {@code checkpoint} is exactly {@code {"$checkpoint": {...}}}, with a positive integer
     * {@code __version} if any, and not larger than {@code maxBytes}.
     *
     * @return its version (1 when absent)
     * @throws IllegalArgumentException naming what is wrong
     */
    static int validate(String job, String partition, String componentId, JsonObject checkpoint, int maxBytes) {
        if (componentId == null || componentId.isBlank() || componentId.length() > MAX_COMPONENT_ID) {
            throw new IllegalArgumentException("componentId for job '" + job + "' partition '" + partition
                    + "' must be 1 to " + MAX_COMPONENT_ID + " characters, got "
                    + (componentId == null ? "null" : "'" + componentId + "'"));
        }
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint for job '" + job + "' partition '" + partition
                    + "' must not be null");
        }
        if (checkpoint.size() != 1 || !(checkpoint.get(ROOT_KEY) instanceof JsonObject)) {
            throw new IllegalArgumentException("checkpoint for job '" + job + "' partition '" + partition
                    + "' must be exactly {\"" + ROOT_KEY + "\": {...}}, got the keys " + checkpoint.keySet());
        }
        long size = utf8Size(checkpoint);
        if (size > maxBytes) {
            throw new IllegalArgumentException("checkpoint for job '" + job + "' partition '" + partition + "' is "
                    + size + " bytes, more than the limit of " + maxBytes + " bytes (StoreOptions.maxCheckpointBytes)");
        }
        return version(checkpoint);
    }

    /** {@code $checkpoint.__version}, 1 when absent. */
    static int version(JsonObject checkpoint) {
        JsonValue v = checkpoint.getJsonObject(ROOT_KEY).get(VERSION_KEY);
        if (v == null) {
            return 1;
        }
        try {
            int version = ((JsonNumber) v).intValueExact();
            if (version < 1) {
                throw new ArithmeticException("not positive");
            }
            return version;
        } catch (ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException(ROOT_KEY + "." + VERSION_KEY + " must be a positive integer, got " + v);
        }
    }

    static long utf8Size(JsonObject json) {
        return write(json).getBytes(StandardCharsets.UTF_8).length;
    }

    /** Compact JSON text, as Parsson writes it. */
    static String write(JsonObject json) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = JSON.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString();
    }

    /** @throws JsonParsingException or another {@link RuntimeException} for text that is not one JSON object */
    static JsonObject read(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Builds a sealed envelope: version read from the checkpoint, checksum computed. */
    static CheckpointEnvelope seal(String job, String partition, long generation, Instant createdAt,
                                   String componentId, JsonObject checkpoint, Audit audit) {
        int version = version(checkpoint);
        Instant at = storeTime(createdAt);
        return new CheckpointEnvelope(job, partition, generation, at, componentId, version, checkpoint,
                EnvelopeChecksum.of(job, partition, generation, at, componentId, version, checkpoint, audit), audit);
    }

    /** The envelope as the JSON document the file store writes. */
    static JsonObject toJson(CheckpointEnvelope e) {
        return JSON.createObjectBuilder()
                .add("format", FORMAT)
                .add("job", e.job())
                .add("partition", e.partition())
                .add("generation", e.generation())
                .add("createdAt", e.createdAt().toString())
                .add("componentId", e.componentId())
                .add("version", e.version())
                .add("audit", e.audit() == null ? JsonValue.NULL : e.audit().toJson())
                .add("checksum", e.checksum())
                .add("checkpoint", e.checkpoint())
                .build();
    }

    /**
     * Reads and verifies an envelope document.
     *
     * @throws InvalidCheckpointException saying why it is not a valid envelope
     */
    static CheckpointEnvelope fromJson(String text) throws InvalidCheckpointException {
        JsonObject json;
        try {
            json = read(text);
        } catch (RuntimeException e) {
            throw new InvalidCheckpointException("not a complete JSON object (" + e.getMessage() + ")");
        }
        // Exactly these keys: an unknown or missing key means the file was damaged or is not ours.
        if (!json.keySet().equals(Set.copyOf(ENVELOPE_KEYS))) {
            throw new InvalidCheckpointException("expected the keys " + ENVELOPE_KEYS + ", got " + json.keySet());
        }
        try {
            if (!FORMAT.equals(json.getString("format"))) {
                throw new InvalidCheckpointException("expected format '" + FORMAT + "', got '"
                        + json.getString("format") + "'");
            }
            JsonValue audit = json.get("audit");
            CheckpointEnvelope e = new CheckpointEnvelope(json.getString("job"), json.getString("partition"),
                    json.getJsonNumber("generation").longValueExact(), instant(json.getString("createdAt")),
                    json.getString("componentId"), json.getJsonNumber("version").intValueExact(),
                    json.getJsonObject("checkpoint"), json.getString("checksum"),
                    audit == JsonValue.NULL ? null : Audit.fromJson(audit.asJsonObject()));
            return verified(e);
        } catch (InvalidCheckpointException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidCheckpointException("malformed field (" + e + ")");
        }
    }

    /**
     * Parses an instant that must be in {@link Instant#toString()}'s form: the checksum covers that form, and the ISO
     * parser alone would accept variants (a lowercase 't', other offsets) a damaged file could contain.
     */
    static Instant instant(String text) {
        Instant instant = Instant.parse(text);
        if (!instant.toString().equals(text)) {
            throw new IllegalArgumentException("instant '" + text + "' is not in canonical form '" + instant + "'");
        }
        return instant;
    }

    /** @throws InvalidCheckpointException when the checksum does not match or the version disagrees */
    static CheckpointEnvelope verified(CheckpointEnvelope e) throws InvalidCheckpointException {
        if (!e.verify()) {
            throw new InvalidCheckpointException("checksum mismatch: expected " + e.checksum() + ", computed "
                    + EnvelopeChecksum.of(e.job(), e.partition(), e.generation(), e.createdAt(), e.componentId(),
                    e.version(), e.checkpoint(), e.audit()));
        }
        return e;
    }

    /** Why a stored generation is not a valid checkpoint. */
    static final class InvalidCheckpointException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidCheckpointException(String reason) {
            super(reason, null, false, false);
        }
    }
}
