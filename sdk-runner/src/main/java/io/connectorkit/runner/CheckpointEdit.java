package io.connectorkit.runner;

import io.connectorkit.api.spi.OptionModel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Changes fields of a {@code {"$checkpoint": {...}}} object for {@code checkpoint reset --set}. */
final class CheckpointEdit {

    private static final String CHECKPOINT = "$checkpoint";
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private CheckpointEdit() {
    }

    /**
     * {@code checkpoint} with each {@code key=value} set inside {@code $checkpoint}, for a component that is not
     * checked: a value keeps the JSON type of the field it replaces (number, boolean or string); a new field is a
     * number or boolean when it reads as one.
     *
     * @throws RunnerException for {@code __version}, or a value that does not fit the field's JSON type
     */
    static JsonObject set(JsonObject checkpoint, Map<String, String> values) {
        return set(checkpoint, values, key -> null);
    }

    /**
     * {@code checkpoint} with each {@code key=value} set inside {@code $checkpoint}. A field whose kind
     * {@code declared} gives (the component's {@code @Checkpoint} field) is written with that kind's JSON type:
     * a string for strings, characters and enums, a number for numbers, a boolean for booleans; a value that is not
     * of that type is written as a string, for the component check to refuse with its own message. Other fields
     * follow {@link #set(JsonObject, Map)}.
     *
     * @param declared the kind of a {@code $checkpoint} field by name, or {@code null} when it is not declared
     * @throws RunnerException for {@code __version}, a list or object field, or an undeclared field's value that
     *     does not fit its JSON type
     */
    static JsonObject set(JsonObject checkpoint, Map<String, String> values,
            Function<String, OptionModel.Kind> declared) {
        JsonObject state = checkpoint.getJsonObject(CHECKPOINT);
        JsonObjectBuilder builder = Json.createObjectBuilder(state);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            if (key.equals("__version")) {
                throw new RunnerException(ExitCodes.USAGE, "reset cannot change __version: the version says which "
                        + "code wrote the checkpoint; rewind to a generation of the right version instead");
            }
            OptionModel.Kind kind = declared.apply(key);
            builder.add(key, kind != null ? declared(key, kind, entry.getValue())
                    : value(key, state.get(key), entry.getValue()));
        }
        return Json.createObjectBuilder().add(CHECKPOINT, builder).build();
    }

    private static JsonValue declared(String key, OptionModel.Kind kind, String text) {
        return switch (kind) {
            case BYTE, SHORT, INT, LONG -> INTEGER.matcher(text).matches()
                    ? Json.createValue(new BigInteger(text)) : Json.createValue(text);
            case FLOAT, DOUBLE -> decimal(text) != null ? Json.createValue(decimal(text)) : Json.createValue(text);
            case BOOLEAN -> text.equalsIgnoreCase("true") ? JsonValue.TRUE
                    : text.equalsIgnoreCase("false") ? JsonValue.FALSE : Json.createValue(text);
            case STRING, CHAR, ENUM -> Json.createValue(text);
            default -> throw new RunnerException(ExitCodes.USAGE, "reset --set " + key + ": the field holds a "
                    + kind.name().toLowerCase() + "; only numbers, booleans and strings can be set");
        };
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
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
        return decimal(text) != null ? JsonValue.ValueType.NUMBER : JsonValue.ValueType.STRING;
    }

    private static JsonValue number(String key, String text) {
        BigDecimal number = decimal(text);
        if (number == null) {
            throw new RunnerException(ExitCodes.USAGE, "reset --set " + key + "=" + text + ": the field is a number");
        }
        return Json.createValue(number);
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
