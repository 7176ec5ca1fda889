package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.input.CheckpointState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class CheckpointStateTest {

    private static final JsonObject FIELDS = Json.createObjectBuilder().add("sinceId", 95).add("strategy", "BY_ID")
            .build();
    private static final JsonObject WIRE = Json.createObjectBuilder().add("$checkpoint", Json.createObjectBuilder()
            .add("sinceId", 95).add("strategy", "BY_ID").add("__version", 2)).build();

    @Test
    void fieldsAndWireFormAreTwoViewsOfTheSameState() {
        CheckpointState fromFields = new CheckpointState(2, FIELDS);
        CheckpointState fromWire = CheckpointState.fromJson(WIRE);
        assertEquals(WIRE, fromFields.toJson());
        assertEquals(FIELDS, fromWire.state());
        assertEquals(2, fromWire.version());
        assertEquals(fromFields, fromWire);
        assertEquals(fromFields.hashCode(), fromWire.hashCode());
        assertEquals(new CheckpointState(3, FIELDS).equals(fromWire), false, "another version is another state");
    }

    @Test
    void fromJsonRefusesWhatIsNotTheWireFormat() {
        for (String json : new String[] {"{}", "{\"$checkpoint\": 1}", "{\"$checkpoint\": {}, \"x\": 1}",
            "{\"$checkpoint\": {\"a\": 1}}", "{\"$checkpoint\": {\"__version\": \"2\"}}",
            "{\"$checkpoint\": {\"__version\": 0}}", "{\"$checkpoint\": {\"__version\": 1.5}}"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CheckpointState
                    .fromJson(Json.createReader(new java.io.StringReader(json)).readObject()), json);
            assertTrue(error.getMessage().contains("checkpoint"), error.getMessage());
        }
    }
}
