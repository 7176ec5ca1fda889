package io.connectorkit.flink;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.Split;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A Connector Kit split as Flink's split: its descriptor ({@link Split}: id and configuration) and the checkpoint it
 * resumes from, the latest one whose records all reached Flink's output, or {@code null} to read it from its start.
 * This is what a Flink checkpoint or savepoint holds for each split a reader has not finished.
 *
 * <p>An immutable value, thread-safe.
 *
 * @param split the split's id and configuration (never credentials)
 * @param checkpoint where to resume it, or {@code null} for its start
 */
public record ConnectorKitSplit(Split split, CheckpointState checkpoint) implements SourceSplit {

    public ConnectorKitSplit {
        Objects.requireNonNull(split, "split");
    }

    /** The split's own id, as the connector (or the runtime) gave it. */
    @Override
    public String splitId() {
        return split.id();
    }

    /** The same split, to resume from {@code latest}. */
    public ConnectorKitSplit resumingFrom(CheckpointState latest) {
        return new ConnectorKitSplit(split, latest);
    }

    @Override
    public String toString() {
        return "ConnectorKitSplit[" + split.id() + (checkpoint == null ? ", from its start]" : ", " + checkpoint + "]");
    }
}
