package io.connectorkit.runtime;

import io.connectorkit.api.spi.ComponentModel;
import io.connectorkit.api.spi.OptionModel;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Tells an emitter's {@code @CheckpointCommitted} method which checkpoints the host made durable, and refuses what it
 * must not be told: a checkpoint this input never handed out, or one older than a checkpoint already committed. It
 * keeps the last {@value #MAX_PENDING} checkpoints handed out and not yet committed (a committed one drops itself and
 * every older one); a host that commits a checkpoint older than those is refused too. Not thread-safe: the input's.
 */
final class CheckpointCommits {

    /** The most checkpoints kept for a commit: a host that never commits costs no more memory than this. */
    static final int MAX_PENDING = 4096;

    private final ComponentModel model;
    private final OptionModel checkpointOption;
    private final ComponentFailures failures;
    private final ArrayDeque<CheckpointState> pending = new ArrayDeque<>();
    private CheckpointState lastCommitted;

    CheckpointCommits(ComponentModel model, OptionModel checkpointOption, ComponentFailures failures) {
        this.model = model;
        this.checkpointOption = checkpointOption;
        this.failures = failures;
    }

    /** Records a checkpoint the input handed to the host (delivered, or returned by {@code getCheckpoint()}). */
    void handedOut(CheckpointState state) {
        pending.addLast(state);
        if (pending.size() > MAX_PENDING) {
            pending.removeFirst();
        }
    }

    /**
     * Calls {@code @CheckpointCommitted} on {@code emitter} with {@code durable} bound back to the {@code @Checkpoint}
     * class; the same checkpoint as the last one committed does nothing.
     *
     * @throws IllegalArgumentException when {@code durable} was not handed out, or is older than one committed
     * @throws ComponentException when the method fails: the checkpoint stays pending, a retry calls it again
     */
    void commit(Object emitter, CheckpointState durable) {
        if (durable == lastCommitted || durable.equals(lastCommitted)) {
            return;
        }
        int found = find(durable);
        if (found < 0) {
            throw new IllegalArgumentException(model.id() + ": checkpointCommitted(" + durable + ") refused: this "
                    + "input never handed out that checkpoint, or it is older than one already committed ("
                    + (lastCommitted == null ? "none yet" : lastCommitted.toString()) + "), or older than the last "
                    + MAX_PENDING + " it handed out. Report only checkpoints this input delivered, after saving them, "
                    + "oldest first; " + pending.size() + " are waiting"
                    + (pending.isEmpty() ? "" : ", from " + pending.peekFirst() + " to " + pending.peekLast()) + ".");
        }
        Object state = ConfigurationBinder.bindCheckpoint(model.id(), checkpointOption, durable.state());
        try {
            model.checkpointCommitted().accept(emitter, state);
        } catch (RuntimeException e) {
            throw failures.failure("@CheckpointCommitted " + model.checkpointCommittedMethod() + "()", e);
        }
        for (int i = 0; i <= found; i++) {
            pending.removeFirst();
        }
        lastCommitted = durable;
    }

    /** The position of {@code durable} in {@link #pending}, the newest match first (the same object, else equal). */
    private int find(CheckpointState durable) {
        int position = pending.size() - 1;
        for (Iterator<CheckpointState> it = pending.descendingIterator(); it.hasNext(); position--) {
            if (it.next() == durable) {
                return position;
            }
        }
        position = pending.size() - 1;
        for (Iterator<CheckpointState> it = pending.descendingIterator(); it.hasNext(); position--) {
            if (it.next().equals(durable)) {
                return position;
            }
        }
        return -1;
    }
}
