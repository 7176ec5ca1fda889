package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.UnsupportedVersionException;
import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Input;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Proves that every checkpoint version ever written still loads, and loses nothing on the way: for each version
 * from 1 to the current one, the {@link GoldenFiles golden file} merged into the configuration must give a mapper
 * ({@code findMapper} migrates it), the input must start, and its {@code getCheckpoint()} (before any record) must
 * carry the current version. The current version's file must load back to itself. An old version's file must come
 * with {@code checkpoint-vN.expected.json}, the state it must migrate to (when missing, the check fails and writes a
 * draft to review), and each of its values must reach the migrated state (see {@link #verify()}). Finally a
 * checkpoint one version newer than the code (the current golden file with {@code __version} raised by one, made by
 * the check itself) must be refused with {@link UnsupportedVersionException}.
 *
 * <p>A missing golden file is a failure that says how to create it: by hand for an old version, or with
 * {@code -Dconnectorkit.golden.write=true} for the current one. {@link #skipVersions} waives old versions of which no
 * checkpoint was ever saved; {@link #acknowledgeLost} accepts an old value that the current version drops on
 * purpose.
 *
 * <pre>{@code
 * try (ComponentManager manager = ComponentManager.builder().checkpointing(true).build()) {
 *     MigrationCheck.of(manager, "checkpoint", "list-input", Map.of("configuration.total", "50")).verify();
 * }
 * }</pre>
 */
public final class MigrationCheck {

    private final ComponentUnderTest component;
    private final ComponentManager manager;
    private final Map<String, String> configuration;
    private GoldenFiles golden;
    private final Set<Integer> skipped = new HashSet<>();
    private final Map<Integer, Set<String>> acknowledged = new TreeMap<>();

    private MigrationCheck(ComponentManager manager, String family, String name, Map<String, String> configuration) {
        this.component = new ComponentUnderTest(manager, family, name, configuration);
        this.manager = manager;
        this.configuration = Map.copyOf(configuration);
        this.golden = GoldenFiles.of(family, name);
    }

    /**
     * A check of {@code family/name}; {@code configuration} is the base the golden checkpoints are merged into.
     *
     * @param manager a manager with checkpointing on; the caller closes it
     */
    public static MigrationCheck of(ComponentManager manager, String family, String name,
            Map<String, String> configuration) {
        return new MigrationCheck(manager, family, name, configuration);
    }

    /** Reads the golden files from {@code files} instead of {@link GoldenFiles#of(String, String)}. */
    public MigrationCheck goldenFiles(GoldenFiles files) {
        this.golden = Objects.requireNonNull(files, "files");
        return this;
    }

    /** Old versions that need no golden file: no checkpoint of theirs was ever saved anywhere. */
    public MigrationCheck skipVersions(int... versions) {
        for (int version : versions) {
            skipped.add(version);
        }
        return this;
    }

    /** The version passed to {@code findMapper} for the configuration; default 1, as the runner does. */
    public MigrationCheck configurationVersion(int version) {
        component.configurationVersion(version);
        return this;
    }

    /**
     * Acknowledges that the values of these keys of the golden checkpoint of the old {@code version} reach no field
     * of the current state on purpose: the current version no longer has that setting. Keys are relative to
     * {@code $checkpoint}, as in the golden file ({@code "legacyMode"}; nested ones flattened, {@code "range.from"}).
     * Without it such a key fails the check (see {@link #verify()}).
     *
     * @throws IllegalArgumentException when {@code version} is below 1
     */
    public MigrationCheck acknowledgeLost(int version, String... keys) {
        if (version < 1) {
            throw new IllegalArgumentException("checkpoint versions start at 1, got " + version);
        }
        acknowledged.computeIfAbsent(version, v -> new LinkedHashSet<>()).addAll(List.of(keys));
        return this;
    }

    /**
     * Runs the check.
     *
     * <p>For an old version, besides loading at the current version:
     * <ul>
     *   <li>its {@code checkpoint-v<N>.expected.json} must be there, and the migrated checkpoint must equal it. When
     *       it is missing the check fails and writes a draft from the current migration,
     *       {@code checkpoint-v<N>.expected.json.draft} ({@link GoldenFiles#draftPath}), for the author to review
     *       and rename; a draft is never overwritten, and never read as the expected file;</li>
     *   <li>every value of the golden checkpoint must reach the migrated state: a key whose removal from the golden
     *       file leaves the migrated state unchanged (the handler drops it, or it lands on a field's default) fails
     *       the check with its name, with or without an expected file, unless {@link #acknowledgeLost} names it.</li>
     * </ul>
     *
     * @throws AssertionFailedError at the first golden file that is missing, does not load or does not migrate to
     *     the current version; for every old version that has no expected state, does not migrate to it or loses a
     *     value (all of them in one error); or when a newer version is accepted
     */
    public MigrationSummary verify() {
        int current = component.currentCheckpointVersion();
        checkAcknowledgedVersions(current);
        List<Integer> checked = new ArrayList<>();
        Optional<Path> written = Optional.empty();
        if (GoldenFiles.writeRequested() && golden.load(current).isEmpty()) {
            // First, so that one run after a version bump writes both this file and the previous version's draft.
            written = Optional.of(golden.writeCurrent(manager, configuration));
        }
        OldVersionCheck oldVersions = new OldVersionCheck(component.id(), golden, current, this::tryLoad);
        JsonObject currentGolden = null;
        // Collected, so that one run reports (and writes the drafts of) every old version at once.
        List<AssertionFailedError> failures = new ArrayList<>();
        for (int version = 1; version <= current; version++) {
            if (version < current && skipped.contains(version)) {
                continue;
            }
            Optional<JsonObject> file = golden.load(version);
            if (file.isEmpty()) {
                throw new AssertionFailedError(missing(version, current));
            }
            JsonObject checkpoint = file.get();
            checkVersionField(version, checkpoint);
            CheckpointState migrated = load(version, checkpoint);
            if (migrated.version() != current) {
                throw new AssertionFailedError(component.id() + ": the golden checkpoint v" + version + " loads as "
                        + "version " + migrated.version() + ", not the current version " + current + "."
                        + "\n  golden:   " + checkpoint + "\n  migrated: " + migrated.toJson(),
                        current, migrated.version());
            }
            if (version == current) {
                checkCurrent(checkpoint, migrated);
                currentGolden = checkpoint;
            } else {
                oldVersions.check(version, checkpoint, migrated, acknowledged.getOrDefault(version, Set.of()))
                        .ifPresent(failures::add);
            }
            checked.add(version);
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(component.id() + ": " + failures.size() + " old golden checkpoints fail."
                    + failures.stream().map(failure -> "\n\n" + failure.getMessage()).collect(Collectors.joining()));
        }
        checkNewerRefused(currentGolden, current);
        return new MigrationSummary(current, List.copyOf(checked), written);
    }

    /** The current version's golden file must load back to itself, or to its expected file when there is one. */
    private void checkCurrent(JsonObject checkpoint, CheckpointState migrated) {
        int version = migrated.version();
        JsonObject expected = golden.loadExpected(version).orElse(checkpoint);
        if (!expected.equals(migrated.toJson())) {
            throw new AssertionFailedError(component.id() + ": the golden checkpoint v" + version
                    + " does not migrate to " + (expected == checkpoint ? "itself" : "its expected state")
                    + "; a field was lost or changed on the way."
                    + "\n  golden:   " + checkpoint
                    + "\n  expected: " + expected
                    + "\n  actual:   " + migrated.toJson(),
                    expected, migrated.toJson());
        }
    }

    private void checkAcknowledgedVersions(int current) {
        for (int version : acknowledged.keySet()) {
            if (version >= current) {
                throw new AssertionFailedError(component.id() + ": acknowledgeLost(" + version + ", ...) names "
                        + "version " + version + ", but only old versions are migrated: the current version is "
                        + current + ".");
            }
        }
    }

    /** The checkpoint {@code keys} migrate to, or empty when they do not load. */
    private Optional<CheckpointState> tryLoad(Map<String, String> keys) {
        try {
            Input input = component.from(keys);
            try {
                input.start();
                return Optional.of(input.getCheckpoint());
            } finally {
                input.stop();
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String missing(int version, int current) {
        String where = golden.where(version);
        if (version == current) {
            return component.id() + ": no golden checkpoint for the current version " + current + " at " + where
                    + ". Write it with -D" + GoldenFiles.WRITE_PROPERTY + "=true (for example mvn test -D"
                    + GoldenFiles.WRITE_PROPERTY + "=true), review it, and commit it with the change that introduced "
                    + "version " + current + ".";
        }
        return component.id() + ": no golden checkpoint for the old version " + version + " at " + where
                + ". Write it by hand, as version " + version + " wrote it: {\"$checkpoint\": {<fields>, \"__version\": "
                + version + "}}, with values other than the fields' defaults, and " + golden.expectedPath(version)
                .getFileName() + " beside it holding what it must migrate to (the next run writes a draft of it); or "
                + "call skipVersions(" + version + ") if no checkpoint of version " + version + " was ever saved.";
    }

    private void checkVersionField(int version, JsonObject checkpoint) {
        JsonValue state = checkpoint.get(CheckpointState.CHECKPOINT_KEY);
        if (!(state instanceof JsonObject object)) {
            throw new AssertionFailedError(component.id() + ": " + golden.where(version) + " must be "
                    + "{\"$checkpoint\": {...}}, got " + checkpoint);
        }
        JsonValue declared = object.get(CheckpointState.VERSION_KEY);
        int found = declared == null ? 1 : declared instanceof JsonNumber number ? number.intValue() : -1;
        if (found != version) {
            throw new AssertionFailedError(component.id() + ": " + golden.where(version) + " holds __version "
                    + declared + ", but its name says version " + version + ".", version, declared);
        }
    }

    private CheckpointState load(int version, JsonObject checkpoint) {
        Input input;
        try {
            input = component.from(checkpoint);
            input.start();
        } catch (RuntimeException e) {
            throw new AssertionFailedError(component.id() + ": the golden checkpoint v" + version
                    + " no longer loads: " + e.getMessage() + "\n  golden: " + checkpoint, e);
        }
        try {
            return input.getCheckpoint();
        } finally {
            input.stop();
        }
    }

    private void checkNewerRefused(JsonObject currentGolden, int current) {
        JsonObject state = currentGolden.getJsonObject(CheckpointState.CHECKPOINT_KEY);
        JsonObject newer = Json.createObjectBuilder()
                .add(CheckpointState.CHECKPOINT_KEY, Json.createObjectBuilder(state)
                        .add(CheckpointState.VERSION_KEY, current + 1))
                .build();
        try {
            component.mapper(newer);
        } catch (UnsupportedVersionException e) {
            if (e.receivedVersion() != current + 1 || e.supportedVersion() != current) {
                throw new AssertionFailedError(component.id() + ": a checkpoint of version " + (current + 1)
                        + " was refused, but the error names versions " + e.receivedVersion() + " and "
                        + e.supportedVersion() + ": " + e.getMessage(), e);
            }
            return;
        } catch (RuntimeException e) {
            throw new AssertionFailedError(component.id() + ": a checkpoint of version " + (current + 1)
                    + " must be refused with UnsupportedVersionException, got " + e + "\n  checkpoint: " + newer, e);
        }
        throw new AssertionFailedError(component.id() + ": a checkpoint of version " + (current + 1) + ", newer than "
                + "the code (" + current + "), was accepted; it must be refused with UnsupportedVersionException."
                + "\n  checkpoint: " + newer);
    }
}
