package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Split;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitSerializerTest {

    private final SplitSerializer serializer = new SplitSerializer();
    private final Split split = new Split("orders.csv-0123456789abcdef.0-100", Map.of("configuration.path",
            "/data/orders.csv", "configuration.rangeEnd", "100"), 2);

    @Test
    void aSplitAndItsCheckpointRoundTripWithTheCheckpointsOwnVersion() throws IOException {
        CheckpointState version1 = new CheckpointState(1, Json.createObjectBuilder().add("lastId", 95).build());
        ConnectorKitSplit read = serializer.deserialize(SplitSerializer.VERSION,
                serializer.serialize(new ConnectorKitSplit(split, version1)));

        assertEquals(split, read.split());
        assertEquals(version1, read.checkpoint());
        assertEquals(1, read.checkpoint().version(), "a version 1 checkpoint stays version 1, for its migration");
    }

    @Test
    void theStateIsJsonWithTheSplitAndTheWireFormOfTheCheckpoint() {
        CheckpointState state = new CheckpointState(2, Json.createObjectBuilder().add("sinceId", 7).build());
        String json = new String(serializer.serialize(new ConnectorKitSplit(split, state)), StandardCharsets.UTF_8);

        assertEquals("{\"split\":" + split.toJson() + ",\"checkpoint\":{\"$checkpoint\":{\"sinceId\":7,"
                + "\"__version\":2}}}", json);
    }

    @Test
    void aSplitReadFromItsStartHasNoCheckpoint() throws IOException {
        ConnectorKitSplit read = serializer.deserialize(1, serializer.serialize(new ConnectorKitSplit(split, null)));

        assertEquals(split, read.split());
        assertNull(read.checkpoint());
    }

    @Test
    void aNewerSerializerVersionIsRefusedNamingBoth() {
        IOException error = assertThrows(IOException.class, () -> serializer.deserialize(2, new byte[0]));

        assertTrue(error.getMessage().contains("version 2 cannot be read: this sdk-flink reads version 1; it was "
                + "written by a newer sdk-flink"), error.getMessage());
    }

    @Test
    void aStateThatIsNotASplitIsAnErrorSayingWhatIsMissing() {
        IOException notJson = assertThrows(IOException.class,
                () -> serializer.deserialize(1, "[1]".getBytes(StandardCharsets.UTF_8)));
        IOException noSplit = assertThrows(IOException.class,
                () -> serializer.deserialize(1, "{\"checkpoint\":{}}".getBytes(StandardCharsets.UTF_8)));

        assertTrue(notJson.getMessage().startsWith("a Connector Kit split state"), notJson.getMessage());
        assertTrue(noSplit.getMessage().contains("it needs \"split\", an object, got null"), noSplit.getMessage());
    }
}
