package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.Split;
import io.connectorkit.runtime.SplitPlan;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnumeratorStateSerializerTest {

    private final EnumeratorStateSerializer serializer = new EnumeratorStateSerializer();

    private static SplitPlan plan() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            Mapper mapper = manager.findMapper("checkpoint", "list-input", 1, Map.of("configuration.total", "10"))
                    .orElseThrow();
            Split one = new Split("first", Map.of("configuration.total", "5"), 2);
            Split two = new Split("second", Map.of("configuration.total", "10"), 2);
            return SplitPlan.of(mapper, List.of(one, two), true);
        }
    }

    @Test
    void thePlanAndTheSplitsToAssignWithTheirCheckpointsRoundTrip() throws IOException {
        SplitPlan plan = plan();
        CheckpointState given = new CheckpointState(2, Json.createObjectBuilder().add("sinceId", 3).build());
        EnumeratorState state = new EnumeratorState(plan, List.of(
                new ConnectorKitSplit(plan.splits().get(1), given), new ConnectorKitSplit(plan.splits().get(0), null)));

        EnumeratorState read = serializer.deserialize(1, serializer.serialize(state));

        assertEquals(plan, read.plan());
        assertEquals(plan.fingerprint(), read.plan().fingerprint());
        assertEquals(state.unassigned(), read.unassigned());
    }

    @Test
    void aSplitToAssignMustBeInThePlan() {
        byte[] json = ("{\"plan\":" + plan().toJson() + ",\"unassigned\":[{\"id\":\"third\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        IOException error = assertThrows(IOException.class, () -> serializer.deserialize(1, json));

        assertTrue(error.getMessage().contains("the split 'third' to assign is not in the plan"), error.getMessage());
    }

    @Test
    void aPlanChangedByHandIsRefused() {
        String plan = plan().toJson().toString().replace("\"configuration.total\":\"10\"",
                "\"configuration.total\":\"11\"");
        byte[] json = ("{\"plan\":" + plan + ",\"unassigned\":[]}").getBytes(StandardCharsets.UTF_8);

        IOException error = assertThrows(IOException.class, () -> serializer.deserialize(1, json));

        assertTrue(error.getMessage().startsWith("a Connector Kit enumerator state cannot be read: "),
                error.getMessage());
        assertTrue(error.getMessage().contains("fingerprint"), error.getMessage());
    }
}
