package io.connectorkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aDeferredWireFormIsBuiltOnceOnFirstUse() {
        int[] built = {0};
        CheckpointState deferred = CheckpointState.deferred(2, () -> {
            built[0]++;
            return WIRE;
        });
        assertEquals(0, built[0], "nothing is built before it is asked for");
        assertEquals(2, deferred.version());
        assertEquals(WIRE, deferred.toJson());
        assertEquals(FIELDS, deferred.state());
        assertEquals(CheckpointState.fromJson(WIRE), deferred);
        assertEquals(WIRE.toString(), deferred.toString());
        assertEquals(1, built[0]);
    }

    @Test
    void aDeferredWireFormOfTheWrongShapeOrVersionIsRefusedWhenBuilt() {
        IllegalStateException shape = assertThrows(IllegalStateException.class,
                () -> CheckpointState.deferred(2, () -> FIELDS).toJson());
        assertTrue(shape.getMessage().contains("wrong wire form"), shape.getMessage());
        IllegalStateException version = assertThrows(IllegalStateException.class,
                () -> CheckpointState.deferred(3, () -> WIRE).toJson());
        assertEquals("a deferred checkpoint of version 3 built the wire form of version 2", version.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CheckpointState.deferred(0, () -> WIRE));
    }
}
