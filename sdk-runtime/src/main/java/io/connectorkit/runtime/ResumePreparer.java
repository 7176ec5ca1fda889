package io.connectorkit.runtime;

import io.connectorkit.api.component.MigrationHandler;
import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.api.spi.VersionModel;
import io.connectorkit.runtime.ConfigurationException.Problem;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the map a host passes to {@code findMapper} into the map the binder reads: migrates an older configuration
 * version (the component's, then each configuration object's {@code <path>.__version}, outer objects first), then
 * takes the {@code $checkpoint.*} keys apart, migrates an older checkpoint version and rewrites the keys to the
 * {@code @Checkpoint} option's real path, where they win over any key already there.
 */
final class ResumePreparer {

    static final String PREFIX = CheckpointState.CHECKPOINT_KEY + '.';
    static final String VERSION_FIELD = PREFIX + CheckpointState.VERSION_KEY;

    /** The most {@code $checkpoint.*} keys accepted in one configuration. */
    static final int MAX_CHECKPOINT_KEYS = 10_000;
    /** The largest {@code $checkpoint} accepted: the UTF-8 bytes of its keys (without the prefix) and values. */
    static final long MAX_CHECKPOINT_BYTES = 1024 * 1024;

    /** Made on first use: getting a logger at class initialisation loads the whole logging stack on every start. */
    private static System.Logger log() {
        return System.getLogger(ResumePreparer.class.getName());
    }

    private final ComponentModel model;
    private final OptionModel checkpointOption;
    private final CheckpointSettings settings;

    ResumePreparer(ComponentModel model, OptionModel checkpointOption, CheckpointSettings settings) {
        this.model = model;
        this.checkpointOption = checkpointOption;
        this.settings = settings;
    }

