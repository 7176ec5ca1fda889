package io.connectorkit.store.s3;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a writer knows of one partition it writes: the generations there are objects for (listed at its first save,
 * then kept up to date by its own saves and prunes, since no one else writes the job while it holds the claim), and
 * whether its {@code saved/} trace is written. Not thread-safe: used holding the store's lock for the job.
 */
final class S3Partition {

    /** Generation → when it was saved (the envelope's time for ours, the listing's last modification for others). */
    private final TreeMap<Long, Instant> kept = new TreeMap<>();
    private long lastAssigned;
    private boolean traced;

    S3Partition(List<S3Objects.Listed> listed, String partitionPrefix) {
        for (S3Objects.Listed object : listed) {
            kept.put(S3Reads.generationOf(partitionPrefix, object), object.lastModified() == null ? Instant.EPOCH
                    : object.lastModified());
        }
        lastAssigned = kept.isEmpty() ? 0 : kept.lastKey();
    }

    /** The next generation to write: above every object there is, valid or not, and above every number handed out. */
    long next() {
        lastAssigned = Math.max(lastAssigned, kept.isEmpty() ? 0 : kept.lastKey()) + 1;
        return lastAssigned;
    }

    void saved(long generation, Instant at) {
        kept.put(generation, at);
    }

    boolean traced() {
        return traced;
    }

    void markTraced() {
        traced = true;
    }

    /**
     * Takes out and returns, oldest first, the generations the retention no longer keeps after {@code newest} was
     * saved: all but the {@code retention} newest, except those saved less than {@code keepYoungerThan} before
     * {@code now} ({@code null}: no such exception). The newest, just written and verified by its write, is always
     * kept, so is every generation above the ones returned.
     */
    List<Long> takeBeyondRetention(int retention, Duration keepYoungerThan, Instant now) {
        List<Long> beyond = new ArrayList<>();
        int toDrop = kept.size() - retention;
        for (Map.Entry<Long, Instant> entry : kept.entrySet()) {
            if (beyond.size() >= toDrop) {
                break;
            }
            if (keepYoungerThan != null && entry.getValue().isAfter(now.minus(keepYoungerThan))) {
                break; // this one and every newer one are young enough
            }
            beyond.add(entry.getKey());
        }
        beyond.forEach(kept::remove);
        return beyond;
    }

    /** Puts back generations whose deletion failed, so that a later save tries again. */
    void restore(long generation, Instant at) {
        kept.put(generation, at);
    }
}
