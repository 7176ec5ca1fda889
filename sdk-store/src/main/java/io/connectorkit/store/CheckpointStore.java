package io.connectorkit.store;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Saves checkpoints durably and reads them back: the host's side of checkpointing.
 *
 * <p>Each save of a (job, partition) is a new {@link CheckpointEnvelope} with the next generation; the last
 * {@link StoreOptions#retention()} generations are kept. {@link #loadLatest} verifies checksums and uses the newest
 * valid generation, logging one warning naming the corrupt newer ones; it is empty only when the (job, partition)
 * truly has no checkpoint, and throws {@link NoValidCheckpointException} when generations exist but none is valid.
 *
 * <p>Job ids and partitions are made of {@code [A-Za-z0-9._-]}, at most 128 characters, and neither {@code .} nor
 * {@code ..}; anything else is rejected with an {@link IllegalArgumentException} naming it. A checkpoint is exactly
 * {@code {"$checkpoint": {...}}} and at most {@link StoreOptions#maxCheckpointBytes()} long, else
 * {@link IllegalArgumentException}.
 *
 * <p><b>Single writer.</b> Stores that persist outside the JVM allow one writer per job: the first mutating call for a
 * job ({@link #save}, {@link #delete}, {@link #lockForWriting}) claims it and the claim is held until {@link #close()}.
 * Another store instance (or process) trying to write the same job fails fast with a
 * {@link CheckpointStoreException}. Reads ({@link #loadLatest}, {@link #history}, {@link #load}) never need the claim,
 * so operators can inspect a running job.
 *
 * <p><b>Threads.</b> Every implementation here is thread-safe; saves of one (job, partition) are serialised.
 *
 * <p><b>API.</b> Hosts create a store (one of this package's, or their own), share it between threads, and close it
 * when done: the writers and sinks it is handed to do not close it (a {@link ForwardingCheckpointStore} closes the
 * store it wraps, as it forwards every call). {@link #close()} releases the writer claims: the
 * durable stores here then refuse writes with a {@link CheckpointStoreException} and still answer reads, while the
 * in-memory store has nothing to release. Store authors implement this interface, check arguments with
 * {@link StoreRules}, seal what they save with {@link CheckpointEnvelope#seal}, and prove the result with the store
 * contract of {@code sdk-testing} ({@code io.connectorkit.testing.store.CheckpointStoreContract}).
 */
public interface CheckpointStore extends AutoCloseable {

    /**
     * Saves {@code checkpoint} as the next generation of (job, partition) and returns it once durable.
     *
     * @param componentId the component that produced it
     * @param checkpoint exactly {@code {"$checkpoint": {...}}}
     * @param audit the manual change this records, or {@code null} for a connector's own checkpoint
     * @throws IllegalArgumentException for a bad id, a malformed or too large checkpoint
     * @throws CheckpointStoreException when it could not be saved (nothing new is then visible) or the job is locked
     *     by another writer
     */
    CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint, Audit audit);

    /** {@link #save(String, String, String, JsonObject, Audit)} without an audit. */
    default CheckpointEnvelope save(String job, String partition, String componentId, JsonObject checkpoint) {
        return save(job, partition, componentId, checkpoint, null);
    }

    /**
     * The newest valid generation of (job, partition).
     *
     * @return empty only when there is no checkpoint at all
     * @throws NoValidCheckpointException when checkpoints exist but none is valid
     * @throws CheckpointStoreException when they cannot be read
     */
    Optional<CheckpointEnvelope> loadLatest(String job, String partition);

    /**
     * One generation.
     *
     * @return empty when that generation does not exist (never saved, or pruned)
     * @throws CheckpointStoreException when it exists but is corrupt or cannot be read
     */
    Optional<CheckpointEnvelope> load(String job, String partition, long generation);

    /**
     * The valid generations kept for (job, partition), oldest first. Corrupt ones are left out with a warning.
     *
     * @return an empty list when there is none
     */
    List<CheckpointInfo> history(String job, String partition);

    /**
     * The jobs that have at least one checkpoint, sorted.
     *
     * @throws CheckpointStoreException when the store cannot be read
     */
    List<String> jobs();

    /**
     * Deletes every checkpoint of every partition of {@code job}; takes the writer claim like {@link #save}.
     *
     * @throws CheckpointStoreException when they could not all be deleted, or the job is locked by another writer
     */
    void delete(String job);

    /**
     * Deletes every generation of one partition of {@code job}, leaving its other partitions as they are; takes the
     * writer claim like {@link #save}. A host prunes with it what it no longer needs, such as the checkpoints of a
     * split read to its end. Afterwards {@link #loadLatest} of that partition is empty, {@link #history} empty and
     * {@link #savedBefore} false (a deliberate delete, not checkpoints lost behind the store's back), and the next
     * save of the partition is generation 1 again, as after {@link #delete(String)}: a store cannot remember the
     * numbers of generations it no longer has. Deleting a partition that has no checkpoint does nothing (it still
     * checks the ids and takes the claim). A store that persists deletes the trace first, then the generations
     * oldest first, so that a delete cut short leaves the partition's newest checkpoints readable, or nothing.
     *
     * <p>The default throws {@link UnsupportedOperationException}: a store written before this method existed cannot
     * prune, and a host then keeps those checkpoints and says so.
     *
     * @throws CheckpointStoreException when they could not all be deleted, or the job is locked by another writer
     * @throws IllegalArgumentException for a bad id
     */
    default void delete(String job, String partition) {
        throw new UnsupportedOperationException(this + " cannot delete one partition of a job");
    }

    /**
     * Claims the single-writer right for {@code job} now, so that a conflict shows at start-up rather than at the
     * first checkpoint. Does nothing if this store already holds it.
     *
     * @throws CheckpointStoreException when another writer holds it
     */
    void lockForWriting(String job);

    /** The options this store was built with. */
    StoreOptions options();

    /**
     * Whether checkpoints of (job, partition) were saved in this store and not deleted with {@link #delete}: true
     * even when none is left, which then means they were removed behind the store's back (files or rows deleted by
     * hand), and a host must not silently start the job over. Stores that keep no such trace answer {@code false}.
     *
     * @throws CheckpointStoreException when the store cannot be read
     */
    default boolean savedBefore(String job, String partition) {
        return false;
    }

    /**
     * Registers {@code listener}, told when this store finds that it lost the writer claim of a job it held: its lock
     * file was deleted or replaced, or another writer took its claim over. From then on every write of that job
     * throws that {@link WriterLostException}, so a host should stop the job at once. Called on whichever thread
     * found it (a saving thread, a heartbeat thread), once per job; it must return quickly.
     *
     * <p>The default does nothing: a store whose claim cannot be lost (in memory) never calls it.
     */
    default void onWriterLost(Consumer<WriterLostException> listener) {
    }

    /**
     * Rewinds (job, partition) to an earlier generation: saves that generation's checkpoint again as a new generation
     * with the audit {@code {"by": by, "action": "rewind --to <generation>", "at": now}}. Undo it by rewinding to the
     * generation before the rewind.
     *
     * @throws CheckpointStoreException when that generation does not exist or is corrupt
     */
    default CheckpointEnvelope rewind(String job, String partition, long generation, String by, Clock clock) {
        CheckpointEnvelope target = load(job, partition, generation).orElseThrow(() -> new CheckpointStoreException(
                CheckpointStoreException.describe(toString(), job, "partition '" + partition + "'",
                        "cannot rewind to generation " + generation + ": it does not exist (kept: "
                                + history(job, partition).stream().map(CheckpointInfo::generation).toList() + ")")));
        return save(job, partition, target.componentId(), target.checkpoint(),
                Audit.of(by, "rewind --to " + generation, clock));
    }

    /** Releases writer claims and resources. Idempotent. */
    @Override
    void close();
}
