package io.connectorkit.store;

import java.time.Duration;

/**
 * How a {@link JdbcCheckpointStore} claims jobs: who it is, when a claim is stale, how often it beats, how long a
 * statement waits for a claim row's lock.
 */
record ClaimSettings(Duration staleAfter, Duration lockTimeout, OwnerId owner, OwnerId.ProcessProbe probe,
                     Duration heartbeatEvery) {

    /** A heartbeat every quarter of {@code staleAfter}, never more often than every 100 ms. */
    ClaimSettings(Duration staleAfter, Duration lockTimeout, OwnerId owner, OwnerId.ProcessProbe probe) {
        this(staleAfter, lockTimeout, owner, probe, max(staleAfter.dividedBy(4), Duration.ofMillis(100)));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    ClaimSettings {
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("lockStaleAfter must be positive, got " + staleAfter);
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("lockTimeout must be positive, got " + lockTimeout);
        }
    }
}
