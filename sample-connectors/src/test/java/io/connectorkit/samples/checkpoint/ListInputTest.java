package io.connectorkit.samples.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.UnsupportedVersionException;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** list-input end to end, through {@link ComponentManager} only, with the index the processor generated. */
class ListInputTest {

    private final ComponentManager manager = ComponentManager.builder().checkpointing(true).build();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void callbackModeDeliversACheckpointPerBatchAndAFinalOneAtStop() {
        Input input = create(config(25, 10));
        List<Integer> ids = new ArrayList<>();
        List<JsonObject> checkpoints = new ArrayList<>();
        input.start(state -> {
            assertEquals(state.state().getInt("sinceId"), ids.size(), "covers only records already received");
            checkpoints.add(state.toJson());
        });
        for (Object record = input.next(); record != null; record = input.next()) {
            ids.add(((JsonObject) record).getInt("id"));
        }
        input.stop();
        assertEquals(25, ids.size());
        assertEquals(List.of(10, 20, 25), checkpoints.stream()
                .map(c -> c.getJsonObject("$checkpoint").getInt("sinceId")).toList());
        assertEquals(parse("{\"$checkpoint\": {\"strategy\": \"BY_ID\", \"startDate\": \"2024-01-26\", "
                + "\"sinceId\": 25, \"__version\": 2}}"), checkpoints.get(2));
    }

    @Test
    void explicitModeOffersACheckpointAtTheEndOfEachBatch() {
        Input input = create(config(25, 10));
        input.start();
        List<Integer> offered = new ArrayList<>();
        for (Object record = input.next(); record != null; record = input.next()) {
            if (input.isCheckpointReady()) {
                offered.add(input.getCheckpoint().state().getInt("sinceId"));
            }
        }
        input.stop();
        assertEquals(List.of(10, 20), offered);
    }

    @Test
    void hostRecordAndTimeFrequenciesApplyOnTopOfTheBatches() {
        try (ComponentManager every25 = ComponentManager.builder().checkpointing(true)
                .checkpointFrequency(Frequency.RECORD, 25).build()) {
            // Due every 25 records; list-input's bookmark stays ready from its last batch end, so each is taken
            // at once: 25, 50, 75, 100 (the final state equals the last one, so stop() sends nothing more).
            assertEquals(List.of(25, 50, 75, 100), sinceIds(every25, config(100, 10)));
        }
        try (ComponentManager hourly = ComponentManager.builder().checkpointing(true)
                .checkpointFrequency(Frequency.TIME, 3_600_000).build()) {
            assertEquals(List.of(100), sinceIds(hourly, config(100, 10)), "only the final checkpoint");
        }
    }

    @Test
    void resumesFromAJsonCheckpointAtDepthOne() {
        Map<String, String> resumed = config(30, 10);
        resumed.putAll(ComponentManager.jsonToMap(parse(
                "{\"$checkpoint\": {\"strategy\": \"BY_ID\", \"sinceId\": 27, \"__version\": 2}}")));
        assertEquals(List.of(28, 29, 30), ids(create(resumed)));
    }

    @Test
    void resumesByDate() {
        Map<String, String> resumed = config(30, 10);
        resumed.putAll(ComponentManager.jsonToMap(parse(
                "{\"$checkpoint\": {\"strategy\": \"BY_DATE\", \"startDate\": \"2024-01-29\", \"__version\": 2}}")));
        assertEquals(List.of(29, 30), ids(create(resumed)));
    }

    @Test
    void migratesAVersionOneCheckpointThatCalledTheFieldLastId() {
        Map<String, String> resumed = config(30, 10);
        resumed.putAll(ComponentManager.jsonToMap(parse("{\"$checkpoint\": {\"lastId\": 26, \"__version\": 1}}")));
        assertEquals(List.of(27, 28, 29, 30), ids(create(resumed)));
    }

    @Test
    void migratesAnOldCheckpointWithoutVersion() {
        Map<String, String> resumed = config(30, 10);
        resumed.putAll(ComponentManager.jsonToMap(parse("{\"$checkpoint\": {\"lastId\": 29}}")));
        assertEquals(List.of(30), ids(create(resumed)));
    }

