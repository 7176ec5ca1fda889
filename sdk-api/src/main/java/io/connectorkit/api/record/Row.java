package io.connectorkit.api.record;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/** One row of {@link ColumnNames}: its values only, by position. Immutable. */
final class Row extends AbstractMap<String, JsonValue> implements JsonObject {

    private final ColumnNames columns;
    private final JsonValue[] values;

    Row(ColumnNames columns, JsonValue[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public JsonValue get(Object name) {
        int position = columns.position(name);
        return position < 0 ? null : values[position];
    }

    @Override
    public boolean containsKey(Object name) {
        return columns.position(name) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** Each member in order, without an entry object per member (a host writing rows out calls this). */
    @Override
    public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(columns.name(i), values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, JsonValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, JsonValue> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int position = next++;
                        return Map.entry(columns.name(position), values[position]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return (JsonArray) get(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return (JsonObject) get(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return (JsonNumber) get(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return (JsonString) get(name);
    }

    @Override
    public String getString(String name) {
        return getJsonString(name).getString();
    }

    @Override
    public String getString(String name, String defaultValue) {
        return get(name) instanceof JsonString string ? string.getString() : defaultValue;
    }

    @Override
    public int getInt(String name) {
        return getJsonNumber(name).intValue();
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return get(name) instanceof JsonNumber number ? number.intValue() : defaultValue;
    }

    @Override
    public boolean getBoolean(String name) {
        return switch (member(name).getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new ClassCastException("member '" + name + "' is " + get(name).getValueType()
                    + ", not a boolean");
        };
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        JsonValue value = get(name);
        ValueType type = value == null ? ValueType.NULL : value.getValueType();
        return type == ValueType.TRUE || type != ValueType.FALSE && defaultValue;
    }

    @Override
    public boolean isNull(String name) {
        return member(name).getValueType() == ValueType.NULL;
    }

    private JsonValue member(String name) {
        JsonValue value = get(name);
        if (value == null) {
            throw new NullPointerException("no member '" + name + "' in " + columns.names());
        }
        return value;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    /** The row as JSON text, written by the JSON-P provider, as any {@code JsonObject}'s. */
    @Override
    public String toString() {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = JsonProvider.provider().createWriter(text)) {
            writer.write(this);
        }
        return text.toString();
    }
}
