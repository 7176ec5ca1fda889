package io.connectorkit.flink;

import io.connectorkit.flink.fixtures.CommitLog;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A {@link ConnectorKitSource} of {@code flinktest/commit-log} whose readers log to {@link CommitLog} what Flink
 * asks of them: {@code "snapshot <subtask> <checkpoint id> <position held, or ->"} when Flink takes a snapshot, and
 * {@code "complete <subtask> <checkpoint id>"} when it says a checkpoint completed, before the reader hears of it.
 */
final class RecordingSource implements Source<JsonObject, ConnectorKitSplit, EnumeratorState> {

    private static final long serialVersionUID = 1L;

    private final ConnectorKitSource<JsonObject> source;

    RecordingSource(ConnectorKitSource<JsonObject> source) {
        this.source = source;
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SourceReader<JsonObject, ConnectorKitSplit> createReader(SourceReaderContext context) throws Exception {
        return new RecordingReader(source.createReader(context), context.getIndexOfSubtask());
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
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    private static final class RecordingReader implements SourceReader<JsonObject, ConnectorKitSplit> {

        private final SourceReader<JsonObject, ConnectorKitSplit> reader;
        private final int subtask;

        RecordingReader(SourceReader<JsonObject, ConnectorKitSplit> reader, int subtask) {
            this.reader = reader;
            this.subtask = subtask;
        }

        @Override
        public void start() {
            reader.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<JsonObject> output) throws Exception {
            return reader.pollNext(output);
        }

        @Override
        public List<ConnectorKitSplit> snapshotState(long checkpointId) {
            List<ConnectorKitSplit> state = reader.snapshotState(checkpointId);
            String held = state.stream().filter(split -> split.checkpoint() != null)
                    .map(split -> String.valueOf(split.checkpoint().state().getInt("position")))
                    .findFirst().orElse("-");
            CommitLog.add("snapshot " + subtask + " " + checkpointId + " " + held);
            return state;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return reader.isAvailable();
        }

        @Override
        public void addSplits(List<ConnectorKitSplit> splits) {
            reader.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            reader.notifyNoMoreSplits();
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            CommitLog.add("complete " + subtask + " " + checkpointId);
            reader.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            reader.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }
    }
}
