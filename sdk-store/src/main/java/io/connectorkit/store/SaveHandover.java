package io.connectorkit.store;

import io.connectorkit.runtime.CheckpointState;
import jakarta.json.JsonObject;

/**
 * The hand-over between the threads that submit checkpoints to an {@link AsyncCheckpointWriter} and its writer thread:
 * one slot holding the newest checkpoint not yet taken (a newer one replaces it), numbered so that a flush knows when
 * everything submitted before it is durable or failed, and the writer thread's waiting: the pause after a save, then
 * polls, then sleep until a submit wakes it. Guarded by itself.
 */
final class SaveHandover {

    /** How often a busy writer looks for a new checkpoint: the most a submitted one waits before its save starts. */
    static final long POLL_MILLIS = 1;
    /** Empty polls (about a second) before the writer sleeps until a submit wakes it. */
    static final int IDLE_POLLS = 1000;

    /**
     * A checkpoint the writer thread took.
     *
     * @param checkpoint a {@link JsonObject} or a {@link CheckpointState}, turned into JSON on the writer's thread
     * @param seq its submit number
     */
    record Taken(String componentId, Object checkpoint, long seq) {
    }

    /** The writer, for messages. */
    private final Object writer;
    private final long minPauseNanos;

    private String pendingComponentId;
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
    /** Threads waiting in {@link #awaitDurable()}: the pending checkpoint is saved at once, without the pause. */
    private int flushing;
    /** When the pause after the last save ends ({@link System#nanoTime()}). */
    private long pauseEndsNanos;

    /**
     * @param writer the writer, for messages
     * @param minPauseNanos the least time from the start of one save to the start of the next
     */
    SaveHandover(Object writer, long minPauseNanos) {
        this.writer = writer;
        this.minPauseNanos = minPauseNanos;
        this.pauseEndsNanos = System.nanoTime();
    }

    /** See {@link AsyncCheckpointWriter#submit(String, JsonObject)}. */
    synchronized void submit(String componentId, Object checkpoint) {
        if (closing) {
            throw new IllegalStateException(writer + " is closed");
        }
        if (lost != null) {
            throw lost;
        }
        if (stopped) {
            throw new CheckpointStoreException(writer + ": the writer thread stopped; this checkpoint cannot be "
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

    /** See {@link AsyncCheckpointWriter#flush()}. */
    synchronized void awaitDurable() {
        long target = submittedSeq;
        flushing++;
        notifyAll(); // the writer takes the pending checkpoint now rather than at its next poll or pause's end
        try {
            while (durableSeq < target && failedSeq < target && !stopped) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointStoreException(writer + ": interrupted while waiting for checkpoints to be saved");
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
            throw new CheckpointStoreException(writer + ": saving the latest checkpoint failed: "
                    + failure.getMessage(), failure);
        }
        throw new CheckpointStoreException(writer + ": the writer thread stopped before saving the latest checkpoint"
                + (failure == null ? "" : ": " + failure.getMessage()), failure);
    }

    /** No submit from now on; the writer thread takes what is pending at once, then finds nothing and ends. */
    synchronized void close() {
        closing = true;
        notifyAll();
    }

    /**
     * For the writer thread: waits for a checkpoint (or close), and for the pause after the last save to end unless a
     * flush or close is waiting, then takes it. Polls every {@value #POLL_MILLIS} ms while checkpoints keep coming, so
     * that a submit never has to wake this thread, and sleeps until woken after {@value #IDLE_POLLS} empty polls.
     *
     * @return the checkpoint to save, or {@code null} once closed with nothing pending
     */
    synchronized Taken take() throws InterruptedException {
        int emptyPolls = 0;
        while (!closing) {
            long pauseLeft = pauseEndsNanos - System.nanoTime();
            if (pauseLeft > 0 && flushing == 0) {
                // Nothing is saved before the pause ends, so a submit meanwhile need not wake this thread.
                wait(Math.max(1, pauseLeft / 1_000_000));
            } else if (pendingCheckpoint != null) {
                break;
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
        return newer();
    }

    /** For the writer thread between retries: the checkpoint submitted meanwhile, which supersedes; or {@code null}. */
    synchronized Taken newer() {
        if (pendingCheckpoint == null) {
            return null;
        }
        Taken taken = new Taken(pendingComponentId, pendingCheckpoint, pendingSeq);
        pendingComponentId = null;
        pendingCheckpoint = null;
        return taken;
    }

    /** The save of a checkpoint taken at {@code startedNanos} is over: the next one waits for the pause. */
    synchronized void pauseAfter(long startedNanos) {
        pauseEndsNanos = startedNanos + minPauseNanos;
    }

    /** Everything submitted up to {@code seq} is durable. */
    synchronized void saved(long seq) {
        durableSeq = Math.max(durableSeq, seq);
        notifyAll();
    }

    /** The store lost the job's writer claim: every later submit throws {@code e}. */
    synchronized void lost(WriterLostException e) {
        lost = e;
    }

    /** Saving the checkpoints submitted up to {@code seq} failed for good with {@code error}. */
    synchronized void failed(long seq, RuntimeException error) {
        failedSeq = Math.max(failedSeq, seq);
        failure = error;
        notifyAll();
    }

    /** The writer thread ends; {@code why} is its failure, or {@code null} when it ended after a close. */
    synchronized void stopped(CheckpointStoreException why) {
        if (why != null) {
            failure = why;
        }
        stopped = true;
        notifyAll();
    }
}
