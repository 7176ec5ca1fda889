package io.connectorkit.runtime;

import io.connectorkit.api.input.checkpoint.Checkpoint.Frequency;
import java.util.List;
import java.util.Objects;

/**
 * A component's {@code @Checkpoint}: where it sits in the configuration and the fields of
 * {@code {"$checkpoint": {...}}}. Part of a {@link ComponentDescription}.
 *
 * <p><b>API</b>: an immutable value made by the runtime; thread-safe.
 *
 * @param path the dotted path of the {@code @Checkpoint} option, {@code configuration.checkpoint}
 * @param type the {@code @Checkpoint} class's name
 * @param version its {@code @Version}: the {@code __version} its checkpoints carry
 * @param migrates whether older versions go through a migration handler
 * @param frequency how its interval is counted
 * @param interval records or milliseconds between checkpoints
 * @param fields its fields, each {@link OptionDescription#path()} relative: {@code sinceId} is
 *     {@code $checkpoint.sinceId}
 */
public record CheckpointDescription(String path, String type, int version, boolean migrates, Frequency frequency,
                                   long interval, List<OptionDescription> fields) {

    public CheckpointDescription {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(frequency, "frequency");
        fields = List.copyOf(fields);
    }
}
