package io.connectorkit.api.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row of ColumnNames is a JSON-P object like any other, made without a map of its own. */
class ColumnNamesTest {

    private final ColumnNames columns = ColumnNames.of(List.of("id", "name", "active", "note", "tags"));
    private final JsonObject row = columns.row(List.of(Json.createValue(7), Json.createValue("Ada"), JsonValue.TRUE,
            JsonValue.NULL, Json.createArrayBuilder().add("x").build()));
    private final JsonObject built = Json.createObjectBuilder().add("id", 7).add("name", "Ada").add("active", true)
            .addNull("note").add("tags", Json.createArrayBuilder().add("x")).build();

    @Test
    void aRowEqualsTheObjectABuilderMakesAndWritesTheSameText() {
        assertEquals(built, row);
        assertEquals(row, built);
        assertEquals(built.hashCode(), row.hashCode());
        assertEquals(built.toString(), row.toString());
        assertEquals(List.copyOf(built.keySet()), List.copyOf(row.keySet()));
    }

    @Test
    void itsMembersAreReadByName() {
        assertEquals(7, row.getInt("id"));
        assertEquals("Ada", row.getString("name"));
        assertEquals("Ada", row.getJsonString("name").getString());
        assertTrue(row.getBoolean("active"));
        assertTrue(row.isNull("note"));
        assertFalse(row.isNull("id"));
        assertEquals("x", row.getJsonArray("tags").getString(0));
        assertNull(row.get("missing"));
        assertFalse(row.containsKey("missing"));
        assertEquals("none", row.getString("missing", "none"));
        assertEquals("none", row.getString("id", "none"));
        assertEquals(3, row.getInt("name", 3));
        assertTrue(row.getBoolean("note", true));
        assertFalse(row.getBoolean("missing", false));
        assertThrows(NullPointerException.class, () -> row.isNull("missing"));
        assertThrows(ClassCastException.class, () -> row.getBoolean("name"));
        assertThrows(ClassCastException.class, () -> row.getString("id"));
        assertEquals(JsonValue.ValueType.OBJECT, row.getValueType());
        assertEquals("Ada", row.getValue("/name").toString().replace("\"", ""));
    }

    @Test
    void forEachAndEntriesGoInTheColumnsOrder() {
        List<String> names = new ArrayList<>();
        row.forEach((name, value) -> names.add(name));
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : row.entrySet()) {
            entries.add(entry.getKey() + "=" + entry.getValue());
        }

        assertEquals(columns.names(), names);
        assertEquals(List.of("id=7", "name=\"Ada\"", "active=true", "note=null", "tags=[\"x\"]"), entries);
    }

    @Test
    void aRowCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> row.put("id", JsonValue.NULL));
        assertThrows(UnsupportedOperationException.class, () -> row.remove("id"));
        assertThrows(UnsupportedOperationException.class, row::clear);
        assertThrows(UnsupportedOperationException.class, () -> row.entrySet().iterator().remove());
    }

    @Test
    void theValuesAreCopied() {
        List<JsonValue> values = new ArrayList<>(List.of(Json.createValue(1), Json.createValue(2)));
        JsonObject first = ColumnNames.of(List.of("a", "b")).row(values);

        values.set(0, Json.createValue(99));

        assertEquals(1, first.getInt("a"));
    }

    @Test
    void badColumnsAndRowsAreRefusedWithTheirNames() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ColumnNames.of(List.of("id", "name", "id")));
        assertEquals("columns 1 and 3 of [id, name, id] are both named 'id': the names of a row must differ",
                twice.getMessage());
        IllegalArgumentException unnamed = assertThrows(IllegalArgumentException.class,
                () -> ColumnNames.of(Arrays.asList("id", null)));
        assertEquals("column 2 of [id, null] has no name", unnamed.getMessage());

        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> columns.row(List.of(Json.createValue(1))));
        assertEquals("a row of 5 columns [id, name, active, note, tags] cannot hold 1 values", count.getMessage());
        NullPointerException nullValue = assertThrows(NullPointerException.class,
                () -> ColumnNames.of(List.of("a")).row(Arrays.asList((JsonValue) null)));
        assertEquals("the value of column 'a' is null; a missing value is JsonValue.NULL", nullValue.getMessage());
    }
}
