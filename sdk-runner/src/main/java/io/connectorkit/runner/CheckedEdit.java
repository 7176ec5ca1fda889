package io.connectorkit.runner;

import io.connectorkit.api.spi.OptionModel;
import io.connectorkit.runtime.CheckpointDescription;
import io.connectorkit.runtime.ComponentDescription;
import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.OptionDescription;
import io.connectorkit.runtime.UnsupportedVersionException;
import io.connectorkit.store.CheckpointEnvelope;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code checkpoint reset --set} checked against the component that wrote the checkpoint: the envelope names it, the
 * runner finds it on its class path or in {@code --jar}, and the edited checkpoint must bind to its
 * {@code @Checkpoint} class by the rules the next run resumes with, or nothing is written.
 */
final class CheckedEdit {

    /** How the operator gets past a component that cannot be found; part of the refusal. */
    static final String UNCHECKED_HINT = "Give the connector's jar with --jar, or pass --unchecked to write the "
            + "change without checking it";

    private CheckedEdit() {
    }

    /**
     * The latest checkpoint with {@code values} set, checked.
     *
     * @throws RunnerException {@link ExitCodes#UNKNOWN_COMPONENT} when the component cannot be found,
     *     {@link ExitCodes#BAD_CONFIGURATION} listing every unknown key and every value that does not fit,
     *     {@link ExitCodes#NEWER_CHECKPOINT} when the checkpoint is newer than the component found,
     *     {@link ExitCodes#CONNECTOR_FAILED} when its migration handler fails
     */
    static JsonObject edit(String job, CheckpointEnvelope latest, Map<String, String> values, ComponentLookup lookup) {
        String id = latest.componentId();
        int slash = id.indexOf('/');
        String family = slash < 0 ? id : id.substring(0, slash);
        String name = slash < 0 ? "" : id.substring(slash + 1);
        ComponentManager manager = lookup.manager();
        ComponentDescription component = manager.describe(family, name)
                .orElseThrow(() -> lookup.unknown(id, "Job '" + job + "' was written by " + id + ", so the change "
                        + "cannot be checked and nothing is written. " + UNCHECKED_HINT));
        CheckpointDescription checkpoint = component.checkpoint();
        Map<String, OptionModel.Kind> kinds = checkpoint == null ? Map.of() : checkpoint.fields().stream()
                .collect(Collectors.toMap(OptionDescription::path, OptionDescription::kind));
        JsonObject changed = CheckpointEdit.set(latest.checkpoint(), values, kinds::get);
        try {
            manager.checkCheckpoint(family, name, changed);
        } catch (ConfigurationException e) {
            throw new RunnerException(ExitCodes.BAD_CONFIGURATION, "reset refused, nothing written: the checkpoint "
                    + "would not fit the @Checkpoint of " + id + (checkpoint == null ? ""
                            : " (" + checkpoint.type() + ", version " + checkpoint.version() + ")")
                    + ", and its next run would stop:" + e.listing(), e);
        } catch (UnsupportedVersionException e) {
            throw new RunnerException(ExitCodes.NEWER_CHECKPOINT, "reset refused, nothing written: " + e.getMessage()
                    + ". " + UNCHECKED_HINT, e);
        } catch (ComponentException e) {
            throw new RunnerException(ExitCodes.CONNECTOR_FAILED, "reset refused, nothing written: "
                    + e.getMessage(), e);
        }
        return changed;
    }
}
