package io.connectorkit.flink;

import io.connectorkit.runtime.CheckpointState;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A {@link ConnectorKitSource} as a release of its connector with checkpoint version 1 would have run it: the same
 * source, whose split states are written with each checkpoint turned into its version 1 form. A savepoint of it is a
 * savepoint taken with the older release.
 */
final class DowngradingSource implements Source<JsonObject, ConnectorKitSplit, EnumeratorState> {

    private static final long serialVersionUID = 1L;

    /** Split states written with a version 1 checkpoint. */
    static final AtomicInteger WRITTEN = new AtomicInteger();

    /** A connector's version 2 checkpoint of a split, as its version 1 was. */
    @FunctionalInterface
    interface Downgrade extends Serializable {
        CheckpointState toVersion1(ConnectorKitSplit split);
    }

    private final ConnectorKitSource<JsonObject> source;
    private final Downgrade downgrade;

    DowngradingSource(ConnectorKitSource<JsonObject> source, Downgrade downgrade) {
        this.source = source;
        this.downgrade = downgrade;
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SourceReader<JsonObject, ConnectorKitSplit> createReader(SourceReaderContext context) throws Exception {
        return source.createReader(context);
    }

    @Override
    public SplitEnumerator<ConnectorKitSplit, EnumeratorState> createEnumerator(
            SplitEnumeratorContext<ConnectorKitSplit> context) throws Exception {
        return source.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<ConnectorKitSplit, EnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<ConnectorKitSplit> context, EnumeratorState state) throws Exception {
        return source.restoreEnumerator(context, state);
    }

    @Override
    public SimpleVersionedSerializer<ConnectorKitSplit> getSplitSerializer() {
        SimpleVersionedSerializer<ConnectorKitSplit> current = source.getSplitSerializer();
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return current.getVersion();
            }

            @Override
            public byte[] serialize(ConnectorKitSplit split) throws IOException {
                if (split.checkpoint() == null) {
                    return current.serialize(split);
                }
                CheckpointState old = downgrade.toVersion1(split);
                if (old.version() != 1) {
                    throw new IllegalStateException("not a version 1 checkpoint: " + old);
                }
                WRITTEN.incrementAndGet();
                return current.serialize(split.resumingFrom(old));
            }

            @Override
            public ConnectorKitSplit deserialize(int version, byte[] serialized) throws IOException {
                return current.deserialize(version, serialized);
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }
}
