package io.connectorkit.testing;

import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.UnsupportedVersionException;
import io.connectorkit.runtime.input.CheckpointState;
import io.connectorkit.runtime.input.Input;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Proves that every checkpoint version ever written still loads: for each version from 1 to the current one, the
 * {@link GoldenFiles golden file} merged into the configuration must give a mapper ({@code findMapper} migrates it),
 * the input must start, and its {@code getCheckpoint()} must carry the current version. When a
 * {@code checkpoint-vN.expected.json} file is next to it, the migrated checkpoint must equal it; the current version's
 * file must load back to itself. Finally a checkpoint one version newer than the code (the current golden file with
 * {@code __version} raised by one, made by the check itself) must be refused with {@link UnsupportedVersionException}.
 *
 * <p>A missing golden file is a failure that says how to create it: by hand for an old version, or with
 * {@code -Dconnectorkit.golden.write=true} for the current one. {@link #skipVersions} waives old versions of which no
 * checkpoint was ever saved.
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
     * Runs the check.
     *
     * @throws AssertionFailedError at the first golden file that is missing, does not load, does not migrate to the
     *     current version or to its expected state, or when a newer version is accepted
     */
    public MigrationSummary verify() {
        int current = component.currentCheckpointVersion();
        List<Integer> checked = new ArrayList<>();
        Optional<Path> written = Optional.empty();
        JsonObject currentGolden = null;
        for (int version = 1; version <= current; version++) {
            if (version < current && skipped.contains(version)) {
                continue;
            }
            Optional<JsonObject> file = golden.load(version);
            if (file.isEmpty() && version == current && GoldenFiles.writeRequested()) {
                written = Optional.of(golden.writeCurrent(manager, configuration));
                file = golden.load(version);
            }
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
            Optional<JsonObject> expected = golden.loadExpected(version);
            if (expected.isEmpty() && version == current) {
                expected = Optional.of(checkpoint);
            }
            if (expected.isPresent() && !expected.get().equals(migrated.toJson())) {
                throw new AssertionFailedError(component.id() + ": the golden checkpoint v" + version
                        + " does not migrate to " + (version == current ? "itself" : "its expected state")
                        + "; a field was lost or changed on the way."
                        + "\n  golden:   " + checkpoint
                        + "\n  expected: " + expected.get()
                        + "\n  actual:   " + migrated.toJson(),
                        expected.get(), migrated.toJson());
            }
            if (version == current) {
                currentGolden = checkpoint;
            }
            checked.add(version);
        }
        checkNewerRefused(currentGolden, current);
        return new MigrationSummary(current, List.copyOf(checked), written);
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
                + version + "}}, optionally with " + golden.expectedPath(version).getFileName() + " holding what it "
                + "must migrate to; or call skipVersions(" + version + ") if no checkpoint of version " + version
                + " was ever saved.";
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
