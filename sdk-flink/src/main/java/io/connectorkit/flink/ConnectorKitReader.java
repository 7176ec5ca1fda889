package io.connectorkit.flink;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentManager;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads the splits the enumerator assigns, one at a time, on the task's own thread (Flink calls {@code pollNext},
 * {@code snapshotState} and {@code notifyCheckpointComplete} from that one thread, so a snapshot always falls
 * between two reads). Asks for a split when it has none; ends when the enumerator has no more.
 *
 * <p>Its state ({@link #snapshotState}) is each split it holds, resumed from the checkpoint that covers exactly the
 * records emitted ({@link SplitCursor}); a finished split is not in it. {@code @CheckpointCommitted} is called from
 * {@link #notifyCheckpointComplete} with the checkpoints of that Flink checkpoint ({@link PendingCommits}).
 *
 * <p>An infinite input ({@code @Emitter(infinite = true)}) that has nothing now makes the reader wait a short while
 * ({@link IdleWait}) on a future, during which Flink's task still takes checkpoints and reports their completion. A
 * connector's {@code next()} that blocks (waiting for data) instead blocks the task thread, and with it Flink's
 * checkpoints and cancellation, until it returns.
 */
final class ConnectorKitReader<T> implements SourceReader<T, ConnectorKitSplit> {

    private final SourceReaderContext context;
    private final SourceSettings settings;
    private final RecordMapper<T> records;
    private final ComponentManager manager;
    private final Mapper mapper;
    private final PendingCommits commits;
    private final Deque<ConnectorKitSplit> assigned = new ArrayDeque<>();
    private SplitCursor<T> current;
    private boolean splitRequested;
    private boolean noMoreSplits;
    private boolean ended;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private final IdleWait idle;
    /** While the current split's infinite input is idle: completes when it is time to ask it again. */
    private CompletableFuture<Void> idleUntil;

    ConnectorKitReader(SourceReaderContext context, SourceSettings settings, RecordMapper<T> records) {
        this.context = context;
        this.settings = settings;
        this.records = records;
        this.manager = settings.openManager(context.getUserCodeClassLoader().asClassLoader());
        try {
            this.mapper = settings.mapper(manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.commits = new PendingCommits(settings.componentId());
        this.idle = new IdleWait("connector-kit idle wait: " + settings.componentId() + " reader "
                + context.getIndexOfSubtask());
    }

    @Override
    public void start() {
        // Splits are asked for one at a time, when the reader has none left (pollNext).
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) {
        if (current == null) {
            ConnectorKitSplit next = assigned.poll();
            if (next == null) {
                return nothingToRead();
            }
            current = SplitCursor.open(mapper, next, records, settings.maxBufferedRecords());
        }
        idleUntil = null;
        switch (current.read(output)) {
            case IDLE -> {
                idleUntil = idle.start();
                return InputStatus.NOTHING_AVAILABLE;
            }
            case ENDED -> {
                commits.splitEnded(current.input(), current.finalCheckpoint());
                current = null;
            }
            case MORE -> idle.reset();
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private InputStatus nothingToRead() {
        if (noMoreSplits) {
            ended = true;
            return InputStatus.END_OF_INPUT;
        }
        if (!splitRequested) {
            splitRequested = true;
            context.sendSplitRequest();
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<ConnectorKitSplit> snapshotState(long checkpointId) {
        List<ConnectorKitSplit> state = new ArrayList<>(assigned.size() + 1);
        Map<Input, CheckpointState> held = new IdentityHashMap<>();
        if (current != null) {
            state.add(current.snapshot());
            CheckpointState committable = current.committable();
            if (committable != null) {
                held.put(current.input(), committable);
            }
        }
        state.addAll(assigned);
        commits.snapshotTaken(checkpointId, held);
        return state;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        commits.completed(checkpointId, ended);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        commits.aborted(checkpointId);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        if (idleUntil != null) {
            return idleUntil;
        }
        return current != null || !assigned.isEmpty() || noMoreSplits
                ? CompletableFuture.completedFuture(null) : available;
    }

    @Override
    public void addSplits(List<ConnectorKitSplit> splits) {
        assigned.addAll(splits);
        splitRequested = false;
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {
        idle.close();
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            manager.close();
        }
    }
}
