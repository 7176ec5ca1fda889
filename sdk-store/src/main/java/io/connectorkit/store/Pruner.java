package io.connectorkit.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes the generation files a {@link FileCheckpointStore} no longer keeps, on one daemon thread of the store
 * (started at the first deletion), so that a save does not wait for them. Files are deleted in the order they were
 * handed over, which is oldest first per partition. Each outcome is reported back to its {@link PartitionWriter}; a
 * failed delete is logged as a WARNING naming the file, and the partition hands it over again after its next save.
 * Thread-safe.
 */
final class Pruner {

    private static final System.Logger LOG = System.getLogger(FileCheckpointStore.class.getName());

    /** One file to delete. */
    private record Task(PartitionWriter partition, long generation) {
    }

    private final String storeName;
    private final FileOps ops;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    /** Per job, the tasks handed over and not finished (queued or being deleted). */
    private final Map<String, Integer> unfinished = new HashMap<>();
    private Thread thread;
    private boolean closed;

    Pruner(String storeName, FileOps ops) {
        this.storeName = storeName;
        this.ops = ops;
    }

    /**
     * Queues the deletion of {@code generations} (ascending) of {@code partition}. After {@link #close()}, reports
     * them back as not deleted instead.
     */
    void submit(PartitionWriter partition, List<Long> generations) {
        if (generations.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (!closed && startThread()) {
                for (long generation : generations) {
                    queue.add(new Task(partition, generation));
                }
                unfinished.merge(partition.job(), generations.size(), Integer::sum);
                notifyAll();
                return;
            }
        }
        // Closed (unreachable through the store: it stops saving before closing us), or no thread could be started:
        // the files stay listed and are handed over again after the next save, or pruned by the next writer.
        for (long generation : generations) {
            partition.pruned(generation, false);
        }
    }

    /** Starts the thread if none runs; false when the JVM cannot start one (the save that got here stays good). */
    private boolean startThread() {
        if (thread != null) {
            return true;
        }
        Thread started = new Thread(this::run, "connectorkit-pruner " + storeName);
        started.setDaemon(true);
        try {
            started.start();
        } catch (OutOfMemoryError | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, storeName + ": cannot start the thread that prunes old generations ("
                    + e + "); they are kept until a later save can");
            return false;
        }
        thread = started;
        return true;
    }

    /** Waits until every deletion handed over for {@code job} is finished. */
    void awaitJob(String job) {
        awaitUntil(() -> !unfinished.containsKey(job));
    }

    /** Waits until every deletion handed over is finished; for tests. */
    void awaitAll() {
        awaitUntil(unfinished::isEmpty);
    }

    /** Finishes the queued deletions, then stops the thread. Further submissions are not deleted. Idempotent. */
    void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            notifyAll();
            running = thread;
        }
        if (running == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                running.join();
                break;
            } catch (InterruptedException e) {
                // Files of kept generations must not be deleted by a thread outliving the lock: wait regardless.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The deletion thread, or {@code null} if none was started; for tests. */
    synchronized Thread thread() {
        return thread;
    }

    private interface Condition {
        boolean holds();
    }

    private synchronized void awaitUntil(Condition done) {
        boolean interrupted = false;
        while (!done.holds()) {
            try {
                wait();
            } catch (InterruptedException e) {
                // A caller about to delete a job's files or release its lock must not return before pending
                // deletions are finished; deletes are short, so wait anyway and keep the interrupt.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                Task task;
                synchronized (this) {
                    while (queue.isEmpty() && !closed) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // Only close() stops this thread.
                        }
                    }
                    task = queue.poll();
                    if (task == null) {
                        return;
                    }
                }
                boolean deleted = false;
                try {
                    deleted = delete(task);
                } finally {
                    task.partition().pruned(task.generation(), deleted);
                    finished(task);
                }
            }
        } finally {
            abandonQueue();
        }
    }

    private boolean delete(Task task) {
        Path file = task.partition().file(task.generation());
        try {
            ops.delete(file);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, CheckpointStoreException.describe(storeName, task.partition().job(),
                    file, "cannot prune an old generation (retention " + task.partition().retention() + "): " + e
                            + "; retried after the next save"));
            return false;
        }
    }

    private synchronized void finished(Task task) {
        unfinished.computeIfPresent(task.partition().job(), (job, count) -> count == 1 ? null : count - 1);
        notifyAll();
    }

    /**
     * After the thread ends (normally with nothing queued; or killed by an Error), reports what is left as not
     * deleted, so that nobody waits forever and the partitions hand the files over again; the next submission starts
     * a new thread.
     */
    private void abandonQueue() {
        List<Task> left;
        synchronized (this) {
            left = List.copyOf(queue);
            queue.clear();
            unfinished.clear();
            thread = null;
            notifyAll();
        }
        for (Task task : left) {
            task.partition().pruned(task.generation(), false);
        }
    }
}
