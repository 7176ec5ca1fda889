package io.connectorkit.flink;

import io.connectorkit.runtime.CheckpointState;
import io.connectorkit.runtime.ConfigurationException;
import io.connectorkit.runtime.Input;
import io.connectorkit.runtime.Mapper;
import io.connectorkit.runtime.UnsupportedVersionException;
import java.util.Arrays;
import org.apache.flink.api.connector.source.SourceOutput;

/**
 * Reads one split for a {@link ConnectorKitReader}, emitting only records its latest safe point covers.
 *
 * <p><b>The exactly-once rule.</b> A connector's checkpoint exists only at a safe point ({@code @CheckpointAvailable};
 * without one, every record is a safe point). The records read after the latest safe point are covered by no
 * checkpoint, so this cursor holds them back and emits them together with the record that reaches the next safe
 * point, taking that checkpoint at the same time. Between two calls of {@link #read}, and so whenever Flink takes a
 * snapshot (on the same thread), the records emitted are exactly those {@link #snapshot()} covers: a restore neither
 * repeats nor skips one. One call reads at most {@value #RECORDS_PER_CALL} records, so that a long way between two
 * safe points does not keep the task from its checkpoints and timers; what it read past the last safe point waits in
 * the cursor for the next call. At most {@code maxHeld} records are held; a connector that goes further without a
 * safe point fails the task with an error saying so.
 *
 * <p>An infinite input ({@code @Emitter(infinite = true)}) has a {@code null} record that means "nothing now": the
 * cursor then reports {@link Progress#IDLE}, and when the input is at a safe point with a changed state (a position
 * that moved over an empty stretch), takes its checkpoint, which covers every record read.
 *
 * <p>Not thread-safe: used on the reader's (the task's) thread only.
 */
final class SplitCursor<T> {

    /** What one {@link #read} call came to. */
    enum Progress {
        /** Records were read; there may be more at once. */
        MORE,
        /** An infinite input had nothing, and nothing was emitted: ask again after a pause. */
        IDLE,
        /** The split ended: every record is emitted and the input is stopped. */
        ENDED
    }

    /** The most records one {@link #read} call reads. */
    static final int RECORDS_PER_CALL = 128;

    private final ConnectorKitSplit split;
    private final String componentId;
    private final Input input;
    private final RecordMapper<T> records;
    private final int maxHeld;
    /** The records read past {@link #covered}, in order: {@code held[0 .. heldCount)}; grows up to {@code maxHeld}. */
    private Object[] held = new Object[RECORDS_PER_CALL];
    private int heldCount;
    /** The checkpoint covering every record emitted: the assigned one, then the latest safe point's. */
    private CheckpointState covered;
    /** Whether {@link #covered} was handed out by {@link #input}, so that it may be committed to it. */
    private boolean coveredByInput;
    private CheckpointState finalCheckpoint;

    private SplitCursor(ConnectorKitSplit split, String componentId, Input input, RecordMapper<T> records,
            int maxHeld) {
        this.split = split;
        this.componentId = componentId;
        this.input = input;
        this.records = records;
        this.maxHeld = maxHeld;
        this.covered = split.checkpoint();
    }

    /**
     * Creates and starts the split's input, resumed from the split's checkpoint.
     *
     * @throws IllegalStateException naming the component, the split and its checkpoint when the split's configuration
     *     or checkpoint cannot be read (the runtime's exception as the cause): the task fails, and never reads the
     *     split from its start instead
     */
    static <T> SplitCursor<T> open(Mapper mapper, ConnectorKitSplit split, RecordMapper<T> records, int maxHeld) {
        Input input;
        try {
            input = mapper.create(split.split(), split.checkpoint());
        } catch (ConfigurationException | UnsupportedVersionException e) {
            throw new IllegalStateException(mapper.componentId() + ", split '" + split.splitId() + "': cannot resume "
                    + (split.checkpoint() == null ? "from its start" : "from " + split.checkpoint()) + ": "
                    + e.getMessage(), e);
        }
        input.start();
        return new SplitCursor<>(split, mapper.componentId(), input, records, maxHeld);
    }

