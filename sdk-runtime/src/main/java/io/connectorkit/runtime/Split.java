package io.connectorkit.runtime;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One split of a component: its id and its descriptor, the split's own configuration. A split's configuration is a
 * complete configuration of the same component without its credentials: {@link Mapper#create(Split, CheckpointState)}
 * adds the job's credentials (and a checkpoint) to read it, and the split's latest checkpoint is all a host keeps
 * besides. Written as versioned JSON ({@link #toJson()}), never by Java serialization.
 *
 * <p><b>API</b>: an immutable value, thread-safe. Made by {@link Mapper#split(long)} or read back with
 * {@link #fromJson(JsonObject)}; a host may make one itself (a test, an engine's own split format).
 *
 * @param id the split's id, unique within its plan and a valid store id: 1 to {@value #MAX_ID_LENGTH} characters of
 *     {@code [A-Za-z0-9._-]}, not {@code .} or {@code ..}
 * @param configuration the split's configuration keys and values, without credentials or {@code $checkpoint} keys;
 *     sorted by key, unmodifiable
 * @param configurationVersion the version of that configuration, as {@code findMapper} takes it: the component's
 *     {@code @Version} when the split was made, so that a later release migrates it
 */
public record Split(String id, Map<String, String> configuration, int configurationVersion) {

    /** The format of {@link #toJson()}: its {@code __version}. */
    public static final int FORMAT = 1;

    /** The longest split id. */
    public static final int MAX_ID_LENGTH = 128;

    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * @throws IllegalArgumentException naming what is wrong: an invalid id (and why), a null key or value, a
     *     {@code $checkpoint} key, a version below 1
     */
    public Split {
        String problem = idProblem(id);
        if (problem != null) {
            throw new IllegalArgumentException("invalid split id '" + Printable.of(String.valueOf(id), MAX_ID_LENGTH)
                    + "': " + problem + " (" + ID_RULE + ")");
        }
        Objects.requireNonNull(configuration, "configuration");
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> entry : configuration.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), "a configuration key of split " + id);
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("split " + id + ": the configuration key "
                        + Printable.of(key, 200) + " has a null value");
            }
            if (key.startsWith(CheckpointState.CHECKPOINT_KEY + '.')) {
                throw new IllegalArgumentException("split " + id + ": a split's configuration holds no checkpoint, but "
                        + "it has the key " + Printable.of(key, 200) + "; give the checkpoint to Mapper.create(split, "
                        + "checkpoint)");
            }
            sorted.put(key, entry.getValue());
        }
        configuration = Collections.unmodifiableSortedMap(sorted);
        if (configurationVersion < 1) {
            throw new IllegalArgumentException("split " + id + ": the configuration version must be 1 or more, got "
                    + configurationVersion);
        }
    }

    /** What a split id may be, as messages say it. */
    static final String ID_RULE = "allowed: 1 to " + MAX_ID_LENGTH + " characters of [A-Za-z0-9._-], not '.' or '..'";

    /**
     * Why {@code id} is not a valid split id, or {@code null} when it is. The rule is the checkpoint stores' rule for
     * job and partition ids (they name folders and rows, and a split's checkpoints are kept under its id), so the
     * stores check their ids with this method too: 1 to {@value #MAX_ID_LENGTH} characters of
     * {@code [A-Za-z0-9._-]}, not {@code .} or {@code ..}.
     *
     * @return a reason such as {@code "character '/' at index 3 is not allowed"}, or {@code null}
     */
    public static String idProblem(String id) {
        if (id == null) {
            return "it is null";
        }
        if (id.isEmpty()) {
            return "it is empty";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "it is " + id.length() + " characters long";
        }
        if (id.equals(".") || id.equals("..")) {
            return "it names a folder";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return "character " + (c < 0x20 || c == 0x7f || c == ' ' ? String.format("U+%04X", (int) c)
                        : "'" + c + "'") + " at index " + i + " is not allowed";
            }
        }
        return null;
    }

    /** {@code {"__version": 1, "id": "a.txt", "configurationVersion": 1, "configuration": {"key": "value", ...}}}. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add(CheckpointState.VERSION_KEY, FORMAT)
                .add("id", id)
                .add("configurationVersion", configurationVersion)
                .add("configuration", configurationJson(configuration))
                .build();
    }

    /**
     * Reads {@link #toJson()} back.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong, or a {@code __version} this
     *     runtime cannot read (with both versions)
     */
    public static Split fromJson(JsonObject json) {
        Objects.requireNonNull(json, "json");
        int format = integer(json, CheckpointState.VERSION_KEY, "a split");
        if (format != FORMAT) {
            throw new IllegalArgumentException("a split of format " + format + " cannot be read: this runtime reads "
                    + "format " + FORMAT + (format > FORMAT ? "; it was written by a newer Connector Kit" : ""));
        }
        return new Split(string(json, "id", "a split"), configurationOf(json, "a split"),
                integer(json, "configurationVersion", "a split"));
    }

    /** A flat map as a JSON object of strings, in key order. */
    static JsonObject configurationJson(Map<String, String> configuration) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        new TreeMap<>(configuration).forEach(builder::add);
        return builder.build();
    }

    /** The object {@code configuration} of {@code json}, whose values must all be strings. */
    static Map<String, String> configurationOf(JsonObject json, String what) {
        JsonValue value = json.get("configuration");
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(what + " needs \"configuration\", an object of strings, got " + value);
        }
        Map<String, String> configuration = new TreeMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (!(entry.getValue() instanceof JsonString text)) {
                throw new IllegalArgumentException(what + ": configuration." + Printable.of(entry.getKey(), 200)
                        + " must be a string, got " + entry.getValue().getValueType());
            }
            configuration.put(entry.getKey(), text.getString());
        }
        return configuration;
    }

    static int integer(JsonObject json, String field, String what) {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new IllegalArgumentException(what + " needs \"" + field + "\", a whole number, got " + value);
        }
        return number.intValueExact();
    }

    static String string(JsonObject json, String field, String what) {
        JsonValue value = json.get(field);
        if (!(value instanceof JsonString text)) {
            throw new IllegalArgumentException(what + " needs \"" + field + "\", a string, got " + value);
        }
        return text.getString();
    }

    @Override
    public String toString() {
        return "Split[" + id + ", " + configuration.size() + " configuration keys, version " + configurationVersion
                + "]";
    }
}
