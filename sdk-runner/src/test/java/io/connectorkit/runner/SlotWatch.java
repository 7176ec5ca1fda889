package io.connectorkit.runner;

import io.connectorkit.store.CheckpointEnvelope;
import io.connectorkit.store.CheckpointStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.postgresql.replication.LogSequenceNumber;

/**
 * Watches, on a thread of its own, that a CDC job's slot never confirms a position past the job's last durable
 * checkpoint: it reads the slot's {@code confirmed_flush_lsn} first and the store's latest checkpoint second, so that
 * a checkpoint saved in between can only make the check easier to pass, never fail it wrongly.
 */
final class SlotWatch implements AutoCloseable {

    private final CdcTestSource source;
    private final String job;
    private final Supplier<CheckpointStore> stores;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean watching = true;
    private volatile long checks;
    private final Thread thread;

    /** @param stores opens the job's checkpoint store for reading, once per check */
    SlotWatch(CdcTestSource source, String job, Supplier<CheckpointStore> stores) {
        this.source = source;
        this.job = job;
        this.stores = stores;
        this.thread = new Thread(this::watch, "slot-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (watching) {
            try {
                long confirmed = source.confirmedFlush();
                long durable = durableLsn();
                if (confirmed > Math.max(durable, source.createdAt())) {
                    violations.add("confirmed_flush_lsn " + LogSequenceNumber.valueOf(confirmed).asString()
                            + " is past the last durable checkpoint "
                            + (durable < 0 ? "(none)" : LogSequenceNumber.valueOf(durable).asString()));
                }
                checks++;
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the store or the server between two states (a file being replaced, a table being made): next time
            }
        }
    }

    /** The latest durable checkpoint's lsn as a number; -1 when there is none yet. */
    private long durableLsn() {
        try (CheckpointStore store = stores.get()) {
            Optional<CheckpointEnvelope> latest = store.loadLatest(job, JobPartitions.SINGLE);
            return latest.map(saved -> LogSequenceNumber.valueOf(saved.checkpoint().getJsonObject("$checkpoint")
                    .getString("lsn")).asLong()).orElse(-1L);
        }
    }

    /** The violations seen, after at least one check. */
    List<String> stop() throws InterruptedException {
        watching = false;
        thread.join();
        if (checks == 0) {
            throw new AssertionError("the slot was never checked");
        }
        return List.copyOf(violations);
    }

    long checks() {
        return checks;
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        thread.join();
    }
}
