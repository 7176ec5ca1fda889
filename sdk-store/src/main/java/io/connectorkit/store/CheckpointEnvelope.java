package io.connectorkit.store;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One saved generation of a checkpoint, with the metadata needed to verify and inspect it.
 *
 * <p>Envelopes are made by a store's {@code save}, with {@link #seal}: {@code version} is read from
 * {@code $checkpoint.__version} (1 when absent) and {@code checksum} is the lowercase hex SHA-256 of a canonical JSON
 * form of every other field (see {@link #verify()}). A store reading one back builds it with the canonical
 * constructor and checks {@link #verify()}.
 *
 * <p>API for hosts and store authors; immutable and thread-safe.
 *
 * @param job the job id
 * @param partition the partition id within the job
 * @param generation strictly increasing per (job, partition), from 1 to {@link #MAX_GENERATION}
 * @param createdAt when the store saved it (microsecond precision, so every store round-trips it exactly)
 * @param componentId the component that produced the checkpoint
 * @param version the checkpoint state's version
 * @param checkpoint the checkpoint, exactly {@code {"$checkpoint": {...}}}
 * @param checksum SHA-256 hex over the canonical form of all the other fields
 * @param audit the manual change this generation records, or {@code null} for a checkpoint taken by a connector
 */
public record CheckpointEnvelope(String job, String partition, long generation, Instant createdAt,
                                 String componentId, int version, JsonObject checkpoint, String checksum,
                                 Audit audit) {

    /**
     * The largest generation, 2<sup>53</sup> - 1: the largest integer every JSON reader keeps exactly, and more
     * than a thousand saves a second would use up in 285,000 years. A stored generation above it (a planted file
     * or row) is ignored like a corrupt one, so that the next generation can never overflow.
     */
    public static final long MAX_GENERATION = (1L << 53) - 1;

    /** @throws IllegalArgumentException for a generation outside 1 to {@link #MAX_GENERATION} */
    public CheckpointEnvelope {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(checksum, "checksum");
        if (generation < 1 || generation > MAX_GENERATION) {
            throw new IllegalArgumentException("generation must be 1 to " + MAX_GENERATION + ", got " + generation);
        }
    }

    /**
     * The envelope a store saves as generation {@code generation}: the version read from the checkpoint, the time
     * truncated to microseconds (what every store here keeps), the checksum computed. Call
     * {@link StoreRules#requireSavable} on the arguments first.
     *
     * @param checkpoint exactly {@code {"$checkpoint": {...}}}
     * @param audit the manual change this generation records, or {@code null}
     * @throws IllegalArgumentException for a malformed {@code __version} or a generation out of range
     */
    public static CheckpointEnvelope seal(String job, String partition, long generation, Instant createdAt,
                                          String componentId, JsonObject checkpoint, Audit audit) {
        return EnvelopeCodec.seal(job, partition, generation, createdAt, componentId, checkpoint, audit);
    }

    /** Whether {@link #checksum()} matches the other fields. */
    public boolean verify() {
        return EnvelopeChecksum.of(job, partition, generation, createdAt, componentId, version, checkpoint, audit)
                .equals(checksum);
    }

    /** The size of the checkpoint's JSON text in UTF-8 bytes, as limited by {@link StoreOptions#maxCheckpointBytes()}. */
    public long sizeBytes() {
        return EnvelopeCodec.utf8Size(checkpoint);
    }

    /** This generation as a history entry. */
    public CheckpointInfo info() {
        return new CheckpointInfo(generation, createdAt, version, sizeBytes(), componentId, audit);
    }
}
