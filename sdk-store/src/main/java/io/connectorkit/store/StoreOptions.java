package io.connectorkit.store;

/**
 * Settings common to every store. API for hosts and store authors; immutable.
 *
 * @param retention how many generations to keep per (job, partition), at least 1; older ones are pruned after a new
 *     one is durable
 * @param maxCheckpointBytes the largest checkpoint accepted, in UTF-8 bytes of its JSON text, at least 64
 */
public record StoreOptions(int retention, int maxCheckpointBytes) {

    /** Ten generations kept, checkpoints up to 1 MiB. */
    public static final StoreOptions DEFAULTS = new StoreOptions(10, 1024 * 1024);

    /** @throws IllegalArgumentException for a retention below 1 or a size limit below 64 */
    public StoreOptions {
        if (retention < 1) {
            throw new IllegalArgumentException("retention must keep at least 1 generation, got " + retention);
        }
        if (maxCheckpointBytes < 64) {
            throw new IllegalArgumentException("maxCheckpointBytes must be at least 64, got " + maxCheckpointBytes);
        }
    }

    /** These options with another retention. */
    public StoreOptions withRetention(int generations) {
        return new StoreOptions(generations, maxCheckpointBytes);
    }

    /** These options with another size limit. */
    public StoreOptions withMaxCheckpointBytes(int bytes) {
        return new StoreOptions(retention, bytes);
    }
}
