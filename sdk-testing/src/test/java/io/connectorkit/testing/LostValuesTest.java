package io.connectorkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.testing.LostValues.Lost;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link LostValues} over small migrations written as functions of the golden keys, standing for the runtime's
 * migrate-and-bind path: each gives the state, with its fields' defaults of 0, that the keys migrate to.
 */
class LostValuesTest {

    @Test
    void aRenamedKeyReachesItsNewField() {
        Function<Map<String, String>, Optional<CheckpointState>> rename = keys -> state(
                "lastId", keys.getOrDefault("$checkpoint.last", "0"),
                "mode", keys.getOrDefault("$checkpoint.mode", "0"));

        assertEquals(List.of(), find(golden("last", "42", "mode", "7"), rename));
    }

    @Test
    void aKeyWhoseRemovalChangesNothingIsLostAndReachesNoField() {
        Function<Map<String, String>, Optional<CheckpointState>> drop = keys -> state(
                "lastId", "0",
                "mode", keys.getOrDefault("$checkpoint.mode", "0"));

        assertEquals(List.of(new Lost("last", "42", List.of())), find(golden("last", "42", "mode", "7"), drop));
        assertEquals("last=42 reaches no field of the migrated state",
                find(golden("last", "42", "mode", "7"), drop).get(0).describe());
    }

    @Test
    void aValueEqualToItsFieldsDefaultIsLostAndSaysWhereItLands() {
        Function<Map<String, String>, Optional<CheckpointState>> rename = keys -> state(
                "lastId", keys.getOrDefault("$checkpoint.last", "0"),
                "mode", keys.getOrDefault("$checkpoint.mode", "0"));

        List<Lost> lost = find(golden("last", "0", "mode", "7"), rename);

        assertEquals(List.of(new Lost("last", "0", List.of("lastId"))), lost);
        assertEquals("last=0 reaches only lastId, which holds 0 without it too (its default)", lost.get(0).describe());
    }

    @Test
    void aTransformedValueReachesTheStateThoughItsValueIsNowhere() {
        Function<Map<String, String>, Optional<CheckpointState>> toSeconds = keys -> state(
                "timeoutSeconds", String.valueOf(Long.parseLong(keys.getOrDefault("$checkpoint.timeoutMs", "0")) / 1000));

        assertEquals(List.of(), find(golden("timeoutMs", "3000"), toSeconds));
    }

    /** A handler that needs every key: without one, nothing loads, so only the value itself can be looked for. */
    @Test
    void whenTheCheckpointDoesNotLoadWithoutAKeyItsValueMustBeInAField() {
        Function<Map<String, String>, Optional<CheckpointState>> strict = keys -> {
            if (!keys.containsKey("$checkpoint.last") || !keys.containsKey("$checkpoint.mode")) {
                return Optional.empty();
            }
            return state("lastId", keys.get("$checkpoint.last"), "mode", "0"); // mode read, then forgotten
        };

        assertEquals(List.of(new Lost("mode", "7", List.of())), find(golden("last", "42", "mode", "7"), strict));
    }

    private static List<Lost> find(Map<String, String> golden,
            Function<Map<String, String>, Optional<CheckpointState>> migration) {
        return LostValues.find(migration.apply(golden).orElseThrow(), golden, migration);
    }

    /** The flattened golden checkpoint of version 1 with these fields. */
    private static Map<String, String> golden(String... fields) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            keys.put("$checkpoint." + fields[i], fields[i + 1]);
        }
        keys.put("$checkpoint.__version", "1");
        return keys;
    }

    private static Optional<CheckpointState> state(String... fields) {
        JsonObjectBuilder state = Json.createObjectBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            state.add(fields[i], Long.parseLong(fields[i + 1]));
        }
        return Optional.of(new CheckpointState(2, state.build()));
    }
}