    /**
     * Reads up to the next safe point and emits the records it covers; or to the split's end and emits the rest; or
     * {@value #RECORDS_PER_CALL} records without a safe point, and holds them; or, for an infinite input, up to its
     * first {@code null}.
     *
     * @return {@link Progress#ENDED} when the split has ended; {@link Progress#IDLE} when an infinite input had
     *     nothing on the first record asked for and no held record was emitted; else {@link Progress#MORE}
     * @throws IllegalStateException when more than {@code maxHeld} records come without a safe point, or a record
     *     cannot be mapped (naming the component and the split)
     */
    Progress read(SourceOutput<T> output) {
        for (int i = 0; i < RECORDS_PER_CALL; i++) {
            Object record = input.next();
            if (record == null) {
                return input.infinite() ? idle(output, i) : end(output);
            }
            T mapped = map(record);
            if (input.isCheckpointReady()) {
                cover(output);
                output.collect(mapped);
                return Progress.MORE;
            }
            if (heldCount == maxHeld) {
                throw new IllegalStateException(componentId + ", split '" + split.splitId() + "': " + maxHeld
                        + " records read without a safe point (@CheckpointAvailable); the source holds records "
                        + "back until the next safe point to be exactly-once: raise maxBufferedRecords, or make the "
                        + "connector reach safe points more often");
            }
            hold(mapped);
        }
        return Progress.MORE;
    }

    /** Every record read so far is covered by the checkpoint taken now: emits those held. */
    private void cover(SourceOutput<T> output) {
        covered = input.getCheckpoint();
        coveredByInput = true;
        emitHeld(output);
    }

    /** Idle: when ready, the checkpoint covers every record read; IDLE only when this call gave Flink nothing. */
    private Progress idle(SourceOutput<T> output, int recordsRead) {
        boolean emits = false;
        if (input.isCheckpointReady()) {
            emits = heldCount > 0;
            cover(output);
        }
        return recordsRead == 0 && !emits ? Progress.IDLE : Progress.MORE;
    }

    private Progress end(SourceOutput<T> output) {
        finalCheckpoint = input.getCheckpoint();
        emitHeld(output);
        input.stop();
        return Progress.ENDED;
    }

    private void hold(T record) {
        if (heldCount == held.length) {
            held = Arrays.copyOf(held, (int) Math.min(maxHeld, 2L * held.length));
        }
        held[heldCount++] = record;
    }

    /** Emits the held records and forgets them in the same pass (a plain array, as every record goes through it). */
    @SuppressWarnings("unchecked") // only T is ever held
    private void emitHeld(SourceOutput<T> output) {
        for (int i = 0; i < heldCount; i++) {
            output.collect((T) held[i]);
            held[i] = null;
        }
        heldCount = 0;
    }

    private T map(Object record) {
        T mapped;
        try {
            mapped = records.map(record);
        } catch (Exception e) {
            throw new IllegalStateException(componentId + ", split '" + split.splitId() + "': a record cannot be "
                    + "mapped to the source's type: " + e, e);
        }
        if (mapped == null) {
            throw new IllegalStateException(componentId + ", split '" + split.splitId() + "': the record mapper "
                    + "returned null for a record of type " + record.getClass().getName());
        }
        return mapped;
    }

    /** The split as Flink keeps it now: resumed from the checkpoint of exactly the records emitted. */
    ConnectorKitSplit snapshot() {
        return split.resumingFrom(covered);
    }

    /** The checkpoint {@link #snapshot()} holds when this input handed it out (so it may commit it), or null. */
    CheckpointState committable() {
        return coveredByInput ? covered : null;
    }

    /** The checkpoint of the split's end, once {@link #read} returned {@link Progress#ENDED}. */
    CheckpointState finalCheckpoint() {
        return finalCheckpoint;
    }

    Input input() {
        return input;
    }

    String splitId() {
        return split.splitId();
    }

    /** Stops the input without a checkpoint (the task is closing); the held records are dropped, never emitted. */
    void close() {
        input.stop();
    }
}
