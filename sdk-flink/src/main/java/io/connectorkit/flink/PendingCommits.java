package io.connectorkit.flink;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ComponentException;
import io.connectorkit.runtime.Input;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The connector checkpoints each Flink checkpoint of a reader holds, to commit ({@code @CheckpointCommitted}) when
 * Flink says that checkpoint completed, never before: only then are the checkpoint and the records it covers durable
 * downstream. A completed checkpoint subsumes the older ones (Flink may not notify each), so completing one commits
 * every input's newest checkpoint up to it; an aborted one commits nothing.
 *
 * <p>Also the final checkpoints of splits that ended after the reader's last snapshot: a later snapshot holds them
 * (the split gone from the state, its records all emitted), or, once the reader has ended, the checkpoint Flink
 * completes after the task finished (whose state for this reader is "finished").
 *
 * <p>Not thread-safe: used on the reader's (the task's) thread only.
 */
final class PendingCommits {

    private static final System.Logger LOG = System.getLogger(PendingCommits.class.getName());

    private final String componentId;
    private final NavigableMap<Long, Map<Input, CheckpointState>> bySnapshot = new TreeMap<>();
    private final Map<Input, CheckpointState> ended = new IdentityHashMap<>();

    PendingCommits(String componentId) {
        this.componentId = componentId;
    }

    /** A split ended: its final checkpoint is held by the next snapshot. */
    void splitEnded(Input input, CheckpointState finalCheckpoint) {
        ended.put(input, finalCheckpoint);
    }

    /**
     * The reader took the snapshot {@code checkpointId}, holding {@code held} (the checkpoints of the splits it is
     * reading that their inputs handed out) and every final checkpoint of a split ended since the last one.
     */
    void snapshotTaken(long checkpointId, Map<Input, CheckpointState> held) {
        Map<Input, CheckpointState> all = new IdentityHashMap<>(held);
        all.putAll(ended);
        ended.clear();
        if (!all.isEmpty()) {
            bySnapshot.put(checkpointId, all);
        }
    }

    /**
     * Flink completed {@code checkpointId}: commits, oldest first, every checkpoint a snapshot up to it held (the
     * newest of each input); when {@code readerEnded} and this reader took no snapshot for it, also the final
     * checkpoints of the splits ended since its last snapshot.
     */
    void completed(long checkpointId, boolean readerEnded) {
        Map<Input, CheckpointState> newest = new IdentityHashMap<>();
        boolean snapshotted = bySnapshot.containsKey(checkpointId);
        for (Iterator<Map<Input, CheckpointState>> it = bySnapshot.headMap(checkpointId, true).values().iterator();
                it.hasNext(); ) {
            newest.putAll(it.next());
            it.remove();
        }
        if (readerEnded && !snapshotted) {
            newest.putAll(ended);
            ended.clear();
        }
        newest.forEach(this::commit);
    }

    /** Flink aborted {@code checkpointId}: what its snapshot held is committed by a later one, or never. */
    void aborted(long checkpointId) {
        bySnapshot.remove(checkpointId);
    }

    private void commit(Input input, CheckpointState checkpoint) {
        try {
            input.checkpointCommitted(checkpoint);
        } catch (ComponentException e) {
            // The records are durable whatever the acknowledgement does: failing the task would only read again.
            LOG.log(System.Logger.Level.WARNING, componentId + ": @CheckpointCommitted failed for " + checkpoint
                    + ": " + e.getMessage() + "; the records are durable, and the split's next commit, if any, "
                    + "covers it");
        }
    }
}
