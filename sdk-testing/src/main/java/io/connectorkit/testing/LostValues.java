package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the values of an old golden checkpoint that reach no field of the state it migrates to.
 *
 * <p>For each key of the golden checkpoint ({@code __version} aside), the checkpoint is migrated again without that
 * key, through the same runtime path. When the migrated state is the same with or without it, its value had no
 * effect: the migration handler dropped it, or it landed on a field that holds the same value anyway (its default).
 * When the checkpoint no longer loads without the key, the key is lost only if no field of the migrated state holds
 * its value. A handler that transforms a value (a renamed key, a unit change) changes the state, so its key counts
 * as reached; whether it reached the right value is for the expected file to say.
 *
 * <p>Limits: a value equal to its field's default cannot be told from a dropped one (give the golden file another
 * value); a connector whose state after {@code start()} differs from run to run (a timestamp) hides every loss.
 */
final class LostValues {

    private static final String PREFIX = CheckpointState.CHECKPOINT_KEY + '.';

    /**
     * A key of the golden checkpoint whose value reached no field.
     *
     * @param key the key relative to {@code $checkpoint}, flattened as {@code jsonToMap} does ({@code a.b}, {@code l[0]})
     * @param value its value, as {@code jsonToMap} gives it
     * @param holders the migrated fields that hold the same value, with or without the key (their default)
     */
    record Lost(String key, String value, List<String> holders) {

        /** {@code offset=42 reaches no field of the migrated state}, or where it lands. */
        String describe() {
            String where = holders.isEmpty() ? "reaches no field of the migrated state"
                    : "reaches only " + String.join(", ", holders) + ", which " + (holders.size() == 1 ? "holds" : "hold")
                            + " " + value + " without it too (" + (holders.size() == 1 ? "its" : "their")
                            + " default)";
            return key + "=" + value + " " + where;
        }
    }

    private LostValues() {
    }

    /**
     * @param golden the golden checkpoint, in the wire format
     * @param migrated what it migrates to
     * @param load migrates {@code $checkpoint.*} keys as the golden file's were, or is empty when they do not load
     * @return the keys lost, in the golden file's order
     */
    static List<Lost> find(CheckpointState migrated, Map<String, String> golden,
            Function<Map<String, String>, Optional<CheckpointState>> load) {
        Map<String, String> fields = ComponentManager.jsonToMap(migrated.state());
        List<Lost> lost = new ArrayList<>();
        for (Map.Entry<String, String> entry : golden.entrySet()) {
            if (!entry.getKey().startsWith(PREFIX)) {
                continue;
            }
            String key = entry.getKey().substring(PREFIX.length());
            if (key.equals(CheckpointState.VERSION_KEY)) {
                continue;
            }
            List<String> holders = new ArrayList<>();
            fields.forEach((field, value) -> {
                if (value.equals(entry.getValue())) {
                    holders.add(field);
                }
            });
            Map<String, String> without = new LinkedHashMap<>(golden);
            without.remove(entry.getKey());
            Optional<CheckpointState> probe = load.apply(without);
            boolean noEffect = probe.isPresent() ? probe.get().state().equals(migrated.state()) : holders.isEmpty();
            if (noEffect) {
                lost.add(new Lost(key, entry.getValue(), List.copyOf(holders)));
            }
        }
        return lost;
    }
}
