package io.connectorkit.store.s3;

import io.connectorkit.store.CheckpointStoreException;
import io.connectorkit.store.OwnerId;
import io.connectorkit.store.WriterLostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The writer claims an {@link S3CheckpointStore} holds, one per job it wrote, refreshed by one heartbeat thread
 * (started at the first claim), and the listeners told when one is lost. Thread-safe.
 */
final class S3Claims {

    private static final System.Logger LOG = System.getLogger(S3CheckpointStore.class.getName());

    private final S3Objects objects;
    private final S3Keys keys;
    private final String store;
    private final S3StoreBuilder.Settings settings;
    private final OwnerId owner = OwnerId.current();
    private final Map<String, S3JobClaim> held = new HashMap<>();
    private final List<Consumer<WriterLostException>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService heartbeat;
    private boolean closed;

    S3Claims(S3Objects objects, S3Keys keys, String store, S3StoreBuilder.Settings settings) {
        this.objects = objects;
        this.keys = keys;
        this.store = store;
        this.settings = settings;
    }

    /**
     * This store's claim of {@code job}, claimed now if it has none.
     *
     * @throws CheckpointStoreException when the store is closed or another writer holds the job
     */
    synchronized S3JobClaim claim(String job) {
        if (closed) {
            throw new CheckpointStoreException(store + ": job '" + job + "': the store is closed");
        }
        S3JobClaim claim = held.get(job);
        if (claim == null) {
            claim = S3JobClaim.acquire(objects, store, job, keys.claim(job), owner, settings.claimStaleAfter(),
                    settings.clock());
            held.put(job, claim);
            startHeartbeat();
        }
        return claim;
    }

    /** @throws WriterLostException when {@code claim} was lost; {@link CheckpointStoreException} once closed */
    void requireHeld(S3JobClaim claim) {
        synchronized (claim) {
            claim.requireHeld();
        }
        synchronized (this) {
            if (closed) {
                throw new CheckpointStoreException(store + ": job '" + claim.job() + "': the store is closed");
            }
        }
    }

    /** Marks {@code claim} lost because another writer wrote where this one was writing, and tells the listeners. */
    WriterLostException lost(S3JobClaim claim, String why) {
        WriterLostException lost;
        boolean first;
        synchronized (claim) {
            first = !claim.isLost();
            lost = claim.lose(why);
        }
        if (first) {
            tell(lost);
        }
        return lost;
    }

    void onWriterLost(Consumer<WriterLostException> listener) {
        listeners.add(listener);
    }

    private void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "connectorkit-s3-heartbeat " + store);
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, settings.claimStaleAfter().dividedBy(4).toMillis());
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        List<S3JobClaim> claims;
        synchronized (this) {
            claims = new ArrayList<>(held.values());
        }
        for (S3JobClaim claim : claims) {
            try {
                synchronized (claim) {
                    if (claim.isLost()) {
                        continue;
                    }
                    claim.heartbeat();
                }
            } catch (WriterLostException e) {
                tell(e);
            } catch (RuntimeException e) {
                // A missed beat is not a lost claim: the claim goes stale only after several.
                LOG.log(System.Logger.Level.WARNING, store + ": job '" + claim.job() + "': could not refresh the "
                        + "writer claim: " + e.getMessage());
            }
        }
    }

    private void tell(WriterLostException lost) {
        for (Consumer<WriterLostException> listener : listeners) {
            try {
                listener.accept(lost);
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, store + ": a writer-lost listener failed: " + failed);
            }
        }
    }

    /**
     * Closes: stops the heartbeat, finishes {@code pruning}, then releases every claim still this store's.
     *
     * @return false when it was closed already
     */
    boolean close(S3Pruning pruning) {
        List<S3JobClaim> claims;
        ScheduledExecutorService beating;
        synchronized (this) {
            if (closed) {
                return false;
            }
            beating = heartbeat;
            closed = true;
            claims = new ArrayList<>(held.values());
            held.clear();
        }
        if (beating != null) {
            // Not shutdownNow: a beat cut short may have refreshed the claim without our knowing its new ETag.
            beating.shutdown();
            try {
                beating.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pruning.close();
        CheckpointStoreException failure = null;
        for (S3JobClaim claim : claims) {
            synchronized (claim) {
                try {
                    claim.release();
                } catch (CheckpointStoreException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return true;
    }
}
