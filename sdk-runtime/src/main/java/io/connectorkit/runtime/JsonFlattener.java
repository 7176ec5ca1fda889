package io.connectorkit.runtime;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens JSON into configuration keys: {@code {"a": {"b": [1]}}} gives {@code a.b[0]=1}. Refuses JSON nested
 * deeper than {@link #MAX_DEPTH} levels, so that outside input cannot make it recurse without bound.
 */
final class JsonFlattener {

    /** The deepest nesting of objects and arrays accepted; the root object is level 1. */
    static final int MAX_DEPTH = 64;

    /** How much of a path an error message shows. */
    private static final int MAX_PATH_SHOWN = 200;

    private JsonFlattener() {
    }

    /** The flat map of {@code json}, in document order; JSON {@code null} values are left out. */
    static Map<String, String> flatten(JsonValue json) {
        if (json == null) {
            throw new IllegalArgumentException("jsonToMap needs a JSON value, got null");
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", json, flat, 0);
        return flat;
    }

    private static void flatten(String path, JsonValue value, Map<String, String> flat, int depth) {
        switch (value.getValueType()) {
            case OBJECT -> {
                checkDepth(path, depth + 1);
                for (Map.Entry<String, JsonValue> entry : ((JsonObject) value).entrySet()) {
                    flatten(path.isEmpty() ? entry.getKey() : path + '.' + entry.getKey(), entry.getValue(), flat,
                            depth + 1);
                }
            }
            case ARRAY -> {
                checkDepth(path, depth + 1);
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    flatten(path + '[' + i + ']', array.get(i), flat, depth + 1);
                }
            }
            case STRING -> flat.put(path, ((JsonString) value).getString());
            case NULL -> {
                // A null field resumes to the class's default: there is no string for "null" that is not a value.
            }
            default -> flat.put(path, value.toString()); // numbers and booleans, exactly as written
        }
    }

    private static void checkDepth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            String shown = path.length() <= MAX_PATH_SHOWN ? path
                    : path.substring(0, MAX_PATH_SHOWN) + "... (" + path.length() + " characters)";
            throw new IllegalArgumentException("jsonToMap: the JSON is nested deeper than the limit of " + MAX_DEPTH
                    + " levels at '" + shown + "'");
        }
    }
}
