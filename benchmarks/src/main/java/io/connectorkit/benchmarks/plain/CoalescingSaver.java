package io.connectorkit.benchmarks.plain;

import java.nio.charset.StandardCharsets;

/**
 * Saves the newest submitted checkpoint with {@link BareDurableWrite} on a background thread; checkpoints submitted
 * while a save runs replace each other. What the TCK side of the comparison gets, so that it pays for its own runtime
 * and not for a synchronous disk. The checkpoint is turned into text on the saver's thread.
 */
public final class CoalescingSaver implements AutoCloseable {

    private final BareDurableWrite write;
    private final Thread thread;
    private Object pending;
    private long submitted;
    private long saved;
    private boolean closing;

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
                while (pending == null && !closing) {
                    try {
                        wait();
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
            write.write(String.valueOf(next).getBytes(StandardCharsets.UTF_8));
            synchronized (this) {
                saved++;
            }
        }
    }
}
