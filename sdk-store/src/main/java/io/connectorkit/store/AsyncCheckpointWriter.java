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
 * <p>Thread-safe: any thread may call any method. Per submit it allocates nothing beyond the caller's checkpoint.
 */
public final class AsyncCheckpointWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AsyncCheckpointWriter.class.getName());

    /**
     * How failed saves are retried: up to {@code maxAttempts} saves in all, waiting {@code initialBackoff}, then
     * twice as long each time, at most {@code maxBackoff}.
     */
    public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        /** Five attempts, 100 ms to 5 s apart. */
        public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5));

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

    /** How often a busy writer looks for a new checkpoint: the most a submitted one waits before its save starts. */
    private static final long POLL_MILLIS = 1;
    /** Empty polls (about a second) before the writer sleeps until a submit wakes it. */
    private static final int IDLE_POLLS = 1000;

    private final CheckpointStore store;
    private final String job;
    private final String partition;
    private final RetryPolicy retry;
    private final Consumer<CheckpointEnvelope> onSaved;
    private final Thread thread;
    private final long minPauseNanos;

    // Guarded by this.
    private String pendingComponentId;
    /** A {@link JsonObject} or a {@link CheckpointState}, turned into JSON on this writer's thread. */
    private Object pendingCheckpoint;
    private long pendingSeq;
    private long submittedSeq;
    private long durableSeq;
    private long failedSeq;
    private RuntimeException failure;
    /** The store lost the job's writer claim: every later submit throws it. */
    private WriterLostException lost;
    private boolean closing;
    private boolean stopped;
    /** The writer thread waits without a time limit (idle for a while): a submit must wake it. */
    private boolean sleeping;
    /** Threads waiting in {@link #flush()}: the pending checkpoint is saved at once, without the pause. */
    private int flushing;
    /** When the pause after the last save ends ({@link System#nanoTime()}). */
    private long pauseEndsNanos;

    private volatile CheckpointEnvelope lastSaved;

    /** A writer with {@link RetryPolicy#DEFAULT}, no listener and {@link #DEFAULT_MIN_PAUSE}. */
    public AsyncCheckpointWriter(CheckpointStore store, String job, String partition) {
        this(store, job, partition, RetryPolicy.DEFAULT, saved -> { });
    }

    /** A writer with {@link #DEFAULT_MIN_PAUSE} between saves. */
    public AsyncCheckpointWriter(CheckpointStore store, String job, String partition, RetryPolicy retry,
                                 Consumer<CheckpointEnvelope> onSaved) {
        this(store, job, partition, retry, onSaved, DEFAULT_MIN_PAUSE);
    }

    /**
     * Starts the writer's thread.
     *
     * @param onSaved called on the writer's thread with each envelope once durable; must not block for long
     * @param minPause the least time from the start of one save to the start of the next (checkpoints submitted
     *     meanwhile are coalesced); {@link Duration#ZERO} saves as fast as the store allows. {@link #flush()} and
     *     {@link #close()} do not wait for it.
     */
    public AsyncCheckpointWriter(CheckpointStore store, String job, String partition, RetryPolicy retry,
                                 Consumer<CheckpointEnvelope> onSaved, Duration minPause) {
        this.store = Objects.requireNonNull(store, "store");
        this.job = StoreIds.require("job", job);
        this.partition = StoreIds.require("partition", partition);
        this.retry = Objects.requireNonNull(retry, "retry");
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
        if (Objects.requireNonNull(minPause, "minPause").isNegative()) {
            throw new IllegalArgumentException("minPause must not be negative, got " + minPause);
        }
        this.minPauseNanos = minPause.toNanos();
        this.pauseEndsNanos = System.nanoTime();
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
        Objects.requireNonNull(componentId, "componentId");
        synchronized (this) {
            if (closing) {
                throw new IllegalStateException(this + " is closed");
            }
            if (lost != null) {
                throw lost;
            }
            if (stopped) {
                throw new CheckpointStoreException(this + ": the writer thread stopped; this checkpoint cannot be "
                        + "saved" + (failure == null ? "" : ": " + failure.getMessage()), failure);
            }
            pendingComponentId = componentId;
            pendingCheckpoint = checkpoint;
            pendingSeq = ++submittedSeq;
            // Waking a waiting thread is a system call of microseconds: paid on the record path only after the
            // writer has been idle long enough to sleep; otherwise it finds this checkpoint at its next poll.
            if (sleeping) {
                notifyAll();
            }
        }
    }

    /**
     * Blocks until every checkpoint submitted so far is durable: the last one submitted (or a newer one) was saved.
     *
     * @throws CheckpointStoreException when saving it failed after all retries, or the writer stopped
     */
    public void flush() {
        synchronized (this) {
            long target = submittedSeq;
            flushing++;
            notifyAll(); // the writer takes the pending checkpoint now rather than at its next poll or pause's end
            try {
                while (durableSeq < target && failedSeq < target && !stopped) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CheckpointStoreException(this + ": interrupted while waiting for checkpoints to be saved");
            } finally {
                flushing--;
            }
            if (durableSeq >= target) {
                return;
            }
            if (failedSeq >= target) {
                if (failure == lost) {
                    throw lost; // the store's own words: which lock, what was found
                }
                throw new CheckpointStoreException(this + ": saving the latest checkpoint failed: "
                        + failure.getMessage(), failure);
            }
            throw new CheckpointStoreException(this + ": the writer thread stopped before saving the latest checkpoint"
                    + (failure == null ? "" : ": " + failure.getMessage()), failure);
        }
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
        synchronized (this) {
            closing = true;
            notifyAll();
        }
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
        try {
            while (true) {
                String componentId;
                Object checkpoint;
                long seq;
                synchronized (this) {
                    awaitWork();
                    if (pendingCheckpoint == null) {
                        return;
                    }
                    componentId = pendingComponentId;
                    checkpoint = pendingCheckpoint;
                    seq = pendingSeq;
                    pendingComponentId = null;
                    pendingCheckpoint = null;
                }
                long started = System.nanoTime();
                saveWithRetries(componentId, checkpoint, seq);
                synchronized (this) {
                    pauseEndsNanos = started + minPauseNanos;
                }
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                failure = new CheckpointStoreException(this + ": writer thread interrupted", e);
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failure = new CheckpointStoreException(this + ": writer thread died: " + e, e);
            }
            throw e;
        } finally {
            synchronized (this) {
                stopped = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits for a checkpoint (or close), and for the pause after the last save to end unless a flush or close is
     * waiting: polls every {@value #POLL_MILLIS} ms while checkpoints keep coming, so that {@link #submit} never has
     * to wake this thread, and sleeps until woken after {@value #IDLE_POLLS} empty polls.
     */
    private void awaitWork() throws InterruptedException {
        int emptyPolls = 0;
        while (!closing) {
            long pauseLeft = pauseEndsNanos - System.nanoTime();
            if (pauseLeft > 0 && flushing == 0) {
                // Nothing is saved before the pause ends, so a submit meanwhile need not wake this thread.
                wait(Math.max(1, pauseLeft / 1_000_000));
            } else if (pendingCheckpoint != null) {
                return;
            } else if (emptyPolls < IDLE_POLLS) {
                wait(POLL_MILLIS);
                emptyPolls++;
            } else {
                sleeping = true;
                try {
                    wait();
                } finally {
                    sleeping = false;
                }
            }
        }
    }

    private void saveWithRetries(String componentId, Object checkpoint, long seq) throws InterruptedException {
        long backoffNanos = retry.initialBackoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            RuntimeException error;
            try {
                CheckpointEnvelope saved = store.save(job, partition, componentId, wireForm(checkpoint));
                lastSaved = saved;
                notifyListener(saved);
                synchronized (this) {
                    durableSeq = Math.max(durableSeq, seq);
                    notifyAll();
                }
                return;
            } catch (WriterLostException e) {
                error = e; // Another writer may hold the job now: no retry, and no later save either.
                attempt = retry.maxAttempts();
                synchronized (this) {
                    lost = e;
                }
            } catch (IllegalArgumentException e) {
                error = e; // A bad id or checkpoint: retrying cannot help.
                attempt = retry.maxAttempts();
            } catch (RuntimeException e) {
                error = e;
            }
            if (attempt >= retry.maxAttempts()) {
                synchronized (this) {
                    failedSeq = Math.max(failedSeq, seq);
                    failure = error;
                    notifyAll();
                }
                // A lost claim is reported to the caller by submit and flush, and to the store's listeners.
                LOG.log(error instanceof WriterLostException ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                        this + ": saving a checkpoint failed after " + attempt + " attempt(s): " + error);
                return;
            }
            LOG.log(System.Logger.Level.DEBUG, this + ": save attempt " + attempt + " failed, retrying: " + error);
            Thread.sleep(backoffNanos / 1_000_000, (int) (backoffNanos % 1_000_000));
            backoffNanos = Math.min(backoffNanos * 2, retry.maxBackoff().toNanos());
            synchronized (this) {
                // Retry with the newest checkpoint if one arrived meanwhile: it supersedes this one.
                if (pendingCheckpoint != null) {
                    componentId = pendingComponentId;
                    checkpoint = pendingCheckpoint;
                    seq = pendingSeq;
                    pendingComponentId = null;
                    pendingCheckpoint = null;
                }
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
