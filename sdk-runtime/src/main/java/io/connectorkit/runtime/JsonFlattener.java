package io.connectorkit.runtime;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flattens JSON into configuration keys: {@code {"a": {"b": [1]}}} gives {@code a.b[0]=1}. */
final class JsonFlattener {

    private JsonFlattener() {
    }

    /** The flat map of {@code json}, in document order; JSON {@code null} values are left out. */
    static Map<String, String> flatten(JsonValue json) {
        if (json == null) {
            throw new IllegalArgumentException("jsonToMap needs a JSON value, got null");
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", json, flat);
        return flat;
    }

    private static void flatten(String path, JsonValue value, Map<String, String> flat) {
        switch (value.getValueType()) {
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> entry : ((JsonObject) value).entrySet()) {
                    flatten(path.isEmpty() ? entry.getKey() : path + '.' + entry.getKey(), entry.getValue(), flat);
                }
            }
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    flatten(path + '[' + i + ']', array.get(i), flat);
                }
            }
            case STRING -> flat.put(path, ((JsonString) value).getString());
            case NULL -> {
                // A null field resumes to the class's default: there is no string for "null" that is not a value.
            }
            default -> flat.put(path, value.toString()); // numbers and booleans, exactly as written
        }
    }
}
