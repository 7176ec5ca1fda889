package io.connectorkit.store;

/**
 * A (job, partition) has saved checkpoints but none of them is valid (every one corrupt): loading refuses to answer
 * "no checkpoint", which would restart the job from scratch. The message names the store, the job, how many
 * generations there are and why the newest is invalid.
 *
 * <p>API: thrown by {@link CheckpointStore#loadLatest}; store authors throw it in that case.
 */
public class NoValidCheckpointException extends CheckpointStoreException {

    private static final long serialVersionUID = 1L;

    /** @param message the full message: store, job, location and problem */
    public NoValidCheckpointException(String message) {
        super(message);
    }
}
