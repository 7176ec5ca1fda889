package io.connectorkit.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What a user needs to configure a component without reading its source. Made by {@link ComponentManager#describe}
 * and {@link ComponentManager#components}.
 *
 * <p><b>API</b>: an immutable value made by the runtime; thread-safe.
 *
 * @param family the component family
 * @param name the component name within its family
 * @param type the emitter (or partition mapper) class's name
 * @param version the emitter's {@code @Version}: the configuration version
 * @param checkpoints whether the emitter exposes checkpoints ({@code @CheckpointData})
 * @param safePointMethod the name of its {@code @CheckpointAvailable} method, or {@code null} when every record is a
 *     safe point
 * @param options every option a configuration may set, in declaration order, depth first
 * @param checkpoint the {@code @Checkpoint}, or {@code null} when the component has none
 * @param partitioned whether it is a {@code @PartitionMapper}, read in splits (then {@code type} is the mapper's class
 *     and the checkpoint its worker's)
 * @param infinite whether it never ends by itself ({@code @Emitter(infinite = true)}): its {@code null} records mean
 *     "nothing now"
 */
public record ComponentDescription(String family, String name, String type, int version, boolean checkpoints,
                                   String safePointMethod, List<OptionDescription> options,
                                   CheckpointDescription checkpoint, boolean partitioned,
                                   boolean infinite) {

    public ComponentDescription {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
    }

    /** {@code family/name}, as shown in messages. */
    public String id() {
        return family + "/" + name;
    }
}
