package io.connectorkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.SplitPlan;
import io.connectorkit.runtime.SplitPlanMismatchException;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;

class ConnectorKitSourceBuilderTest {

    @Test
    void anUnknownComponentIsAnErrorNamingItAndTheComponentsThere() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConnectorKitSource.builder("checkpoint", "lists-input").build());

        assertTrue(error.getMessage().startsWith("no component checkpoint/lists-input on the class path of this Flink "
                + "job (its components: ["), error.getMessage());
        assertTrue(error.getMessage().contains("checkpoint/list-input"), error.getMessage());
    }

    @Test
    void aComponentWithoutCheckpointIsRefusedSayingWhy() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConnectorKitSource.builder("flinktest", "no-checkpoint").build());

        assertTrue(error.getMessage().startsWith("flinktest/no-checkpoint has no @CheckpointData: a Flink job could "
                + "only read it again from its start after a failure"), error.getMessage());
    }

    @Test
    void aConfigurationThatDoesNotBindFailsWhenTheJobIsBuilt() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> ConnectorKitSource.builder("checkpoint", "list-input")
                        .configuration(Map.of("configuration.total", "many")).build());

        assertTrue(error.getMessage().contains("configuration.total"), error.getMessage());
    }

    @Test
    void checkpointKeysAreRefusedFlinkResumesFromItsOwnState() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConnectorKitSource.builder("checkpoint", "list-input")
                        .configuration(Map.of("$checkpoint.sinceId", "5")).build());

        assertTrue(error.getMessage().contains("the configuration has the key $checkpoint.sinceId, but a Flink source "
                + "resumes from Flink's checkpoints and savepoints"), error.getMessage());
    }

    @Test
    void aNestedConfigurationIsFlattenedAsTheRunnersFilesAre() {
        ConnectorKitSource<?> source = ConnectorKitSource.builder("checkpoint", "list-input")
                .configuration(Json.createObjectBuilder().add("configuration", Json.createObjectBuilder()
                        .add("total", 5).add("batchSize", 2)).build())
                .unbounded().build();

        assertEquals(Boundedness.CONTINUOUS_UNBOUNDED, source.getBoundedness());
        assertTrue(source.toString().contains("checkpoint/list-input, version 1, 2 configuration keys"),
                source.toString());
    }

    @Test
    void theSourceIsSerializableAndItsDescriptionHidesTheValues() throws IOException {
        ConnectorKitSource<?> source = ConnectorKitSource.builder("checkpoint", "list-input")
                .configuration(Map.of("configuration.password", "s3cret-Pw")).build();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(source);
        }
        assertTrue(bytes.size() > 0);
        assertTrue(!source.toString().contains("s3cret-Pw"), source.toString());
    }

    @Test
    void aRestoredPlanOfAnotherConfigurationIsRefusedNamingTheChangeAndHowToStartOver() throws IOException {
        ConnectorKitSource<?> changed = ConnectorKitSource.builder("checkpoint", "list-input")
                .configuration(Map.of("configuration.total", "20")).build();
        EnumeratorState state = new EnumeratorStateSerializer().deserialize(1, ("{\"plan\":"
                + planOfTenRecords() + ",\"unassigned\":[]}").getBytes(StandardCharsets.UTF_8));

        SplitPlanMismatchException error = assertThrows(SplitPlanMismatchException.class,
                () -> changed.restoreEnumerator(null, state));

        assertTrue(error.getMessage().contains("configuration.total"), error.getMessage());
        assertTrue(error.getMessage().contains("run the job without this checkpoint or savepoint"),
                error.getMessage());
    }

    /** The plan a job of list-input with {@code total = 10} made. */
    private static String planOfTenRecords() {
        try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
            return SplitPlan.create(manager.findMapper("checkpoint", "list-input", 1,
                    Map.of("configuration.total", "10")).orElseThrow(), Long.MAX_VALUE).toJson().toString();
        }
    }
}
