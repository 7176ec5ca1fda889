package io.connectorkit.testing;

import static io.connectorkit.testing.ResumeRuns.range;
import static io.connectorkit.testing.ResumeRuns.records;

import io.connectorkit.testing.RecordedRun.Delivered;
import io.connectorkit.testing.ResumeOutcome.Mismatch;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The crash part of a {@link ResumeCheck}: for each crash point {@code c}, resuming from the last checkpoint the host
 * may have saved loses no record and repeats at most the duplicate bound (the crash model is described on
 * {@link ResumeCheck}). Not thread-safe.
 */
final class CrashCheck {

    /** What the crash check verified: the crash points simulated, and the most records one of them repeated. */
    record Crashes(int points, int maxDuplicates) {
    }

    private final ResumeRuns runs;
    private final long declaredBound;

    /** @param declaredBound the bound declared with {@code duplicateBound}, or 0 to derive it from the reference run */
    CrashCheck(ResumeRuns runs, long declaredBound) {
        this.runs = runs;
        this.declaredBound = declaredBound;
    }

    /** The duplicate bound: as declared, or the largest gap between checkpoints of the reference run. */
    long bound() {
        return declaredBound > 0 ? declaredBound : runs.reference().largestGap();
    }

    /**
     * Simulates a crash at each of {@code crashPoints}.
     *
     * @throws AssertionFailedError at the first crash that loses a record or repeats too many
     */
    Crashes verify(CrashPoints crashPoints) {
        RecordedRun run = runs.reference();
        List<Delivered> checkpoints = run.checkpoints();
        long bound = bound();
        int[] points = crashPoints.select(run.records().size());
        int maxDuplicates = 0;
        int next = 0; // the first checkpoint covering c records or more
        for (int c : points) {
            while (next < checkpoints.size() && checkpoints.get(next).covered() < c) {
                next++;
            }
            List<Delivered> candidates = new ArrayList<>();
            candidates.add(next > 0 ? checkpoints.get(next - 1) : null); // null: no checkpoint saved, from the start
            for (int k = next; k < checkpoints.size() && checkpoints.get(k).covered() == c; k++) {
                candidates.add(checkpoints.get(k));
            }
            for (Delivered from : candidates) {
                maxDuplicates = Math.max(maxDuplicates, crashAt(c, from, bound));
            }
        }
        return new Crashes(points.length, maxDuplicates);
    }

    /** The records repeated by a crash after {@code c} records resumed from {@code from} (null: from the start). */
    private int crashAt(int c, Delivered from, long bound) {
        String id = runs.component().id();
        int tailStart = 0;
        if (from != null) {
            ResumeOutcome outcome = runs.resumedFrom(from);
            if (outcome.tooMany() || outcome.tailMismatch() != null) {
                Mismatch wrong = outcome.tooMany() ? outcome.divergence() : outcome.tailMismatch();
                throw new AssertionFailedError(id + ": after a crash after record #" + c
                        + ", resuming from checkpoint " + runs.describe(from) + " does not give the rest of the "
                        + "reference run: " + (outcome.tooMany() ? "it produced more records than the whole reference "
                                + "run" : "its " + outcome.produced() + " records are not the reference run's last "
                                        + outcome.produced())
                        + "."
                        + "\n  checkpoint: " + from.state().toJson()
                        + "\n  record:     #" + (wrong.position() + 1)
                        + "\n  expected:   " + wrong.expected()
                        + "\n  actual:     " + wrong.actual(),
                        wrong.expected(), wrong.actual());
            }
            tailStart = outcome.tailStart();
        }
        String source = from == null ? "the start (no checkpoint delivered yet)" : "checkpoint " + runs.describe(from);
        String json = from == null ? "none" : from.state().toJson().toString();
        if (tailStart > c) {
            List<Object> records = runs.reference().records();
            Object lost = records.get(c);
            Object resumedFirst = tailStart < records.size() ? records.get(tailStart) : ResumeOutcome.END;
            String headline = from == null
                    ? "a crash after record #" + c + " loses " + records(c + 1, tailStart) + ": resuming from "
                            + source + " starts at record #" + (tailStart + 1) + "."
                    : "the " + runs.shortly(from) + " is ahead of what it covers: after a crash after record #" + c
                            + ", " + range(c + 1, tailStart) + " lost (resuming from it starts at record #"
                            + (tailStart + 1) + ").";
            throw new AssertionFailedError(id + ": " + headline
                    + "\n  checkpoint: " + json
                    + "\n  record:     #" + (c + 1) + " is never received"
                    + "\n  expected:   " + lost
                    + "\n  actual:     " + resumedFirst
                    + (from == null ? "" : runs.safePointNote(from)),
                    lost, resumedFirst);
        }
        int duplicates = c - tailStart;
        if (duplicates > bound) {
            throw new AssertionFailedError(id + ": a crash after record #" + c + " repeats "
                    + duplicates + " records (#" + (tailStart + 1) + " to #" + c + ") when resuming from " + source
                    + ", more than the bound of " + bound + " ("
                    + (declaredBound > 0 ? "declared with duplicateBound"
                            : "the largest gap between checkpoints of the reference run")
                    + ")."
                    + "\n  checkpoint: " + json
                    + "\n  record:     #" + (tailStart + 1) + " is the first record resumed"
                    + "\n  expected:   at most " + bound + " records repeated"
                    + "\n  actual:     " + duplicates + " records repeated",
                    bound, duplicates);
        }
        return duplicates;
    }
}
