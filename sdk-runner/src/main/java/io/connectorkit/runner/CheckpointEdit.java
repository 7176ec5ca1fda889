package io.connectorkit.runner;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Map;

/** Changes fields of a {@code {"$checkpoint": {...}}} object for {@code checkpoint reset --set}. */
final class CheckpointEdit {

    private static final String CHECKPOINT = "$checkpoint";

    private CheckpointEdit() {
    }

    /**
     * {@code checkpoint} with each {@code key=value} set inside {@code $checkpoint}. A value keeps the JSON type of the
     * field it replaces (number, boolean or string); a new field is a number or boolean when it reads as one.
     *
     * @throws RunnerException for {@code __version}, or a value that does not fit the field's type
     */
    static JsonObject set(JsonObject checkpoint, Map<String, String> values) {
        JsonObject state = checkpoint.getJsonObject(CHECKPOINT);
        JsonObjectBuilder builder = Json.createObjectBuilder(state);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            if (key.equals("__version")) {
                throw new RunnerException(ExitCodes.USAGE, "reset cannot change __version: the version says which "
                        + "code wrote the checkpoint; rewind to a generation of the right version instead");
            }
            builder.add(key, value(key, state.get(key), entry.getValue()));
        }
        return Json.createObjectBuilder().add(CHECKPOINT, builder).build();
    }

    private static JsonValue value(String key, JsonValue current, String text) {
        JsonValue.ValueType type = current == null ? guess(text) : current.getValueType();
        return switch (type) {
            case NUMBER -> number(key, text);
            case TRUE, FALSE -> bool(key, text);
            case STRING -> Json.createValue(text);
            default -> throw new RunnerException(ExitCodes.USAGE, "reset --set " + key + ": the field holds a "
                    + type.name().toLowerCase() + "; only numbers, booleans and strings can be set");
        };
    }

    private static JsonValue.ValueType guess(String text) {
        if (text.equals("true") || text.equals("false")) {
            return JsonValue.ValueType.TRUE;
        }
        try {
            new BigDecimal(text);
            return JsonValue.ValueType.NUMBER;
        } catch (NumberFormatException e) {
            return JsonValue.ValueType.STRING;
        }
    }

    private static JsonValue number(String key, String text) {
        try {
            return Json.createValue(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new RunnerException(ExitCodes.USAGE, "reset --set " + key + "=" + text + ": the field is a number");
        }
    }

    private static JsonValue bool(String key, String text) {
        if (text.equals("true")) {
            return JsonValue.TRUE;
        }
        if (text.equals("false")) {
            return JsonValue.FALSE;
        }
        throw new RunnerException(ExitCodes.USAGE, "reset --set " + key + "=" + text + ": the field is true or false");
    }
}
