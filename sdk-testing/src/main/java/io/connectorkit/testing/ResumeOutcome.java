package io.connectorkit.testing;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * How the records of a run resumed from one checkpoint compare with the reference run. Computed once per
 * checkpoint while the resumed records are in memory; only this small result is kept.
 */
final class ResumeOutcome {

    /** Stands for a missing record when one run ends before the other. */
    static final String END = "<end of input>";

    /** The first difference: {@code position} is 0-based in the reference run. */
    record Mismatch(int position, Object expected, Object actual) {
    }

    private final int produced;
    private final boolean tooMany;
    private final Mismatch divergence;
    private final int tailStart;
    private final Mismatch tailMismatch;

    private ResumeOutcome(int produced, boolean tooMany, Mismatch divergence, int tailStart, Mismatch tailMismatch) {
        this.produced = produced;
        this.tooMany = tooMany;
        this.divergence = divergence;
        this.tailStart = tailStart;
        this.tailMismatch = tailMismatch;
    }

    /**
     * @param resumed the resumed run, limited to {@code reference.size()} records
     * @param covered the records of the reference run the checkpoint covers
     */
    static ResumeOutcome compare(RecordedRun resumed, List<Object> reference, int covered,
            BiPredicate<Object, Object> equivalence) {
        List<Object> records = resumed.records();
        if (resumed.truncated()) {
            Mismatch divergence = firstMismatch(reference, covered, records, equivalence);
            if (divergence == null) {
                divergence = new Mismatch(reference.size(), END, "<more records>");
            }
            return new ResumeOutcome(records.size(), true, divergence, -1, null);
        }
        int tailStart = reference.size() - records.size();
        return new ResumeOutcome(records.size(), false, firstMismatch(reference, covered, records, equivalence),
                tailStart, firstMismatch(reference, tailStart, records, equivalence));
    }

    private static Mismatch firstMismatch(List<Object> reference, int start, List<Object> records,
            BiPredicate<Object, Object> equivalence) {
        int length = Math.max(records.size(), reference.size() - start);
        for (int j = 0; j < length; j++) {
            boolean hasExpected = start + j < reference.size();
            boolean hasActual = j < records.size();
            Object expected = hasExpected ? reference.get(start + j) : END;
            Object actual = hasActual ? records.get(j) : END;
            if (!hasExpected || !hasActual || !equivalence.test(expected, actual)) {
                return new Mismatch(start + j, expected, actual);
            }
        }
        return null;
    }

    /** Records the resumed run produced (at most the reference's count when {@link #tooMany()}). */
    int produced() {
        return produced;
    }

    /** The resumed run produced more records than the whole reference run. */
    boolean tooMany() {
        return tooMany;
    }

    /** The first difference with the reference records after the checkpoint, or {@code null} when equal. */
    Mismatch divergence() {
        return divergence;
    }

    /**
     * Where the resumed records start in the reference run if they are its tail ({@code reference - produced}), so
     * that a crash after {@code c} records repeats {@code c - tailStart} of them; -1 when {@link #tooMany()}.
     */
    int tailStart() {
        return tailStart;
    }

    /** The first difference with the reference run's last {@link #produced()} records, or {@code null}. */
    Mismatch tailMismatch() {
        return tailMismatch;
    }
}
