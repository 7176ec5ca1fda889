package io.connectorkit.testing;

import io.connectorkit.testing.RecordedRun.Delivered;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.opentest4j.AssertionFailedError;

/**
 * The runs a {@link ResumeCheck} compares, each made once: the reference run of the component to its end, and one run
 * resumed from each checkpoint asked about, of which only the comparison with the reference is kept. Also how the
 * checks' failure messages name a checkpoint. Not thread-safe.
 */
final class ResumeRuns {

    private final ComponentUnderTest component;
    private int maxRecords = ResumeCheck.DEFAULT_MAX_RECORDS;
    private BiPredicate<Object, Object> equivalence = Objects::equals;

    private RecordedRun reference;
    private final Map<Integer, ResumeOutcome> outcomes = new HashMap<>();

    ResumeRuns(ComponentUnderTest component) {
        this.component = component;
    }

    /** The most records one run may produce before the check fails. */
    void maxRecords(int max) {
        this.maxRecords = max;
    }

    /** How two records are compared (expected, actual), for the resumed runs compared from now on. */
    void equivalence(BiPredicate<Object, Object> equivalence) {
        this.equivalence = equivalence;
    }

    ComponentUnderTest component() {
        return component;
    }

    /**
     * The reference run, made on first use.
     *
     * @throws AssertionFailedError when it is too long, empty or delivers no checkpoint: nothing could be checked
     */
    RecordedRun reference() {
        if (reference == null) {
            RecordedRun run = RecordedRun.of(component.fromStart(), maxRecords);
            if (run.truncated()) {
                throw new AssertionFailedError(component.id() + ": the reference run produced more than " + maxRecords
                        + " records; give a configuration that ends sooner, or raise maxRecords(...)");
            }
            if (run.records().isEmpty()) {
                throw new AssertionFailedError(component.id() + ": the reference run produced no record, so there is "
                        + "nothing to resume; give a configuration that produces some");
            }
            if (run.checkpoints().isEmpty()) {
                throw new AssertionFailedError(component.id() + ": the reference run of " + run.records().size()
                        + " records delivered no checkpoint; does the emitter have a @CheckpointData method?");
            }
            reference = run;
        }
        return reference;
    }

    /**
     * How the run resumed from {@code from} compares with the reference run; made on first use.
     *
     * @throws AssertionFailedError when resuming from it fails
     */
    ResumeOutcome resumedFrom(Delivered from) {
        ResumeOutcome known = outcomes.get(from.ordinal());
        if (known != null) {
            return known;
        }
        List<Object> records = reference().records();
        RecordedRun resumed;
        try {
            resumed = RecordedRun.of(component.from(from.state().toJson()), records.size());
        } catch (RuntimeException e) {
            throw new AssertionFailedError(component.id() + ": resuming from checkpoint " + describe(from)
                    + " failed: " + e
                    + "\n  checkpoint: " + from.state().toJson(), e);
        }
        ResumeOutcome outcome = ResumeOutcome.compare(resumed, records, from.covered(), equivalence);
        outcomes.put(from.ordinal(), outcome);
        return outcome;
    }

    /** {@code "record #6"} or {@code "records #6 to #8"}. */
    static String records(int first, int last) {
        return first == last ? "record #" + first : "records #" + first + " to #" + last;
    }

    /** {@code "record #6 is"} or {@code "records #6 to #8 are"}. */
    static String range(int first, int last) {
        return records(first, last) + (first == last ? " is" : " are");
    }

    /**
     * For a checkpoint ahead of its records: when the emitter has a {@code @CheckpointAvailable} method, this
     * checkpoint was taken at one of its safe points (all but the final one of {@code stop()} are).
     */
    String safePointNote(Delivered checkpoint) {
        if (checkpoint.atStop()) {
            return "";
        }
        return component.safePointMethod()
                .map(method -> "\n  note:       this checkpoint was taken at a safe point reported by "
                        + "@CheckpointAvailable " + method + "(): the state may have been half-updated there (already "
                        + "past a record not returned yet); it must say true only when the state covers exactly the "
                        + "records returned so far.")
                .orElse("");
    }

    /** {@code "checkpoint after record #5 (#1 of 10)"}; the final one says that {@code stop()} delivered it. */
    String shortly(Delivered checkpoint) {
        return "checkpoint after record #" + checkpoint.covered() + " (#" + (checkpoint.ordinal() + 1) + " of "
                + reference().checkpoints().size() + (checkpoint.atStop() ? ", the final one, delivered by stop()" : "")
                + ")";
    }

    /** {@code "#1 of 10 (delivered after record #5)"}. */
    String describe(Delivered checkpoint) {
        return "#" + (checkpoint.ordinal() + 1) + " of " + reference().checkpoints().size()
                + " (delivered after record #" + checkpoint.covered() + ")";
    }
}