    /** The map to bind, for a configuration written at {@code configurationVersion}. */
    Map<String, String> prepare(int configurationVersion, Map<String, String> configuration) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> checkpoint = new LinkedHashMap<>();
        List<Problem> nulls = new ArrayList<>();
        long checkpointBytes = 0;
        for (Map.Entry<String, String> entry : configuration.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), "configuration key");
            if (entry.getValue() == null) {
                nulls.add(new Problem(key, "a value (leave the key out to keep the default)", "null"));
            } else if (key.startsWith(PREFIX)) {
                String field = key.substring(PREFIX.length());
                checkpoint.put(field, entry.getValue());
                checkpointBytes += utf8Length(field) + utf8Length(entry.getValue());
            } else {
                options.put(key, entry.getValue());
            }
        }
        if (!nulls.isEmpty()) {
            nulls.sort(Comparator.comparing(Problem::key));
            throw new ConfigurationException(model.id(), nulls);
        }
        if (checkpoint.size() > MAX_CHECKPOINT_KEYS || checkpointBytes > MAX_CHECKPOINT_BYTES) {
            // Refused before anything is migrated or bound: outside input must not cost unbounded work.
            throw new ConfigurationException(model.id(), List.of(new Problem(CheckpointState.CHECKPOINT_KEY,
                    "at most " + MAX_CHECKPOINT_KEYS + " keys and " + MAX_CHECKPOINT_BYTES
                            + " bytes (UTF-8 keys and values)",
                    checkpoint.size() + " keys, " + checkpointBytes + " bytes")));
        }
        options = migrate(model.version(), configurationVersion, options, "the configuration version", options);
        for (OptionModel parameter : model.parameters()) {
            migrateObjects(parameter, parameter.name(), options);
        }
        if (!checkpoint.isEmpty()) {
            resume(checkpoint, options);
        }
        return options;
    }

    private void resume(Map<String, String> checkpoint, Map<String, String> options) {
        if (!settings.enabled()) {
            // How to turn it on is the host's to say (a runner's flag, an embedder's builder): given as an argument,
            // so that its text is never read as part of the pattern.
            log().log(Level.WARNING, "{0}: checkpointing is off, so the checkpoint keys {1} are ignored and the input "
                    + "starts from its configuration. To resume, {2}.", model.id(),
                    Printable.of(String.valueOf(checkpointKeys(checkpoint)), 1000), settings.howToEnable());
            return;
        }
        if (checkpointOption == null) {
            throw new ConfigurationException(model.id(), List.of(new Problem(PREFIX + "*",
                    "no checkpoint keys: the component has no @Checkpoint option", checkpointKeys(checkpoint))));
        }
        String versionText = checkpoint.remove(CheckpointState.VERSION_KEY);
        int version = parseVersion(VERSION_FIELD, versionText);
        Map<String, String> state = migrate(checkpointOption.checkpoint().version(), version, checkpoint, VERSION_FIELD,
                options);
        String base = model.checkpointPath() + '.';
        state.forEach((key, value) -> options.put(base + key, value));
    }

    /**
     * Migrates the configuration object {@code option} at {@code path} when the map gives an older
     * {@code path.__version}, or none while it has keys under {@code path} (written before the class had a
     * {@code @Version}): its handler sees the object's keys relative to {@code path}. Then its children and list
     * items, so that a handler sees its keys in the shape its own version reads.
     */
    private void migrateObjects(OptionModel option, String path, Map<String, String> options) {
        if (option.kind() == OptionModel.Kind.LIST && option.element().kind() == OptionModel.Kind.OBJECT) {
            for (int index : listIndices(path, options)) {
                migrateObjects(option.element(), path + '[' + index + ']', options);
            }
            return;
        }
        if (option.kind() != OptionModel.Kind.OBJECT) {
            return;
        }
        String versionKey = path + '.' + CheckpointState.VERSION_KEY;
        int received = parseVersion(versionKey, options.remove(versionKey));
        String prefix = path + '.';
        if (received != option.version().value() && hasKeyBelow(options, prefix)) {
            Map<String, String> relative = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : options.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    relative.put(entry.getKey().substring(prefix.length()), entry.getValue());
                }
            }
            Map<String, String> migrated = migrate(option.version(), received, relative, versionKey, options);
            options.keySet().removeIf(key -> key.startsWith(prefix));
            migrated.forEach((key, value) -> options.put(prefix + key, value));
        } else if (received > option.version().value()) {
            throw new UnsupportedVersionException(model.id(), versionKey, received, option.version().value());
        }
        for (OptionModel child : option.children()) {
            migrateObjects(child, prefix + child.name(), options);
        }
    }

    /**
     * Whether a key of {@code options} starts with {@code prefix}. A loop, not a stream: it runs at every resume of a
     * component whose checkpoint has a version above 1, mostly before the JIT has compiled anything of it.
     */
    private static boolean hasKeyBelow(Map<String, String> options, String prefix) {
        for (String key : options.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The indices {@code i} of the keys {@code path[i]...} in {@code options}, sorted. */
    private static Set<Integer> listIndices(String path, Map<String, String> options) {
        Set<Integer> indices = new TreeSet<>();
        String prefix = path + '[';
        for (String key : options.keySet()) {
            int close = key.indexOf(']', prefix.length());
            if (key.startsWith(prefix) && close > prefix.length()) {
                try {
                    indices.add(Integer.parseInt(key.substring(prefix.length(), close)));
                } catch (NumberFormatException e) {
                    // not an index: the binder reports the key
                }
            }
        }
        return indices;
    }

    private int parseVersion(String key, String text) {
        if (text == null) {
            return 1; // data written before the class had a @Version
        }
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(model.id(), List.of(new Problem(key, "a version, 1 or more",
                "'" + text + "'")));
    }

    /**
     * {@code data} migrated from version {@code received} to {@code current}.
     *
     * @param configuration the whole configuration, whose credential values are masked in a failing handler's error
     */
    private Map<String, String> migrate(VersionModel current, int received, Map<String, String> data, String field,
            Map<String, String> configuration) {
        if (received > current.value()) {
            throw new UnsupportedVersionException(model.id(), field, received, current.value());
        }
        if (received < 1) {
            throw new IllegalArgumentException(model.id() + ": " + field + " must be 1 or more, got " + received);
        }
        if (received == current.value() || !current.hasMigrationHandler()) {
            return data;
        }
        MigrationHandler handler = current.migrationHandler().get();
        Map<String, String> migrated;
        try {
            migrated = handler.migrate(received, data);
        } catch (RuntimeException e) {
            // The handler saw the whole configuration, credentials included: keep them out of what it threw.
            SecretScrubber scrubber = new SecretScrubber(credentialValues(configuration));
            throw new ComponentException(model.id(), "migration handler " + handler.getClass().getName()
                    + " failed to migrate " + field + " " + received + " to " + current.value() + ": "
                    + scrubber.scrub(String.valueOf(e.getMessage())), scrubber.scrub(e));
        }
        if (migrated == null) {
            throw new ComponentException(model.id(), "migration handler " + handler.getClass().getName()
                    + " returned null for " + field + " " + received + "; it must return the migrated map", null);
        }
        Map<String, String> copy = new LinkedHashMap<>(migrated);
        for (Map.Entry<String, String> entry : copy.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                // The prepared map must hold no null: the mapper keeps it as it is, without a copy that checks.
                throw new ComponentException(model.id(), "migration handler " + handler.getClass().getName()
                        + " returned a null " + (entry.getKey() == null ? "key" : "value for '" + entry.getKey() + "'")
                        + " when migrating " + field + " " + received + "; leave a key out to keep its default",
                        null);
            }
        }
        return copy;
    }

    /** The UTF-8 length of {@code s}, without encoding it; an unpaired surrogate counts 3 bytes. */
    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The values in {@code data} of the component's {@code @Credential} options (outside lists). */
    private Set<String> credentialValues(Map<String, String> data) {
        Set<String> values = new HashSet<>();
        for (OptionModel parameter : model.parameters()) {
            collectCredentials(parameter, parameter.name(), data, values);
        }
        return values;
    }

    private static void collectCredentials(OptionModel option, String path, Map<String, String> data,
            Set<String> values) {
        if (option.credential() && data.get(path) != null) {
            values.add(data.get(path));
        }
        for (OptionModel child : option.children()) {
            collectCredentials(child, path + '.' + child.name(), data, values);
        }
    }

    private static String checkpointKeys(Map<String, String> checkpoint) {
        return checkpoint.keySet().stream().map(k -> PREFIX + k).sorted().toList().toString();
    }
}
