package io.connectorkit.benchmarks.plain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Saves the newest submitted checkpoint with {@link BareDurableWrite} on a background thread; checkpoints submitted
 * while a save runs replace each other. What the TCK side of the comparison gets, so that it pays for its own runtime
 * and not for a synchronous disk. The checkpoint is turned into text on the saver's thread. Saves start at least
 * {@link #PAUSE} apart, as Connector Kit's writer's do by default.
 */
public final class CoalescingSaver implements AutoCloseable {

    /**
     * Connector Kit's {@code AsyncCheckpointWriter.DEFAULT_MIN_PAUSE}, copied: this class runs in TCK's class loader,
     * which cannot see Connector Kit (SideBySideTest checks that the two agree).
     */
    public static final Duration PAUSE = Duration.ofMillis(100);
    private static final long PAUSE_NANOS = PAUSE.toNanos();

    private final BareDurableWrite write;
    private final Thread thread;
    private Object pending;
    private long submitted;
    private long saved;
    private boolean closing;
    private long pauseEnds = System.nanoTime();

    public CoalescingSaver(BareDurableWrite write) {
        this.write = write;
        this.thread = new Thread(this::run, "coalescing-saver");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code checkpoint} (its {@code toString()} is saved), replacing any one still waiting. */
    public synchronized void submit(Object checkpoint) {
        pending = checkpoint;
        submitted++;
        notifyAll();
    }

    /** How many saves actually reached the disk. */
    public synchronized long saved() {
        return saved;
    }

    /** Saves what is pending, then stops. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Object next;
            synchronized (this) {
                while (!closing && (pending == null || System.nanoTime() < pauseEnds)) {
                    try {
                        long left = Math.max(1, (pauseEnds - System.nanoTime()) / 1_000_000);
                        wait(pending == null ? 0 : left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending == null) {
                    return;
                }
                next = pending;
                pending = null;
            }
            long started = System.nanoTime();
            write.write(String.valueOf(next).getBytes(StandardCharsets.UTF_8));
            synchronized (this) {
                saved++;
                pauseEnds = started + PAUSE_NANOS;
            }
        }
    }
}
