package io.connectorkit.runner;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The pause before a retry: exponential backoff with full jitter. */
final class Backoff {

    private Backoff() {
    }

    /** Uniformly between half and all of {@code initial × 2^attempt}. */
    static Duration delay(Duration initial, int attempt) {
        long ceiling = initial.toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
