package io.connectorkit.store;

import java.time.Instant;

/**
 * One entry of a (job, partition)'s history, for operators: everything but the checkpoint itself. API for hosts;
 * immutable.
 *
 * @param generation the generation
 * @param createdAt when it was saved
 * @param version the checkpoint state's version
 * @param sizeBytes the checkpoint's JSON size in UTF-8 bytes
 * @param componentId the component that produced it
 * @param audit the manual change it records, or {@code null}
 */
public record CheckpointInfo(long generation, Instant createdAt, int version, long sizeBytes, String componentId,
                             Audit audit) {
}
