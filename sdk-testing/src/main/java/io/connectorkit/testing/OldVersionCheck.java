package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.testing.LostValues.Lost;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * {@link MigrationCheck}'s check of one old version's golden checkpoint, once it loaded at the current version: it
 * needs its expected state (when missing, a draft is written), must migrate to it, and must lose no value
 * ({@link LostValues}). Says what failed and what to do in one message.
 */
final class OldVersionCheck {

    private final String componentId;
    private final GoldenFiles golden;
    private final int current;
    private final Function<Map<String, String>, Optional<CheckpointState>> load;

    /**
     * @param load migrates {@code $checkpoint.*} keys as a golden file's are, or is empty when they do not load
     */
    OldVersionCheck(String componentId, GoldenFiles golden, int current,
            Function<Map<String, String>, Optional<CheckpointState>> load) {
        this.componentId = componentId;
        this.golden = golden;
        this.current = current;
        this.load = load;
    }

    /**
     * The golden checkpoint of the old {@code version} and what it migrated to.
     *
     * @param allowed the keys acknowledged as lost on purpose
     * @return the failure, if any
     * @throws AssertionFailedError when an acknowledged key is not in the golden file
     */
    Optional<AssertionFailedError> check(int version, JsonObject checkpoint, CheckpointState migrated,
            Set<String> allowed) {
        Map<String, String> keys = ComponentManager.jsonToMap(checkpoint);
        checkAcknowledgedKeys(version, keys, allowed);
        List<Lost> lost = LostValues.find(migrated, keys, load).stream()
                .filter(value -> !allowed.contains(value.key()))
                .toList();
        Optional<JsonObject> expected = golden.loadExpected(version);
        boolean differs = expected.isPresent() && !expected.get().equals(migrated.toJson());
        if (expected.isPresent() && !differs && lost.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(componentId).append(": the golden checkpoint v").append(version);
        if (expected.isEmpty()) {
            message.append(" has no expected state: ").append(golden.expectedPath(version).getFileName())
                    .append(" is missing, so the check cannot tell whether the migration keeps every value.");
        } else if (differs) {
            message.append(" does not migrate to its expected state; a field was lost or changed on the way.");
        }
        if (!lost.isEmpty()) {
            message.append(expected.isPresent() && !differs ? " " : " It ").append(lostSentence(version, lost));
        }
        if (expected.isEmpty()) {
            message.append(' ').append(draft(version, migrated, !lost.isEmpty()));
        }
        message.append("\n  golden:   ").append(checkpoint);
        expected.ifPresent(state -> message.append("\n  expected: ").append(state));
        message.append("\n  actual:   ").append(migrated.toJson());
        for (Lost value : lost) {
            message.append("\n  lost:     ").append(value.describe());
        }
        if (differs) {
            return Optional.of(new AssertionFailedError(message.toString(), expected.get(), migrated.toJson()));
        }
        return Optional.of(new AssertionFailedError(message.toString()));
    }

    /** Writes the draft of the expected file unless one is there, and says where it is and what to do with it. */
    private String draft(int version, CheckpointState migrated, boolean lossy) {
        Path draft = golden.draftPath(version).toAbsolutePath();
        String expectedName = String.valueOf(golden.expectedPath(version).getFileName());
        if (golden.writeExpectedDraft(version, migrated.toJson())
                || golden.loadDraft(version).map(migrated.toJson()::equals).orElse(false)) {
            return "A draft from the current migration is at " + draft
                    + (lossy ? ", but it carries that loss: once the handler is fixed, delete it and run again for a "
                            + "new one, then review it and rename it to " + expectedName + "."
                            : ": review it (every value of " + golden.path(version).getFileName() + " must be in "
                                    + "it), then rename it to " + expectedName + " and commit it.");
        }
        return "A draft from an earlier run is at " + draft + ", but it differs from the current migration (actual, "
                + "below); drafts are never overwritten: delete it and run again for a new one, then review it and "
                + "rename it to " + expectedName + ".";
    }

    private String lostSentence(int version, List<Lost> lost) {
        List<String> names = lost.stream().map(Lost::key).toList();
        boolean one = names.size() == 1;
        boolean onDefault = lost.stream().anyMatch(value -> !value.holders().isEmpty());
        return "loses " + and(names) + " on migration: the migrated state is the same with or without "
                + (one ? "it, so the migration handler drops it or it lands" : "each of them, so the migration "
                        + "handler drops them or they land")
                + " on a field's default. "
                + (onDefault ? "A value that is its field's default (lost, below) cannot be seen migrating: give "
                        + golden.path(version).getFileName() + " another value. Otherwise fix" : "Fix")
                + " the handler, or, if version " + current + " drops " + (one ? "it" : "them") + " on purpose, call "
                + "acknowledgeLost(" + version + ", " + names.stream().map(name -> '"' + name + '"')
                        .collect(Collectors.joining(", ")) + ").";
    }

    private static String and(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private void checkAcknowledgedKeys(int version, Map<String, String> keys, Set<String> allowed) {
        for (String key : allowed) {
            if (!keys.containsKey(CheckpointState.CHECKPOINT_KEY + '.' + key)) {
                List<String> known = keys.keySet().stream()
                        .filter(k -> k.startsWith(CheckpointState.CHECKPOINT_KEY + '.'))
                        .map(k -> k.substring(CheckpointState.CHECKPOINT_KEY.length() + 1))
                        .filter(k -> !k.equals(CheckpointState.VERSION_KEY))
                        .toList();
                throw new AssertionFailedError(componentId + ": acknowledgeLost(" + version + ", \"" + key
                        + "\") names a key that " + golden.path(version).getFileName() + " does not have; its keys are "
                        + known + ".");
            }
        }
    }
}
