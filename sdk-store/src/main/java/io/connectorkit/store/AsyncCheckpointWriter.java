package io.connectorkit.store;

import io.connectorkit.runtime.CheckpointState;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Saves the checkpoints of one (job, partition) on a background thread, off the record path.
 *
 * <p>{@link #submit} returns at once. One thread saves; checkpoints submitted while a save is running are coalesced:
 * only the newest pending one is saved next, the intermediate ones are dropped, and the newest is never lost. A
 * checkpoint counts as saved ({@link #lastSaved()}, the listener) only once the store's save returned, i.e. it is
 * durable. A failed save is retried with exponential backoff per {@link RetryPolicy}, switching to a newer checkpoint
 * if one was submitted meanwhile; when the attempts are used up the failure is reported by {@link #flush()} and
 * {@link #close()}, until a later checkpoint is saved. A {@link WriterLostException} (the store lost the job's writer
 * claim) is not retried: it is reported the same way, and every later {@link #submit} throws it.
 *
 * <p>Saves start at least a pause apart ({@link #DEFAULT_MIN_PAUSE}, 100 ms, unless given): at most ten durable
 * saves a second per writer, however often checkpoints come. Each durable save is system calls, fsyncs and interrupts
 * that also slow the record thread on a small machine (measured: a 2-core VM reads 25-35 % fewer records while a
 * writer saves back to back); a crash then repeats at most the records of one pause more. {@link #flush()} and
 * {@link #close()} save the newest checkpoint at once, pause or not.
 *
 * <p>A submit costs an uncontended lock and no system call: the writer sleeps through the pause, then, while
 * checkpoints keep coming, polls for them every millisecond (so a save starts at most 1 ms after its submit or the
 * pause's end), and only after about a second without any does it sleep until the next submit wakes it.
 * {@link #flush()} wakes it at once.
 *
 * <p><b>API for hosts.</b> {@link #builder} configures a writer and {@link Builder#start()} starts it, with its thread;
 * whoever started it closes it: {@link #close()} saves the newest checkpoint, then ends the thread. The store stays
 * open (it is the caller's, and must outlive the writer). After {@code close()}, {@link #submit} throws an
 * {@link IllegalStateException}; {@link #flush()} and {@link #lastSaved()} still answer. A writer that is never closed
 * does not keep the JVM alive (its thread is a daemon), but its last checkpoint may then be lost.
 *
 * <p>Thread-safe: any thread may call any method. Per submit it allocates nothing beyond the caller's checkpoint.
 */
public final class AsyncCheckpointWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AsyncCheckpointWriter.class.getName());

    /**
     * How failed saves are retried: up to {@code maxAttempts} saves in all, waiting {@code initialBackoff}, then
     * twice as long each time, at most {@code maxBackoff}. API; immutable.
     */
    public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        /** Five attempts, 100 ms to 5 s apart. */
        public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5));

        /** @throws IllegalArgumentException unless {@code maxAttempts >= 1} and {@code 0 <= initial <= max} */
        public RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("expected 0 <= initialBackoff <= maxBackoff, got "
                        + initialBackoff + " and " + maxBackoff);
            }
        }
    }

    /** The default least time between the starts of two saves. */
    public static final Duration DEFAULT_MIN_PAUSE = Duration.ofMillis(100);

    private final CheckpointStore store;
    private final String job;
    private final String partition;
    private final RetryPolicy retry;
    private final Consumer<CheckpointEnvelope> onSaved;
    private final SaveHandover handover;
    private final Thread thread;
    private volatile CheckpointEnvelope lastSaved;

    /**
     * A builder of a writer for (job, partition) in {@code store}, with {@link RetryPolicy#DEFAULT}, no listener and
     * {@link #DEFAULT_MIN_PAUSE} unless set.
     *
     * @throws IllegalArgumentException for an invalid job or partition id
     */
    public static Builder builder(CheckpointStore store, String job, String partition) {
        return new Builder(Objects.requireNonNull(store, "store"), StoreIds.require("job", job),
                StoreIds.require("partition", partition));
    }

    /** Configures an {@link AsyncCheckpointWriter}; API. Not thread-safe: one thread builds, then starts. */
    public static final class Builder {
        private final CheckpointStore store;
        private final String job;
        private final String partition;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Consumer<CheckpointEnvelope> onSaved = saved -> { };
        private Duration minPause = DEFAULT_MIN_PAUSE;

        private Builder(CheckpointStore store, String job, String partition) {
            this.store = store;
            this.job = job;
            this.partition = partition;
        }

        /** How failed saves are retried (default {@link RetryPolicy#DEFAULT}). */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** Called on the writer's thread with each envelope once durable; must not block for long. */
        public Builder onSaved(Consumer<CheckpointEnvelope> onSaved) {
            this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
            return this;
        }

        /**
         * The least time from the start of one save to the start of the next (default {@link #DEFAULT_MIN_PAUSE});
         * checkpoints submitted meanwhile are coalesced. {@link Duration#ZERO} saves as fast as the store allows.
         * {@link AsyncCheckpointWriter#flush()} and {@link AsyncCheckpointWriter#close()} do not wait for it.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder minPause(Duration minPause) {
            if (Objects.requireNonNull(minPause, "minPause").isNegative()) {
                throw new IllegalArgumentException("minPause must not be negative, got " + minPause);
            }
            this.minPause = minPause;
            return this;
        }

        /** Starts a writer with these settings, and its thread; the caller closes it. Each call starts another. */
        public AsyncCheckpointWriter start() {
            return new AsyncCheckpointWriter(this);
        }
    }

    private AsyncCheckpointWriter(Builder settings) {
        this.store = settings.store;
        this.job = settings.job;
        this.partition = settings.partition;
        this.retry = settings.retry;
        this.onSaved = settings.onSaved;
        this.handover = new SaveHandover(this, settings.minPause.toNanos());
        this.thread = new Thread(this::run, "checkpoint-writer-" + job + "-" + partition);
        // Daemon so a host that forgets close() can still exit; close() is what guarantees durability.
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code checkpoint} to be saved, replacing any checkpoint still waiting. Returns at once.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws WriterLostException when the store lost the job's writer claim
     * @throws CheckpointStoreException when the writer thread has died (its failure is the cause)
     */
    public void submit(String componentId, JsonObject checkpoint) {
        enqueue(componentId, Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    /**
     * Like {@link #submit(String, JsonObject)}, with {@link CheckpointState#toJson()} called on the writer's thread,
     * and only for the checkpoints it saves: one that a newer one replaces before its save starts is never turned into
     * JSON. The cheapest way to hand over a checkpoint on every record.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws CheckpointStoreException when the writer thread has died (its failure is the cause)
     */
    public void submit(String componentId, CheckpointState checkpoint) {
        enqueue(componentId, Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    private void enqueue(String componentId, Object checkpoint) {
        handover.submit(Objects.requireNonNull(componentId, "componentId"), checkpoint);
    }

    /**
     * Blocks until every checkpoint submitted so far is durable: the last one submitted (or a newer one) was saved.
     *
     * @throws CheckpointStoreException when saving it failed after all retries, or the writer stopped
     */
    public void flush() {
        handover.awaitDurable();
    }

    /** The last checkpoint known to be durable, if any. */
    public Optional<CheckpointEnvelope> lastSaved() {
        return Optional.ofNullable(lastSaved);
    }

    /**
     * Flushes, then stops the thread. Idempotent. Does not close the store.
     *
     * @throws CheckpointStoreException when the last checkpoint could not be saved
     */
    @Override
    public void close() {
        handover.close();
        try {
            flush();
        } finally {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "async checkpoint writer for job '" + job + "' partition '" + partition + "' (" + store + ")";
    }

    private void run() {
        CheckpointStoreException died = null;
        try {
            for (SaveHandover.Taken taken = handover.take(); taken != null; taken = handover.take()) {
                long started = System.nanoTime();
                saveWithRetries(taken);
                handover.pauseAfter(started);
            }
        } catch (InterruptedException e) {
            died = new CheckpointStoreException(this + ": writer thread interrupted", e);
        } catch (RuntimeException | Error e) {
            died = new CheckpointStoreException(this + ": writer thread died: " + e, e);
            throw e;
        } finally {
            handover.stopped(died);
        }
    }

    private void saveWithRetries(SaveHandover.Taken taken) throws InterruptedException {
        long backoffNanos = retry.initialBackoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            RuntimeException error;
            try {
                CheckpointEnvelope saved = store.save(job, partition, taken.componentId(),
                        wireForm(taken.checkpoint()));
                lastSaved = saved;
                notifyListener(saved);
                handover.saved(taken.seq());
                return;
            } catch (WriterLostException e) {
                error = e; // Another writer may hold the job now: no retry, and no later save either.
                attempt = retry.maxAttempts();
                handover.lost(e);
            } catch (IllegalArgumentException e) {
                error = e; // A bad id or checkpoint: retrying cannot help.
                attempt = retry.maxAttempts();
            } catch (RuntimeException e) {
                error = e;
            }
            if (attempt >= retry.maxAttempts()) {
                handover.failed(taken.seq(), error);
                // A lost claim is reported to the caller by submit and flush, and to the store's listeners.
                LOG.log(error instanceof WriterLostException ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                        this + ": saving a checkpoint failed after " + attempt + " attempt(s): " + error);
                return;
            }
            LOG.log(System.Logger.Level.DEBUG, this + ": save attempt " + attempt + " failed, retrying: " + error);
            Thread.sleep(backoffNanos / 1_000_000, (int) (backoffNanos % 1_000_000));
            backoffNanos = Math.min(backoffNanos * 2, retry.maxBackoff().toNanos());
            // Retry with the newest checkpoint if one arrived meanwhile: it supersedes this one.
            SaveHandover.Taken newer = handover.newer();
            if (newer != null) {
                taken = newer;
            }
        }
    }

    /** The JSON to save; a checkpoint that cannot be built fails like a bad one, without retries. */
    private static JsonObject wireForm(Object checkpoint) {
        if (!(checkpoint instanceof CheckpointState state)) {
            return (JsonObject) checkpoint;
        }
        try {
            return state.toJson();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the checkpoint could not be turned into JSON: " + e.getMessage(), e);
        }
    }

    private void notifyListener(CheckpointEnvelope saved) {
        try {
            onSaved.accept(saved);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, this + ": the saved-checkpoint listener failed: " + e);
        }
    }
}
