package io.connectorkit.testing;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Where {@link ResumeCheck#verifyCrashes()} simulates a crash: a crash point {@code c} means the host had received
 * records 1 to {@code c} of the reference run, and nothing after, when the process died.
 *
 * <pre>{@code
 * ResumeCheck.of(manager, "checkpoint", "list-input", config).crashPoints(CrashPoints.sample(1_000, 7L)).verify();
 * }</pre>
 */
public final class CrashPoints {

    private final Selector selector;
    private final String description;

    private CrashPoints(Selector selector, String description) {
        this.selector = selector;
        this.description = description;
    }

    /** A crash after every record, and before the first: {@code 0 … n} for a run of {@code n} records. */
    public static CrashPoints everyRecord() {
        return new CrashPoints(records -> IntStream.rangeClosed(0, records).toArray(), "every record");
    }

    /** At most {@code count} crash points drawn from {@code 0 … n} with {@code seed}; always includes {@code n}. */
    public static CrashPoints sample(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("sample at least one crash point, got " + count);
        }
        return new CrashPoints(records -> {
            if (records + 1 <= count) {
                return IntStream.rangeClosed(0, records).toArray();
            }
            return IntStream.concat(new Random(seed).ints(count - 1L, 0, records + 1), IntStream.of(records))
                    .distinct().sorted().toArray();
        }, count + " crash points sampled with seed " + seed);
    }

    /** Exactly these crash points (those beyond the run's records are ignored). */
    public static CrashPoints at(int... recordsReceived) {
        int[] points = recordsReceived.clone();
        return new CrashPoints(records -> Arrays.stream(points).filter(c -> c >= 0 && c <= records).distinct()
                .sorted().toArray(), "crash points " + Arrays.toString(points));
    }

    /** No crash simulated. */
    public static CrashPoints none() {
        return new CrashPoints(records -> new int[0], "no crash point");
    }

    /** The crash points for a reference run of {@code records} records, ascending. */
    int[] select(int records) {
        return selector.select(records);
    }

    @Override
    public String toString() {
        return description;
    }

    private interface Selector {
        int[] select(int records);
    }
}
