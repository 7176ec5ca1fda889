package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.runtime.ConfigurationException.Problem;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a saved checkpoint against a component's {@code @Checkpoint} option without creating the component: the
 * keys are prepared by {@link ResumePreparer} (version read, older versions migrated) and bound by
 * {@link ConfigurationBinder}, exactly as {@code findMapper} resumes them, but only the checkpoint's own option is
 * bound, so the rest of the configuration is not needed.
 */
final class CheckpointChecker {

    private static final String PREFIX = ResumePreparer.PREFIX;

    private final ComponentModel model;
    private final OptionModel checkpointOption;
    private final TreeMap<String, Problem> problems = new TreeMap<>();

    CheckpointChecker(ComponentModel model, OptionModel checkpointOption) {
        this.model = model;
        this.checkpointOption = checkpointOption;
    }

    /**
     * Checks {@code checkpoint}, {@code {"$checkpoint": {...}}}.
     *
     * @throws ConfigurationException listing every problem, keys named {@code $checkpoint.<field>}
     * @throws UnsupportedVersionException when the checkpoint is newer than the component
     * @throws ComponentException when the migration handler fails
     * @throws IllegalArgumentException when the JSON is nested deeper than {@code jsonToMap} allows
     */
    void check(JsonObject checkpoint) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : JsonFlattener.flatten(checkpoint).entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(PREFIX)) {
                fields.put(key, entry.getValue());
            } else if (key.equals(CheckpointState.CHECKPOINT_KEY)) {
                problems.put(key, new Problem(key, "an object of checkpoint fields", "'" + entry.getValue() + "'"));
            } else {
                problems.put(key, new Problem(key, "only " + CheckpointState.CHECKPOINT_KEY
                        + " at the top level of a checkpoint", Problem.UNKNOWN_KEY));
            }
        }
        try {
            Map<String, String> prepared = new ResumePreparer(model, checkpointOption, CheckpointSettings.CHECKING)
                    .prepare(model.version().value(), fields);
            if (checkpointOption != null) {
                ConfigurationBinder.bindOption(model.id(), checkpointOption, model.checkpointPath(), prepared);
            }
        } catch (ConfigurationException e) {
            e.problems().forEach(problem -> add(renamed(problem)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(model.id(), List.copyOf(problems.values()));
        }
    }

    private void add(Problem problem) {
        problems.put(problem.key(), problem);
    }

    /** A binder's problem with its key as a {@code $checkpoint} key, and an unknown key's expected fields named. */
    private Problem renamed(Problem problem) {
        String path = model.checkpointPath();
        String key = problem.key();
        if (path == null || !(key.equals(path) || key.startsWith(path + '.') || key.startsWith(path + '['))) {
            return problem; // already a $checkpoint key (ResumePreparer's own problems)
        }
        String relative = key.substring(path.length());
        String renamed = CheckpointState.CHECKPOINT_KEY + relative;
        String expected = problem.received().equals(Problem.UNKNOWN_KEY)
                ? "a field of " + checkpointOption.type().getSimpleName() + " (@Checkpoint of " + model.id() + "): "
                        + knownFields(relative)
                : problem.expected();
        return new Problem(renamed, expected, problem.received());
    }

    /** The option names of the configuration class that holds the field {@code relative} ({@code .a.b[0].c}). */
    private List<String> knownFields(String relative) {
        OptionModel node = checkpointOption;
        String[] segments = relative.substring(1).split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = segments[i];
            int bracket = segment.indexOf('[');
            OptionModel child = node.child(bracket < 0 ? segment : segment.substring(0, bracket));
            if (child != null && bracket >= 0 && child.kind() == OptionModel.Kind.LIST) {
                child = child.element();
            }
            if (child == null || child.kind() != OptionModel.Kind.OBJECT) {
                break;
            }
            node = child;
        }
        return node.children().stream().map(OptionModel::name).toList();
    }
}
