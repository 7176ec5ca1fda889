package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonToMapTest {

    private static Map<String, String> flatten(String json) {
        return ComponentManager.jsonToMap(Json.createReader(new StringReader(json)).readValue());
    }

    @Test
    void nestedObjectsGiveDottedKeys() {
        assertEquals(Map.of("configuration.total", "10", "configuration.source.name", "a b"),
                flatten("{\"configuration\": {\"total\": 10, \"source\": {\"name\": \"a b\"}}}"));
    }

    @Test
    void arraysGiveIndexedKeysInOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ids[0]", "3");
        expected.put("ids[1]", "1");
        expected.put("items[0].name", "x");
        expected.put("matrix[1][0]", "true");
        Map<String, String> flat = flatten("{\"ids\": [3, 1], \"items\": [{\"name\": \"x\"}], \"matrix\": [[], [true]]}");
        assertEquals(expected, flat);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(flat.keySet()), "document order");
    }

    @Test
    void numbersAndBooleansAreKeptAsWrittenAndNullsLeftOut() {
        assertEquals(Map.of("a", "1.50", "b", "false", "c", "-7"),
                flatten("{\"a\": 1.50, \"b\": false, \"c\": -7, \"d\": null}"));
    }

    @Test
    void checkpointWireFormatFlattensToCheckpointKeys() {
        assertEquals(Map.of("$checkpoint.sinceId", "95", "$checkpoint.strategy", "BY_ID", "$checkpoint.__version", "2"),
                flatten("{\"$checkpoint\": {\"sinceId\": 95, \"strategy\": \"BY_ID\", \"__version\": 2}}"));
    }
}
