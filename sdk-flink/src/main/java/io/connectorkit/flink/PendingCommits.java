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
 * every input's newest checkpoint up to it; an aborted one commits nothing, and what it held is carried to the next
 * snapshot (unless that holds a newer checkpoint of the same input), so that no split's final checkpoint is lost with
 * it.
 *
 * <p>The final checkpoints of splits that ended after the reader's last snapshot are carried the same way: a later
 * snapshot holds them (the split gone from the state, its records all emitted), or, once the reader has ended, the
 * checkpoint Flink completes after the task finished (whose state for this reader is "finished").
 *
 * <p>Not thread-safe: used on the reader's (the task's) thread only.
 */
final class PendingCommits {

    private static final System.Logger LOG = System.getLogger(PendingCommits.class.getName());

    private final String componentId;
    private final NavigableMap<Long, Map<Input, CheckpointState>> bySnapshot = new TreeMap<>();
    /** What the next snapshot holds besides the splits being read: final checkpoints, those of aborted snapshots. */
    private final Map<Input, CheckpointState> carried = new IdentityHashMap<>();
    /** The id of the reader's latest snapshot, or -1. */
    private long lastSnapshot = -1;

    PendingCommits(String componentId) {
        this.componentId = componentId;
    }

    /** A split ended: its final checkpoint is held by the next snapshot. */
    void splitEnded(Input input, CheckpointState finalCheckpoint) {
        carried.put(input, finalCheckpoint);
    }

    /**
     * The reader took the snapshot {@code checkpointId}, holding {@code held} (the checkpoints of the splits it is
     * reading that their inputs handed out) and everything carried.
     */
    void snapshotTaken(long checkpointId, Map<Input, CheckpointState> held) {
        lastSnapshot = checkpointId;
        Map<Input, CheckpointState> all = new IdentityHashMap<>(carried);
        all.putAll(held); // newer than what is carried for the same input
        carried.clear();
        if (!all.isEmpty()) {
            bySnapshot.put(checkpointId, all);
        }
    }

    /**
     * Flink completed {@code checkpointId}: commits, oldest first, every checkpoint a snapshot up to it held (the
     * newest of each input); when {@code readerEnded} and the checkpoint is newer than the reader's last snapshot
     * (taken after the task finished), also what is carried.
     */
    void completed(long checkpointId, boolean readerEnded) {
        Map<Input, CheckpointState> newest = new IdentityHashMap<>();
        for (Iterator<Map<Input, CheckpointState>> it = bySnapshot.headMap(checkpointId, true).values().iterator();
                it.hasNext(); ) {
            newest.putAll(it.next());
            it.remove();
        }
        if (readerEnded && checkpointId > lastSnapshot) {
            newest.putAll(carried);
            carried.clear();
        }
        newest.forEach(this::commit);
    }

    /** Flink aborted {@code checkpointId}: what its snapshot held goes to the next snapshot. */
    void aborted(long checkpointId) {
        Map<Input, CheckpointState> held = bySnapshot.remove(checkpointId);
        if (held != null) {
            held.forEach(carried::putIfAbsent); // a split that ended since has its final checkpoint carried already
        }
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
