package io.connectorkit.flink.bench;

import io.connectorkit.samples.checkpoint.ListInput;
import io.connectorkit.samples.checkpoint.ListInputConfig;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The baseline of {@link FlinkSourceBenchmark}: a FLIP-27 source written by hand around list-input's emitter class,
 * calling its {@code next()} directly, without Connector Kit. One split, whose state is the last id emitted; up to
 * 128 records a {@code pollNext} call, as the Connector Kit source reads, so that both hand Flink the same batches.
 */
final class DirectListSource implements Source<JsonObject, DirectListSource.Position, Boolean> {

    private static final long serialVersionUID = 1L;

    private final int total;
    private final int batchSize;

    DirectListSource(int total, int batchSize) {
        this.total = total;
        this.batchSize = batchSize;
    }

    /** The one split: the last id emitted. */
    record Position(int sinceId) implements SourceSplit {
        @Override
        public String splitId() {
            return "list";
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<JsonObject, Position> createReader(SourceReaderContext context) {
        return new Reader(context, total, batchSize);
    }

    @Override
    public SplitEnumerator<Position, Boolean> createEnumerator(SplitEnumeratorContext<Position> context) {
        return new Enumerator(context, false);
    }

    @Override
    public SplitEnumerator<Position, Boolean> restoreEnumerator(SplitEnumeratorContext<Position> context,
            Boolean assigned) {
        return new Enumerator(context, assigned);
    }

    @Override
    public SimpleVersionedSerializer<Position> getSplitSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Position position) {
                return ByteBuffer.allocate(4).putInt(position.sinceId()).array();
            }

            @Override
            public Position deserialize(int version, byte[] bytes) {
                return new Position(ByteBuffer.wrap(bytes).getInt());
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Boolean> getEnumeratorCheckpointSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Boolean assigned) {
                return new byte[] {(byte) (assigned ? 1 : 0)};
            }

            @Override
            public Boolean deserialize(int version, byte[] bytes) {
                return bytes[0] == 1;
            }
        };
    }

    private static final class Enumerator implements SplitEnumerator<Position, Boolean> {

        private final SplitEnumeratorContext<Position> context;
        private boolean assigned;

        Enumerator(SplitEnumeratorContext<Position> context, boolean assigned) {
            this.context = context;
            this.assigned = assigned;
        }

        @Override
        public void start() {
        }

        @Override
        public void handleSplitRequest(int subtaskId, String host) {
            if (assigned) {
                context.signalNoMoreSplits(subtaskId);
            } else {
                assigned = true;
                context.assignSplit(new Position(0), subtaskId);
            }
        }

        @Override
        public void addSplitsBack(List<Position> splits, int subtaskId) {
            assigned = false;
        }

        @Override
        public void addReader(int subtaskId) {
        }

        @Override
        public Boolean snapshotState(long checkpointId) {
            return assigned;
        }

        @Override
        public void close() {
        }
    }

    private static final class Reader implements SourceReader<JsonObject, Position> {

        private final SourceReaderContext context;
        private final JsonBuilderFactory factory = Json.createBuilderFactory(null);
        private final int total;
        private final int batchSize;
        private final Deque<Position> splits = new ArrayDeque<>();
        private ListInputConfig configuration;
        private ListInput input;
        private boolean requested;
        private boolean noMoreSplits;
        private CompletableFuture<Void> available = new CompletableFuture<>();

        Reader(SourceReaderContext context, int total, int batchSize) {
            this.context = context;
            this.total = total;
            this.batchSize = batchSize;
        }

        @Override
        public void start() {
        }

        @Override
        public InputStatus pollNext(ReaderOutput<JsonObject> output) {
            if (input == null) {
                Position next = splits.poll();
                if (next == null) {
                    if (noMoreSplits) {
                        return InputStatus.END_OF_INPUT;
                    }
                    if (!requested) {
                        requested = true;
                        context.sendSplitRequest();
                    }
                    if (available.isDone()) {
                        available = new CompletableFuture<>();
                    }
                    return InputStatus.NOTHING_AVAILABLE;
                }
                configuration = new ListInputConfig();
                configuration.setTotal(total);
                configuration.setBatchSize(batchSize);
                configuration.getCheckpoint().setSinceId(next.sinceId());
                input = new ListInput(factory, configuration);
                input.init();
            }
            for (int i = 0; i < 128; i++) {
                JsonObject record = input.next();
                if (record == null) {
                    input = null;
                    return InputStatus.MORE_AVAILABLE;
                }
                output.collect(record);
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Position> snapshotState(long checkpointId) {
            return input == null ? List.copyOf(splits)
                    : List.of(new Position(configuration.getCheckpoint().getSinceId()));
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return input != null || !splits.isEmpty() || noMoreSplits ? CompletableFuture.completedFuture(null)
                    : available;
        }

        @Override
        public void addSplits(List<Position> added) {
            splits.addAll(added);
            requested = false;
            available.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreSplits = true;
            available.complete(null);
        }

        @Override
        public void close() {
        }
    }
}
