package io.connectorkit.api.record;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names of a table's rows, made once and shared by every row: {@link #row} makes a row as a
 * {@link JsonObject} that holds only its values. It is an ordinary, immutable JSON-P object (equal to any
 * {@code JsonObject} with the same members, in the columns' order), and costs a fraction of the memory of one made by
 * a {@link jakarta.json.JsonObjectBuilder}, which builds a hash map for every row: at a million rows a second that
 * garbage is most of what an input allocates.
 *
 * <pre>{@code
 * ColumnNames columns = ColumnNames.of(List.of("id", "name"));     // once, from the header or the query's metadata
 * JsonObject row = columns.row(List.of(json.createValue(7), json.createValue("Ada")));  // per row
 * }</pre>
 *
 * <p>Thread-safe; rows may be made on several threads at once.
 */
public final class ColumnNames {

    private final String[] names;
    private final List<String> list;
    private final Map<String, Integer> positions;

    private ColumnNames(String[] names, Map<String, Integer> positions) {
        this.names = names;
        this.list = List.of(names);
        this.positions = positions;
    }

    /**
     * The columns {@code names}, in this order.
     *
     * @throws IllegalArgumentException when a name is {@code null} or appears twice (a JSON object cannot hold both)
     */
    public static ColumnNames of(List<String> names) {
        String[] copy = names.toArray(new String[0]);
        Map<String, Integer> positions = new HashMap<>(copy.length * 2);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new IllegalArgumentException("column " + (i + 1) + " of " + names + " has no name");
            }
            Integer before = positions.putIfAbsent(copy[i], i);
            if (before != null) {
                throw new IllegalArgumentException("columns " + (before + 1) + " and " + (i + 1) + " of " + names
                        + " are both named '" + copy[i] + "': the names of a row must differ");
            }
        }
        return new ColumnNames(copy, positions);
    }

    /** The number of columns. */
    public int size() {
        return names.length;
    }

    /** The names, in their order. */
    public List<String> names() {
        return list;
    }

    /**
     * A row: column {@code i} holds {@code values.get(i)}. The values are copied, so the list may be reused.
     *
     * @throws IllegalArgumentException when there are not as many values as columns
     * @throws NullPointerException when a value is {@code null} (a SQL {@code NULL} is {@link JsonValue#NULL})
     */
    public JsonObject row(List<? extends JsonValue> values) {
        if (values.size() != names.length) {
            throw new IllegalArgumentException("a row of " + names.length + " columns " + names()
                    + " cannot hold " + values.size() + " values");
        }
        JsonValue[] copy = new JsonValue[names.length];
        for (int i = 0; i < copy.length; i++) {
            JsonValue value = values.get(i);
            if (value == null) {
                throw new NullPointerException("the value of column '" + names[i] + "' is null; a missing value is "
                        + "JsonValue.NULL");
            }
            copy[i] = value;
        }
        return new Row(this, copy);
    }

    String name(int position) {
        return names[position];
    }

    /** The position of column {@code name}, or -1. */
    int position(Object name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }
}
