package io.connectorkit.store;

import jakarta.json.JsonObject;

/**
 * The argument checks every {@link CheckpointStore} makes, for store authors: call them first in each method, so that
 * a store refuses exactly what the stores of this package refuse, with the same messages (the store contract of
 * {@code sdk-testing} checks both). With {@link CheckpointEnvelope#seal} they are all a store needs from this package
 * besides the types of {@link CheckpointStore}'s methods.
 *
 * <p>API for store authors; stateless and thread-safe.
 */
public final class StoreRules {

    private StoreRules() {
    }

    /**
     * Checks a job id: {@code [A-Za-z0-9._-]}, 1 to 128 characters, neither {@code .} nor {@code ..}.
     *
     * @return {@code job}
     * @throws IllegalArgumentException {@code "invalid job id '<job>': ..."}, or when {@code null}
     */
    public static String requireJob(String job) {
        return StoreIds.require("job", job);
    }

    /**
     * Checks a job id, then a partition id (the same rules).
     *
     * @throws IllegalArgumentException {@code "invalid job id ..."} or {@code "invalid partition id '<id>': ..."}
     */
    public static void requireIds(String job, String partition) {
        StoreIds.require("job", job);
        StoreIds.require("partition", partition);
    }

    /**
     * Checks what {@link CheckpointStore#save} is given: the ids, a component id of 1 to 512 characters, a checkpoint
     * that is exactly {@code {"$checkpoint": {...}}} with a positive integer {@code __version} if any, and at most
     * {@link StoreOptions#maxCheckpointBytes()} of JSON text.
     *
     * @throws IllegalArgumentException naming what is wrong (a checkpoint over the limit: {@code "... more than the
     *     limit of <n> bytes ..."})
     */
    public static void requireSavable(String job, String partition, String componentId, JsonObject checkpoint,
                                      StoreOptions options) {
        requireIds(job, partition);
        EnvelopeCodec.validate(job, partition, componentId, checkpoint, options.maxCheckpointBytes());
    }
}
