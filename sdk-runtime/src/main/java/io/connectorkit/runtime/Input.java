package io.connectorkit.runtime;

import java.util.function.Consumer;

/**
 * A running input: the host calls {@link #start()} or {@link #start(Consumer)} once, then {@link #next()} until it
 * returns {@code null} (or as long as it likes), then {@link #stop()} once.
 *
 * <p><b>API</b>, implemented by the runtime only ({@link Mapper#create()}). <b>Lifecycle:</b> one run of one emitter
 * instance, not restartable: after {@code stop()} create another; usable until the {@link ComponentManager} that
 * made it is closed. <b>Thread-safety:</b> not thread-safe: all calls come from one thread at a time (the checkpoint
 * callback runs on that thread too).
 *
 * <p>Two ways to take checkpoints, both at-least-once:
 * <ul>
 *   <li>Explicit: after each record the host asks {@link #isCheckpointReady()} and, when true, saves
 *       {@link #getCheckpoint()}.</li>
 *   <li>Callback: {@link #start(Consumer)}. A checkpoint is handed to the callback only after the host has received
 *       every record it covers: at the following {@code next()} call, before the next record is produced, or at
 *       {@code stop()}. Saving each callback's state is therefore enough never to lose a record after a crash.</li>
 * </ul>
 * With checkpointing off, or for an emitter without {@code @CheckpointData}, the callback is never called and
 * {@link #isCheckpointReady()} is always false.
 *
 * <p>An {@linkplain #infinite() infinite} input ({@code @Emitter(infinite = true)}) returns {@code null} from
 * {@link #next()} when it has nothing right now; the host calls {@code next()} again (after a short pause) for as long
 * as it likes. In callback mode such an idle call also delivers a checkpoint when the emitter is at a safe point and
 * its state changed since the last one delivered (a position that moved over an empty stretch), so that a host that
 * reports it durable ({@link #checkpointCommitted}) lets the source acknowledge it while no record comes. In explicit
 * mode such an idle call makes {@link #isCheckpointReady()} true, whatever the interval, under the same conditions:
 * at a safe point, with a state that changed since the last checkpoint handed out.
 */
public interface Input {

    /** Starts the input (runs its {@code @PostConstruct} methods) without a checkpoint callback. */
    void start();

    /**
     * Starts the input in callback mode.
     *
     * @param checkpointCallback receives each checkpoint, never {@code null}; it runs on the caller's thread inside
     *     {@link #next()} or {@link #stop()}, and an exception it throws propagates from there
     */
    void start(Consumer<CheckpointState> checkpointCallback);

    /**
     * Produces the next record, or {@code null} when there are no more (for an {@linkplain #infinite() infinite}
     * input: none right now).
     *
     * @throws io.connectorkit.runtime.ComponentException when the emitter fails; no checkpoint covering an unreceived
     *     record has been delivered
     */
    Object next();

    /** Whether the input never ends by itself: its {@code null} records mean "nothing now", not the end. */
    boolean infinite();

    /**
     * How far the source is ahead of what this input made safe, as its {@code @Backlog} method says (in
     * {@link #backlogUnit()}); negative when the emitter has no such method, does not know yet, or is not started.
     * Called on the reading thread like the other methods.
     *
     * @throws io.connectorkit.runtime.ComponentException when the method fails; the input is then failed
     */
    long backlog();

    /** What {@link #backlog()} counts ({@code "bytes"}, {@code "records"}); {@code null} without {@code @Backlog}. */
    String backlogUnit();

    /**
     * Whether a checkpoint can be taken now: checkpointing is on, the checkpoint interval has passed since the last
     * one (or, for an {@linkplain #infinite() infinite} input, the last {@link #next()} returned {@code null} and its
     * state changed since the last checkpoint handed out), and the emitter is at a safe point.
     */
    boolean isCheckpointReady();

    /**
     * Takes a checkpoint now: an immutable snapshot of the emitter's {@code @CheckpointData}.
     *
     * @throws IllegalStateException when checkpointing is off or the emitter has no {@code @CheckpointData}
     */
    CheckpointState getCheckpoint();

    /**
     * Reports that the host made {@code durable} durable (saved it, and the records it covers): the runtime calls the
     * emitter's (or worker's) {@code @CheckpointCommitted} method with it, bound back to the {@code @Checkpoint}
     * class, where the source acknowledges what it no longer needs to keep. Call it only after the save, with a
     * checkpoint this input handed out (delivered to the callback, or returned by {@link #getCheckpoint()}), oldest
     * first; skipping some is fine (a writer that coalesces saves commits the newest only), as is committing the same
     * one twice (the second does nothing). It may be called after {@link #stop()}, for the final checkpoint; like the
     * other methods, never at the same time as another call on this input: a host whose saves complete on another
     * thread hands the checkpoint over to the reading thread, or serializes the calls.
     *
     * <p>Does nothing for an emitter without {@code @CheckpointCommitted}, or with checkpointing off.
     *
     * @throws IllegalArgumentException when this input never handed out {@code durable}, or it is older than a
     *     checkpoint already committed (or than the last 4096 handed out), naming it and the last one committed
     * @throws io.connectorkit.runtime.ComponentException when the method fails; the checkpoint stays uncommitted, so
     *     calling again retries it
     */
    void checkpointCommitted(CheckpointState durable);

    /**
     * Stops the input. In callback mode, first delivers the final checkpoint (unless the emitter failed, in which
     * case its state is not trusted); the {@code @PreDestroy} methods run even when the callback throws. Calling it
     * again does nothing.
     */
    void stop();
}