    @Test
    void rejectsACheckpointWrittenByANewerVersion() {
        Map<String, String> resumed = config(30, 10);
        resumed.putAll(ComponentManager.jsonToMap(parse("{\"$checkpoint\": {\"sinceId\": 3, \"__version\": 3}}")));
        UnsupportedVersionException error = assertThrows(UnsupportedVersionException.class,
                () -> manager.findMapper("checkpoint", "list-input", 1, resumed));
        assertEquals("checkpoint/list-input", error.componentId());
        assertEquals("$checkpoint.__version", error.field());
        assertEquals(3, error.receivedVersion());
        assertEquals(2, error.supportedVersion());
    }

    @Test
    void crashWithoutStopAfter1234RecordsThenResumeGivesEveryRecord() {
        int total = 5_000;
        int batch = 100;
        List<Integer> output = new ArrayList<>();
        CheckpointState[] saved = new CheckpointState[1];
        Input first = create(config(total, batch));
        first.start(state -> saved[0] = state);
        for (int i = 0; i < 1_234; i++) {
            output.add(((JsonObject) first.next()).getInt("id"));
        }
        // The process dies here: no stop(). Only what the callback saved survives.
        assertNotNull(saved[0]);
        Map<String, String> resumed = config(total, batch);
        resumed.putAll(ComponentManager.jsonToMap(parse(saved[0].toJson().toString())));
        output.addAll(ids(create(resumed)));

        assertEquals(total, output.stream().distinct().count(), "no record missing");
        for (int id = 1; id <= total; id++) {
            assertTrue(output.contains(id), "record " + id + " missing");
        }
        int duplicates = output.size() - total;
        assertEquals(34, duplicates, "records 1201-1234 again: fewer than one interval of " + batch);
    }

    @Test
    void stateRoundTripsThroughJsonToAnEqualState() {
        Map<String, String> config = config(50, 7);
        config.put("configuration.checkpoint.strategy", "BY_DATE");
        Input input = create(config);
        input.start();
        for (int i = 0; i < 12; i++) {
            input.next();
        }
        CheckpointState state = input.getCheckpoint();

        Map<String, String> resumed = config(50, 7);
        resumed.putAll(ComponentManager.jsonToMap(state.toJson()));
        Input again = create(resumed);
        again.start();
        assertEquals(state, again.getCheckpoint());
        assertEquals("BY_DATE", state.state().getString("strategy"));
    }

    @Test
    void badValuesAreCollectedAndTheCredentialIsNeverShown() {
        Map<String, String> config = config(10, 10);
        config.put("configuration.password", "s3cret-pw");
        config.put("configuration.batchSize", "0");
        config.put("$checkpoint.sinceId", "abc");
        config.put("$checkpoint.strategy", "BY_NAME");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> manager.findMapper("checkpoint", "list-input", 1, config));
        assertEquals(List.of("configuration.batchSize", "configuration.checkpoint.sinceId",
                "configuration.checkpoint.strategy"), error.problems().stream().map(p -> p.key()).toList());
        assertTrue(error.getMessage().contains("expected one of [BY_ID, BY_DATE], received 'BY_NAME'"),
                error.getMessage());
        assertTrue(error.getMessage().contains("batchSize must be 1 or more, got 0"), error.getMessage());
        assertFalse(error.getMessage().contains("s3cret-pw"));
    }

    private Input create(Map<String, String> config) {
        return manager.findMapper("checkpoint", "list-input", 1, config).orElseThrow().create();
    }

    private static List<Integer> sinceIds(ComponentManager manager, Map<String, String> config) {
        Input input = manager.findMapper("checkpoint", "list-input", 1, config).orElseThrow().create();
        List<Integer> sinceIds = new ArrayList<>();
        input.start(state -> sinceIds.add(state.state().getInt("sinceId")));
        while (input.next() != null) {
            // drain
        }
        input.stop();
        return sinceIds;
    }

    static List<Integer> ids(Input input) {
        List<Integer> ids = new ArrayList<>();
        input.start(state -> { });
        for (Object record = input.next(); record != null; record = input.next()) {
            ids.add(((JsonObject) record).getInt("id"));
        }
        input.stop();
        return ids;
    }

    static Map<String, String> config(int total, int batchSize) {
        Map<String, String> config = new HashMap<>();
        config.put("configuration.user", "demo");
        config.put("configuration.total", String.valueOf(total));
        config.put("configuration.batchSize", String.valueOf(batchSize));
        return config;
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
